// The side panel: status line, colour controls, legend and the picked building. It knows the page,
// not Cesium: a picked feature is read only through getProperty/getPropertyIds.
import { make } from "./dom.js";

const DETAIL_URL = "api/objects/";

/** The tile properties shown first, in this order, with units; any others follow as they come. */
const TILE_PROPERTIES = [
  ["height", "height", "m"],
  ["usage", "usage code", ""],
  ["storeys", "storeys above ground", ""],
  ["river_flood_depth", "river flood depth", "m"],
  ["river_flood_rank", "river flood rank", ""],
];

export class Panel {
  constructor(document) {
    this.document = document;
    this.element = (id) => document.getElementById(id);
    this.pickedId = null;
  }

  status(text, isError = false) {
    const status = this.element("status");
    status.textContent = text;
    status.classList.toggle("error", isError);
  }

  colourScheme() {
    return this.element("colour-by").value;
  }

  /** Back to the first option (plain); returns it. */
  resetColourScheme() {
    this.element("colour-by").selectedIndex = 0;
    return this.colourScheme();
  }

  onColourChange(listener) {
    this.element("colour-by").addEventListener("change", () => listener(this.colourScheme()));
  }

  onReset(listener) {
    this.element("reset").addEventListener("click", listener);
  }

  /** Shows a legend from colouring.legendFor, or hides it for null. */
  showLegend(legend) {
    this.element("legend").hidden = !legend;
    if (!legend) {
      return;
    }
    this.element("legend-title").textContent = legend.title;
    this.element("legend-entries").replaceChildren(
      ...legend.entries.map(([colour, label]) => {
        const swatch = make(this.document, "span", "", "swatch");
        swatch.style.background = colour;
        const item = make(this.document, "li");
        item.append(swatch, label);
        return item;
      }),
    );
  }

  clearSelection() {
    this.pickedId = null;
    this.element("picked").hidden = true;
    this.element("hint").hidden = false;
  }

  /** Shows what the tile knows at once, then the store's full record of the building. */
  showPicked(feature) {
    const id = feature.getProperty("gml_id");
    this.pickedId = id;
    this.element("hint").hidden = true;
    this.element("picked").hidden = false;
    this.element("gml-id").textContent = id;
    this.element("tile-properties").replaceChildren(...this.tileRows(feature));
    this.element("detail").replaceChildren(
      make(this.document, "p", "Loading the full record…", "note"),
    );
    this.loadDetail(id);
  }

  tileRows(feature) {
    const ids = feature.getPropertyIds();
    const known = TILE_PROPERTIES.map(([name]) => name);
    const others = ids.filter((name) => name !== "gml_id" && !known.includes(name));
    const rows = TILE_PROPERTIES.filter(([name]) => ids.includes(name)).map(([name, label, unit]) =>
      this.row(label, feature.getProperty(name), unit),
    );
    const more = others.map((name) => this.row(name, feature.getProperty(name), ""));
    return rows.concat(more).filter(Boolean);
  }

  async loadDetail(id) {
    const detail = this.element("detail");
    try {
      const response = await fetch(DETAIL_URL + encodeURIComponent(id));
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        throw new Error(problem.detail ?? `HTTP ${response.status}`);
      }
      const object = await response.json();
      if (this.pickedId === id) {
        detail.replaceChildren(...this.detailSections(object));
      }
    } catch (e) {
      if (this.pickedId === id) {
        detail.replaceChildren(make(this.document, "p", `No full record: ${e.message}`, "error"));
      }
    }
  }

  /** The parts of /api/objects/{id} a planner reads first; the whole record is one link away. */
  detailSections(object) {
    const shape = object.shape ?? {};
    const overview = this.table("Object", [
      this.row("type", object.feature_type ?? object.type, ""),
      this.row("dataset", object.dataset?.split(/[\\/]/).pop(), ""),
      this.row("parent", object.parent_id, ""),
      this.row("parts", object.children?.length || null, ""),
      this.row("ground", shape.ground_m, "m"),
      this.row("roof", shape.roof_m, "m"),
      this.row("footprint", shape.footprint_area_m2, "m²"),
    ]);
    const risks = this.table(
      "Risks (PLATEAU)",
      (object.risks ?? []).map((risk) => this.row(riskName(risk), riskValue(risk), "")),
    );
    const attributes = this.table(
      "Attributes",
      Object.entries(object.attributes ?? {}).map(([name, a]) =>
        this.row(name, a.label ? `${a.label} (${a.value})` : a.value, a.uom ?? ""),
      ),
    );
    const link = make(this.document, "a", "Full record (JSON)");
    link.href = DETAIL_URL + encodeURIComponent(object.id);
    link.target = "_blank";
    const html = make(this.document, "a", "as HTML");
    html.href = link.href + "?f=html";
    html.target = "_blank";
    const links = make(this.document, "p", "", "links");
    links.append(link, " · ", html);
    return [overview, risks, attributes, links].filter(Boolean);
  }

  /** A titled table of rows, or null when no row has a value. */
  table(title, rows) {
    const present = rows.filter(Boolean);
    if (present.length === 0) {
      return null;
    }
    const section = make(this.document, "section");
    const table = make(this.document, "table");
    table.append(...present);
    section.append(make(this.document, "h3", title), table);
    return section;
  }

  /** A label/value row, or null for a missing value. */
  row(label, value, unit) {
    if (value === undefined || value === null || value === "") {
      return null;
    }
    const row = make(this.document, "tr");
    row.append(
      make(this.document, "th", label),
      make(this.document, "td", `${format(value)}${unit ? " " + unit : ""}`),
    );
    return row;
  }
}

function format(value) {
  if (typeof value === "number" && !Number.isInteger(value)) {
    return value.toLocaleString("en", { maximumFractionDigits: 2 });
  }
  return String(value);
}

function riskName(risk) {
  return risk.kind.replaceAll("_", " ");
}

function riskValue(risk) {
  const parts = [];
  if (risk.depth_m !== undefined) {
    parts.push(`${format(risk.depth_m)} m deep`);
  }
  if (risk.rank !== undefined) {
    parts.push(`rank ${risk.rank}`);
  }
  if (risk.duration_h !== undefined) {
    parts.push(`${format(risk.duration_h)} h`);
  }
  return parts.join(", ") || null;
}
