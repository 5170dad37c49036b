package org.citytwin.http.flood;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.citytwin.flood.BuildingExposure;
import org.citytwin.http.HttpProblem;
import org.citytwin.http.RequestParameters;
import org.citytwin.terrain.SiteBuilding;
import org.locationtech.jts.geom.Envelope;

/**
 * Per-building results as a GeoJSON FeatureCollection: footprint (CRS84), maximum depth around the
 * building, first time and time spent above 0.1 m and 0.5 m. Deepest first; filtered by {@code
 * bbox} (footprint envelope intersects) and {@code minDepth}, paged by {@code limit} and {@code
 * offset}.
 */
final class BuildingFeatures {
  static final Set<String> PARAMETERS = Set.of("bbox", "limit", "offset", "minDepth");
  static final int MAX_LIMIT = 10_000;

  private record Row(SiteBuilding building, BuildingExposure exposure) {}

  private BuildingFeatures() {}

  static ObjectNode page(RunOutputs outputs, RequestParameters p, String base) {
    Envelope bbox = bbox(p);
    double minDepth = minDepth(p);
    int limit = p.integer("limit", 100, 0, MAX_LIMIT);
    int offset = p.integer("offset", 0, 0, Integer.MAX_VALUE);
    List<Row> rows = new ArrayList<>();
    List<SiteBuilding> buildings = outputs.buildings();
    for (int i = 0; i < buildings.size(); i++) {
      SiteBuilding b = buildings.get(i);
      BuildingExposure e = outputs.exposures().get(i);
      if (e.maxDepthMetres() >= minDepth
          && (bbox == null || bbox.intersects(b.lonLatFootprint().getEnvelopeInternal()))) {
        rows.add(new Row(b, e));
      }
    }
    rows.sort(
        Comparator.comparingDouble((Row r) -> -r.exposure().maxDepthMetres())
            .thenComparing(r -> r.building().id()));
    ObjectNode fc = RunJson.JSON.createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    int end = (int) Math.min(rows.size(), (long) offset + limit);
    for (int i = Math.min(offset, rows.size()); i < end; i++) {
      features.add(feature(rows.get(i)));
    }
    fc.put("numberMatched", rows.size());
    fc.put("numberReturned", features.size());
    ArrayNode links = fc.putArray("links");
    if (end < rows.size()) {
      StringBuilder next = new StringBuilder(base + "/buildings?limit=" + limit);
      next.append("&offset=").append(end);
      if (p.text("bbox") != null) {
        next.append("&bbox=").append(p.text("bbox"));
      }
      if (p.text("minDepth") != null) {
        next.append("&minDepth=").append(p.text("minDepth"));
      }
      links
          .addObject()
          .put("rel", "next")
          .put("href", next.toString())
          .put("type", "application/geo+json");
    }
    return fc;
  }

  private static ObjectNode feature(Row r) {
    ObjectNode f = RunJson.JSON.createObjectNode();
    f.put("type", "Feature");
    f.put("id", r.building().id());
    f.set("geometry", RunJson.geometry(r.building().lonLatFootprint()));
    ObjectNode props = f.putObject("properties");
    BuildingExposure e = r.exposure();
    props.put("max_depth_m", round(e.maxDepthMetres()));
    seconds(props, "first_over_0.1m_s", e.firstOver10cmSeconds());
    seconds(props, "first_over_0.5m_s", e.firstOver50cmSeconds());
    props.put("time_over_0.1m_s", Math.round(e.secondsOver10cm() * 10) / 10.0);
    props.put("time_over_0.5m_s", Math.round(e.secondsOver50cm() * 10) / 10.0);
    props.put("ground_height_m", round(r.building().groundHeightMetres()));
    return f;
  }

  private static double round(double metres) {
    return Math.round(metres * 10_000) / 10_000.0;
  }

  private static void seconds(ObjectNode props, String name, double value) {
    if (Double.isNaN(value)) {
      props.putNull(name);
    } else {
      props.put(name, Math.round(value * 10) / 10.0);
    }
  }

  private static Envelope bbox(RequestParameters p) {
    if (p.text("bbox") == null) {
      return null;
    }
    double[] v = p.numbers("bbox", 4);
    if (v[0] > v[2] || v[1] > v[3]) {
      throw HttpProblem.badParameter("bbox", "bbox min must not exceed max: " + p.text("bbox"));
    }
    return new Envelope(v[0], v[2], v[1], v[3]);
  }

  private static double minDepth(RequestParameters p) {
    String text = p.text("minDepth");
    if (text == null) {
      return 0;
    }
    try {
      double d = Double.parseDouble(text);
      if (d >= 0 && d < 1000) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw HttpProblem.badParameter("minDepth", "minDepth '" + text + "' must be metres, 0 to 1000");
  }
}
