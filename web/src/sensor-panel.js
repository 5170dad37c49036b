// The sensor part of the side panel and the alert toasts over the globe: connection status, the
// picked sensor's readings and chart, the alert list and the legend. It builds its own elements in
// the placeholders index.html gives (#sensors, #toasts) and knows the page, not Cesium.
import { SeriesChart } from "./chart.js";
import { sensorLegend, waterStageNamed } from "./sensor-states.js";

const TOAST_MS = 30_000;
const MAX_LISTED_ALERTS = 30;

const TIME = new Intl.DateTimeFormat("en-GB", {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
});

export function formatTime(iso) {
  return TIME.format(new Date(iso));
}

/** A result with its unit: levels as names, counts whole, others to two decimals. */
export function formatValue(datastream, result) {
  if (datastream.kind === "CONGESTION_LEVEL") {
    return ["empty", "some", "crowded", "very crowded"][Math.round(result)] ?? String(result);
  }
  const digits = datastream.kind === "PEOPLE_COUNT" ? 0 : 2;
  const number = result.toLocaleString("en", { maximumFractionDigits: digits });
  const unit = datastream.unitOfMeasurement?.symbol ?? "";
  return unit ? `${number} ${unit}` : number;
}

export class SensorPanel {
  constructor(document) {
    this.document = document;
    this.section = document.getElementById("sensors");
    this.toasts = document.getElementById("toasts");
    this.build();
    this.chart = new SeriesChart(this.chartElement);
  }

  build() {
    const make = (tag, props = {}) => Object.assign(this.document.createElement(tag), props);
    this.statusElement = make("p", { id: "sensor-status", className: "note" });
    this.nameElement = make("h3", { id: "sensor-name" });
    this.descriptionElement = make("p", { className: "note" });
    this.readingsElement = make("table", { id: "sensor-readings" });
    this.chartTitle = make("p", { id: "sensor-chart-title", className: "chart-title" });
    this.chartElement = make("div", { id: "sensor-chart" });
    this.chartCaption = make("p", { id: "sensor-chart-caption", className: "note" });
    this.detail = make("div", { id: "sensor-detail", hidden: true });
    this.detail.append(
      this.nameElement,
      this.descriptionElement,
      this.readingsElement,
      this.chartTitle,
      this.chartElement,
      this.chartCaption,
    );
    this.alertList = make("ol", { id: "sensor-alerts" });
    this.noAlerts = make("p", { className: "note", textContent: "No alerts recorded." });
    const legend = make("details", { id: "sensor-legend" });
    legend.append(make("summary", { textContent: "Sensor colours" }), ...this.legendGroups(make));
    this.section.replaceChildren(
      make("h2", { textContent: "Live sensors" }),
      this.statusElement,
      legend,
      this.detail,
      make("h2", { textContent: "Alerts" }),
      this.noAlerts,
      this.alertList,
    );
  }

  legendGroups(make) {
    return sensorLegend().map((group) => {
      const list = make("ul", { className: "legend-list" });
      list.append(
        ...group.entries.map(([colour, label]) => {
          const swatch = make("span", { className: "swatch round" });
          swatch.style.background = colour;
          const item = make("li");
          item.append(swatch, label);
          return item;
        }),
      );
      const section = make("div", { className: "legend-group" });
      section.append(make("h4", { textContent: group.title }), list);
      return section;
    });
  }

  show(visible) {
    this.section.hidden = !visible;
  }

  status(text, isError = false) {
    this.statusElement.textContent = text;
    this.statusElement.classList.toggle("error", isError);
  }

