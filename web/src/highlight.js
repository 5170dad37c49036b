// Lays a set of highlighted buildings (e.g. those an alert lists) over any building style: a custom
// colour expression (Cesium3DTileStyle allows an object with evaluateColor) that answers the
// highlight colour for listed gml:ids and defers to the style's own colour for every other
// building. A set lookup per feature, where hundreds of ids as style conditions would be a long
// chain of string comparisons for every feature.
import { Color } from "cesium";

const ALERT_HIGHLIGHT = Color.fromCssColorString("#00c8f0"); // cyan: in no colour scheme

/** The style with `ids` (a Set of gml:ids) highlighted, except `keep` (the picked building). */
export function withHighlight(style, ids, keep) {
  if (!ids || ids.size === 0) {
    return style;
  }
  const base = style.color;
  style.color = {
    evaluateColor(feature, result) {
      const id = feature?.getProperty("gml_id");
      if (id !== keep && ids.has(id)) {
        return Color.clone(ALERT_HIGHLIGHT, result);
      }
      return base.evaluateColor(feature, result);
    },
  };
  return style;
}

export const HIGHLIGHT_CSS = ALERT_HIGHLIGHT.toCssHexString();
