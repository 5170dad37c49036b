// Colour schemes over the tiles' EXT_structural_metadata properties (see docs/TILES.md), each a
// list of classes that gives both the Cesium3DTileStyle and the legend, so the two cannot disagree.
import { Cesium3DTileStyle, Color } from "cesium";

const PLAIN = "#d9d9d9";
const NO_DATA = "#bdbdbd";

/**
 * Classes are [lower bound, colour, label], ascending; a building falls in the last class whose
 * lower bound its value reaches (the first class takes anything below the second). `missing` colours buildings without a value: the tiles write
 * noData (-1) for them, which Cesium reads as undefined.
 */
export const SCHEMES = {
  height: {
    title: "Height (m)",
    property: "height",
    missing: { colour: NO_DATA, label: "no height" },
    classes: [
      [0, "#deebf7", "under 10"],
      [10, "#9ecae1", "10 – 20"],
      [20, "#4292c6", "20 – 40"],
      [40, "#2171b5", "40 – 80"],
      [80, "#08306b", "80 and more"],
    ],
  },
  // PLATEAU's river-flood rank codes 1–6 stand for these depth classes; the colours run from pale
  // yellow to purple as on Japanese flood hazard maps.
  river_flood_depth: {
    title: "River flood depth (m), design flood",
    property: "river_flood_depth",
    missing: { colour: PLAIN, label: "no river flood recorded" },
    classes: [
      [0, "#f7f5a9", "under 0.5"],
      [0.5, "#ffd8c0", "0.5 – 3"],
      [3, "#ffb7b7", "3 – 5"],
      [5, "#ff9191", "5 – 10"],
      [10, "#f285c9", "10 – 20"],
      [20, "#dc7adc", "20 and more"],
    ],
  },
};

const HIGHLIGHT = "#ff6a00"; // vivid orange: in neither scheme

/**
 * Adds a scheme whose value does not come from the tiles: `valueFor(feature)` gives it (undefined
 * for none), for example the maximum depth of a flood run looked up by gml:id.
 */
export function addScheme(name, scheme) {
  SCHEMES[name] = scheme;
}

/** The style for a scheme name ("plain" for none), with the building `selectedId` highlighted. */
export function styleFor(name, selectedId) {
  if (SCHEMES[name]?.valueFor) {
    return lookupStyle(SCHEMES[name], selectedId);
  }
  const conditions = [];
  if (selectedId) {
    conditions.push(["${gml_id} === " + JSON.stringify(selectedId), `color('${HIGHLIGHT}')`]);
  }
  const scheme = SCHEMES[name];
  if (scheme) {
    const value = "${" + scheme.property + "}";
    // Cesium checks conditions in order, so the highest class comes first and the lowest takes
    // any value; && short-circuits, so undefined never reaches >= (which would throw).
    const present = `${value} !== undefined`;
    const classes = scheme.classes.map(([lower, colour], i) => [
      i === 0 ? present : `${present} && ${value} >= ${lower}`,
      `color('${colour}')`,
    ]);
    conditions.push(...classes.reverse());
  }
  conditions.push(["true", `color('${scheme ? scheme.missing.colour : PLAIN}')`]);
  return new Cesium3DTileStyle({ color: { conditions } });
}

/**
 * A style that asks the scheme for each feature's value when Cesium styles a tile (as it comes
 * into view, and again for every visible tile when the style is reassigned), rather than one
 * condition per building in a style expression, which would grow with the city.
 */
function lookupStyle(scheme, selectedId) {
  const bounds = scheme.classes.map(([lower, colour]) => [lower, Color.fromCssColorString(colour)]);
  const missing = Color.fromCssColorString(scheme.missing.colour);
  const highlight = Color.fromCssColorString(HIGHLIGHT);
  const style = new Cesium3DTileStyle();
  style.color = {
    evaluateColor(feature, result) {
      if (selectedId && feature.getProperty("gml_id") === selectedId) {
        return Color.clone(highlight, result);
      }
      const value = scheme.valueFor(feature);
      if (value === undefined) {
        return Color.clone(missing, result);
      }
      let colour = bounds[0][1];
      for (const [lower, c] of bounds) {
        if (value >= lower) {
          colour = c;
        }
      }
      return Color.clone(colour, result);
    },
  };
  return style;
}

/** The legend entries of a scheme: [colour, label], missing values last; none for "plain". */
export function legendFor(name) {
  const scheme = SCHEMES[name];
  if (!scheme) {
    return null;
  }
  const entries = scheme.classes.map(([, colour, label]) => [colour, label]);
  entries.push([scheme.missing.colour, scheme.missing.label]);
  return { title: scheme.title, entries };
}
