package org.citytwin.http.flood;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.flood.ColourRamp;
import org.citytwin.flood.FloodResult;
import org.citytwin.flood.GaugeSeries;
import org.citytwin.flood.MassBalance;
import org.citytwin.terrain.CityTerrain;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.RoughnessGrid;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** The JSON documents of a run: status, mass balance, gauges, and geometry helpers. */
final class RunJson {
  static final ObjectMapper JSON = new ObjectMapper();

  private RunJson() {}

  /** Status, progress, terrain, output times, mass balance (when finished) and links. */
  static ObjectNode status(FloodJob job, String base) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", job.id());
    o.put("state", job.state().name().toLowerCase(java.util.Locale.ROOT));
    o.put("created", job.created().toString());
    ObjectNode p = o.putObject("progress");
    double duration = job.spec().durationSeconds();
    p.put("simulatedSeconds", job.simulatedSeconds());
    p.put("durationSeconds", duration);
    p.put("fraction", Math.min(1, job.simulatedSeconds() / duration));
    p.put("wallSeconds", job.wallSeconds());
    p.put("stepSeconds", job.stepSeconds());
    p.put("steps", job.steps());
    CityTerrain t = job.terrain();
    if (t != null) {
      GridGeometry g = t.terrain().geometry();
      ObjectNode n = o.putObject("terrain");
      n.put("crs", t.frame().identifier());
      n.put("originX", g.originX());
      n.put("originY", g.originY());
      n.put("cellSize", g.cellSizeMetres());
      n.put("ncols", g.ncols());
      n.put("nrows", g.nrows());
      n.put("blockedCells", t.blocked().count());
      n.put("buildings", t.buildings().size());
      n.put("summary", t.summary());
      if (job.spec().demResampling() != null) {
        n.put("demResampling", job.spec().demResampling());
      }
      n.put("reused", job.terrainReused());
      lonLatBox(t).ifPresent(box -> n.set("bbox", box));
    }
    RoughnessGrid rough = job.roughness();
    if (rough != null) {
      ObjectNode r = o.putObject("roughness");
      r.put("source", job.spec().roughness() != null ? "land-use" : "manningGrid");
      ObjectNode classes = r.putObject("classes");
      rough
          .classes()
          .forEach(
              (name, c) ->
                  classes.putObject(name).put("manning", c.manning()).put("cells", c.cells()));
    }
    ArrayNode times = o.putArray("outputTimes");
    job.snapshots().keySet().forEach(times::add);
    FloodResult r = job.result();
    if (r != null) {
      o.set("massBalance", massBalance(r));
    }
    if (job.failure() != null) {
      o.put("error", job.failure());
    }
    ArrayNode links = o.putArray("links");
    link(links, "self", base, "application/json");
    link(links, "buildings", base + "/buildings", "application/geo+json");
    link(links, "gauges", base + "/gauges", "application/json");
    link(links, "gauges-csv", base + "/gauges.csv", "text/csv");
    link(links, "mass-balance", base + "/mass-balance", "application/json");
    ObjectNode tiles =
        link(links, "tiles", "/tiles/flood/" + job.id() + "/{time}/{z}/{x}/{y}.png", "image/png");
    tiles.put("templated", true);
    ObjectNode speedTiles =
        link(
            links,
            "velocity-tiles",
            "/tiles/flood/" + job.id() + "/velocity/{time}/{z}/{x}/{y}.png",
            "image/png");
    speedTiles.put("templated", true);
    link(links, "arrows", base + "/arrows?time={time}&bbox={bbox}", "application/geo+json")
        .put("templated", true);
    ramp(o.putArray("depthRamp"), ColourRamp.DEPTH, "depthMetres");
    ramp(o.putArray("velocityRamp"), ColourRamp.SPEED, "metresPerSecond");
    return o;
  }

  /** A ramp's stops for a legend: value (named {@code key}), colour {@code #rrggbb}, opacity. */
  private static void ramp(ArrayNode target, ColourRamp ramp, String key) {
    for (ColourRamp.Stop stop : ramp.stops()) {
      target
          .addObject()
          .put(key, stop.value())
          .put("colour", String.format("#%06x", stop.argb() & 0xffffff))
          .put("opacity", Math.round((stop.argb() >>> 24) / 2.55) / 100.0);
    }
  }

  /**
   * The grid's extent as CRS84 {@code [minLon, minLat, maxLon, maxLat]} (the envelope of its four
   * corners), so that a map client asks for depth tiles over the grid only.
   */
  private static Optional<ArrayNode> lonLatBox(CityTerrain t) {
    GridGeometry g = t.terrain().geometry();
    double east = g.originX() + g.ncols() * g.cellSizeMetres();
    double north = g.originY() + g.nrows() * g.cellSizeMetres();
    double[] corners = {
      g.originX(), g.originY(), 0, east, g.originY(), 0, east, north, 0, g.originX(), north, 0
    };
    try {
      t.frame().fromMetric(corners, 0, 4);
    } catch (CoordinateConversionException e) {
      return Optional.empty(); // the status is still useful without it
    }
    double[] box = {corners[0], corners[1], corners[0], corners[1]};
    for (int i = 1; i < 4; i++) {
      box[0] = Math.min(box[0], corners[3 * i]);
      box[1] = Math.min(box[1], corners[3 * i + 1]);
      box[2] = Math.max(box[2], corners[3 * i]);
      box[3] = Math.max(box[3], corners[3 * i + 1]);
    }
    ArrayNode a = JSON.createArrayNode();
    for (double v : box) {
      a.add(v);
    }
    return Optional.of(a);
  }

  private static ObjectNode link(ArrayNode links, String rel, String href, String type) {
    ObjectNode l = links.addObject();
    l.put("rel", rel);
    l.put("href", href);
    l.put("type", type);
    return l;
  }

  static ObjectNode massBalance(FloodResult r) {
    MassBalance m = r.massBalance();
    ObjectNode o = JSON.createObjectNode();
    o.put("state", r.state().name().toLowerCase(java.util.Locale.ROOT));
    o.put("simulatedSeconds", r.simulatedSeconds());
    o.put("steps", r.steps());
    o.put("wallSeconds", r.wallSeconds());
    o.put("rainCubicMetres", m.rainCubicMetres());
    o.put("inflowCubicMetres", m.inflowCubicMetres());
    o.put("boundaryInflowCubicMetres", m.boundaryInflowCubicMetres());
    o.put("outflowCubicMetres", m.outflowCubicMetres());
    o.put("initialStorageCubicMetres", m.initialStorageCubicMetres());
    o.put("finalStorageCubicMetres", m.finalStorageCubicMetres());
    o.put("errorCubicMetres", m.errorCubicMetres());
    o.put("relativeError", m.relativeError());
    return o;
  }

  /** {@code {"gauges": [{name, x, y}], "times": [...], "depths": {name: [...]}}}. */
  static ObjectNode gauges(GaugeSeries s, String crs) {
    ObjectNode o = JSON.createObjectNode();
    o.put("crs", crs);
    ArrayNode gauges = o.putArray("gauges");
    s.gauges()
        .forEach(g -> gauges.addObject().put("name", g.name()).put("x", g.x()).put("y", g.y()));
    ArrayNode times = o.putArray("times");
    for (int i = 0; i < s.size(); i++) {
      times.add(s.timeSeconds(i));
    }
    ObjectNode depths = o.putObject("depths");
    for (int g = 0; g < s.gauges().size(); g++) {
      ArrayNode d = depths.putArray(s.gauges().get(g).name());
      for (int i = 0; i < s.size(); i++) {
        d.add((float) s.depthMetres(i, g));
      }
    }
    return o;
  }

  /** A (Multi)Polygon as a GeoJSON geometry (2D). */
  static ObjectNode geometry(Geometry g) {
    ObjectNode o = JSON.createObjectNode();
    if (g instanceof Polygon p) {
      o.put("type", "Polygon");
      rings(o.putArray("coordinates"), p);
    } else {
      o.put("type", "MultiPolygon");
      ArrayNode polygons = o.putArray("coordinates");
      for (int i = 0; i < g.getNumGeometries(); i++) {
        rings(polygons.addArray(), (Polygon) g.getGeometryN(i));
      }
    }
    return o;
  }

  private static void rings(ArrayNode target, Polygon p) {
    ring(target.addArray(), p.getExteriorRing());
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      ring(target.addArray(), p.getInteriorRingN(i));
    }
  }

  private static void ring(ArrayNode target, LineString ring) {
    for (Coordinate c : ring.getCoordinates()) {
      target.addArray().add(c.x).add(c.y);
    }
  }
}