  /**
   * The picked thing: its name, one row per datastream ({datastream, observation, state}) with the
   * charted one marked; a click on a row calls onChoose(datastreamId).
   */
  showThing(thing, rows, chartedId, onChoose) {
    this.detail.hidden = false;
    this.detail.dataset.thing = thing.id;
    this.nameElement.textContent = thing.name;
    this.descriptionElement.textContent = thing.description ?? "";
    this.readingsElement.replaceChildren(
      ...rows.map(({ datastream, observation, state }) => {
        const row = this.document.createElement("tr");
        row.dataset.datastream = datastream.id;
        row.classList.toggle("charted", datastream.id === chartedId);
        row.title = "Click to chart";
        const swatch = this.document.createElement("span");
        swatch.className = "swatch round";
        swatch.style.background = state.colour;
        const name = this.document.createElement("th");
        name.append(swatch, datastream.name);
        const value = this.document.createElement("td");
        value.className = "reading";
        if (observation) {
          value.append(
            Object.assign(this.document.createElement("strong"), {
              textContent: formatValue(datastream, observation.result),
            }),
            Object.assign(this.document.createElement("span"), {
              className: "note",
              textContent: ` ${state.label} · ${formatTime(observation.phenomenonTime)}`,
            }),
          );
        } else {
          value.textContent = "no value yet";
        }
        row.append(name, value);
        row.addEventListener("click", () => onChoose(datastream.id));
        return row;
      }),
    );
  }

  revealThing() {
    this.detail.scrollIntoView({ block: "nearest" });
  }

  hideThing() {
    this.detail.hidden = true;
    delete this.detail.dataset.thing;
    this.chart.destroy();
  }

  chartLoading(datastream, hours) {
    const unit = datastream.unitOfMeasurement?.symbol;
    this.chartTitle.textContent = `${datastream.name}${unit ? ` (${unit})` : ""}: last ${hours} h`;
    this.chartCaption.textContent = "Loading…";
  }

  /** Draws the chart (see chart.js); the caption says what it shows. */
  showChart(chart, hours, interval) {
    this.chart.show(chart);
    const empty = chart.rows.length === 0 ? " No observations in this window." : "";
    this.chartCaption.textContent =
      `${hours} h up to the latest value, mean per ${interval} with the min–max band.` + empty;
  }

  chartFailed(message) {
    this.chart.destroy();
    this.chartCaption.textContent = `No chart: ${message}`;
  }

  /**
   * Adds an alert to the top of the list ({alert, where, exposed}), as a toast too when `live`;
   * clicking either calls onClick.
   */
  addAlert(item, live, onClick) {
    this.noAlerts.hidden = true;
    const entry = this.alertEntry(item, onClick);
    this.alertList.prepend(entry);
    while (this.alertList.children.length > MAX_LISTED_ALERTS) {
      this.alertList.lastElementChild.remove();
    }
    if (live) {
      entry.classList.add("new");
      const toast = this.alertEntry(item, onClick);
      toast.classList.add("toast");
      this.toasts.prepend(toast);
      setTimeout(() => toast.remove(), TOAST_MS);
    }
  }

  alertEntry({ alert, where }, onClick) {
    const stage = waterStageNamed(alert.to);
    const entry = this.document.createElement("li");
    entry.className = "alert";
    entry.dataset.alert = String(alert.id);
    entry.style.borderLeftColor = stage.colour;
    const level = `${alert.levelMetres.toLocaleString("en", { maximumFractionDigits: 2 })} m`;
    const title = this.document.createElement("strong");
    title.textContent = `${alert.rising ? "▲" : "▼"} ${stage.label} · ${level}`;
    const buildings = alert.floodingBuildings.length;
    const lines = [
      `${where} · ${formatTime(alert.phenomenonTime)}`,
      `${buildings} building${buildings === 1 ? "" : "s"} at flood risk within ` +
        `${Math.round(alert.radiusMetres)} m (of ${alert.nearbyObjects.length} objects)`,
    ];
    entry.append(
      title,
      ...lines.map((line) =>
        Object.assign(this.document.createElement("div"), { textContent: line }),
      ),
    );
    entry.title = "Click to fly to the gauge and highlight the buildings";
    entry.addEventListener("click", () => onClick());
    return entry;
  }
}
