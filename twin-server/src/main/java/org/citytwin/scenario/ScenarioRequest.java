package org.citytwin.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.citytwin.flood.Edge;
import org.citytwin.flood.TimeSeries;
import org.citytwin.query.Filter;
import org.citytwin.terrain.Obstacles;
import org.citytwin.terrain.RoughnessTable;

/**
 * Reads and validates a scenario document. Every refusal is a {@link ScenarioRejected} naming the
 * JSON field (as a path such as {@code inflows[0].hydrograph}) and what is accepted, so a client
 * can fix its request. Positions are CRS84 {@code [lon, lat]}; series are {@code [[time_s, value],
 * ...]}.
 */
public final class ScenarioRequest {
  static final Set<String> FIELDS =
      Set.of(
          "bbox",
          "dem",
          "cellSize",
          "obstacles",
          "duration",
          "outputInterval",
          "gaugeInterval",
          "manning",
          "theta",
          "rain",
          "rainZones",
          "inflows",
          "stages",
          "initialLevels",
          "initialLevelGrid",
          "roughness",
          "manningGrid",
          "openEdges",
          "gauges");

  /** Cell sizes a run accepts, metres. */
  static final double MIN_CELL = 1;

  static final double MAX_CELL = 20;

  static final double MAX_DURATION_SECONDS = 7 * 24 * 3600;
  static final int MAX_OUTPUTS = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScenarioRequest() {}

  /**
   * Parses a request body into a validated spec; {@code dem} and {@code initialLevelGrid} name
   * grids in {@code uploads}, or are refused when {@code uploads} is null (a scenario file:
   * uploaded grids live on a server).
   */
  public static ScenarioSpec parse(String body, Function<String, Optional<UploadedGrid>> uploads) {
    JsonNode root;
    try {
      root = JSON.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      throw ScenarioRejected.whole(
          "the scenario is not JSON: " + e.getOriginalMessage() + " (line " + line(e) + ")");
    }
    if (root == null || !root.isObject()) {
      throw ScenarioRejected.whole("the scenario must be a JSON object");
    }
    unknownFields(root, FIELDS, "");
    double duration = number(root, "duration", 3600, 1, MAX_DURATION_SECONDS);
    double output = number(root, "outputInterval", 300, 0, MAX_DURATION_SECONDS);
    if (output > 0 && duration / output > MAX_OUTPUTS) {
      throw ScenarioRejected.field(
          "outputInterval",
          "outputInterval "
              + output
              + " s gives "
              + (long) Math.ceil(duration / output)
              + " depth snapshots over "
              + duration
              + " s; at most "
              + MAX_OUTPUTS
              + " are kept");
    }
    UploadedGrid dem = upload(root.get("dem"), "dem", uploads);
    if (dem != null) {
      if (root.has("bbox")) {
        throw ScenarioRejected.field(
            "bbox", "bbox cannot be given with dem: a run on a DEM covers its grid");
      }
      double own = dem.geometry().cellSizeMetres();
      if (!root.has("cellSize") && !(own >= MIN_CELL && own <= MAX_CELL)) {
        throw ScenarioRejected.field(
            "cellSize",
            "the DEM has cells of "
                + own
                + " m; a run needs cells of "
                + MIN_CELL
                + " to "
                + MAX_CELL
                + " m: give cellSize and the DEM is resampled to it");
      }
    }
    UploadedGrid manningGrid = upload(root.get("manningGrid"), "manningGrid", uploads);
    RoughnessTable roughness = roughness(root);
    if (manningGrid != null) {
      double[] range = manningGrid.range();
      if (manningGrid.dataCells() > 0 && !(range[0] >= 0 && range[1] <= 1)) {
        throw ScenarioRejected.field(
            "manningGrid",
            "manningGrid '"
                + manningGrid.id()
                + "' holds values from "
                + range[0]
                + " to "
                + range[1]
                + "; Manning's n must be 0 to 1");
      }
    }
    return new ScenarioSpec(
        bbox(root.get("bbox")),
        dem,
        // On a DEM: its own cells, or cellSize when given (the DEM is then resampled to it).
        dem != null && !root.has("cellSize")
            ? dem.geometry().cellSizeMetres()
            : number(root, "cellSize", 5, MIN_CELL, MAX_CELL),
        obstacles(root.get("obstacles")),
        duration,
        output,
        number(root, "gaugeInterval", 60, 1, MAX_DURATION_SECONDS),
        number(root, "manning", 0.035, 0, 1),
        number(root, "theta", 0.8, 0.5, 1),
        root.has("rain") ? intensities(root.get("rain"), "rain") : null,
        rainZones(root.get("rainZones")),
        inflows(root.get("inflows")),
        stages(root.get("stages")),
        initialLevels(root.get("initialLevels")),
        upload(root.get("initialLevelGrid"), "initialLevelGrid", uploads),
        roughness,
        manningGrid,
        bool(root, "openEdges"),
        gauges(root.get("gauges")));
  }

  /** The land-use table of {@code roughness}, or null; refused beside the other n sources. */
  private static RoughnessTable roughness(JsonNode root) {
    JsonNode n = root.get("roughness");
    if (n == null || n.isNull()) {
      return null;
    }
    for (String other : List.of("manning", "manningGrid")) {
      if (root.has(other) && !root.get(other).isNull()) {
        throw ScenarioRejected.field(
            other,
            other
                + " cannot be given with roughness, which sets Manning's n per land use (its"
                + " \"default\" is the n of open ground)");
      }
    }
    return RoughnessRequest.parse(n, "roughness");
  }

  private static long line(JsonProcessingException e) {
    return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
  }

  private static void unknownFields(JsonNode node, Set<String> allowed, String prefix) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw ScenarioRejected.field(
            prefix + name,
            "unknown field '" + prefix + name + "'; accepted: " + new java.util.TreeSet<>(allowed));
      }
    }
  }

  private static double number(JsonNode root, String field, double dflt, double min, double max) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      return dflt;
    }
    return number(n, field, min, max);
  }

  private static double number(JsonNode n, String field, double min, double max) {
    if (!n.isNumber() || !(n.asDouble() >= min && n.asDouble() <= max)) {
      throw ScenarioRejected.field(
          field, field + " " + n + " must be a number from " + min + " to " + max);
    }
    return n.asDouble();
  }

  private static boolean bool(JsonNode root, String field) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      return false;
    }
    if (!n.isBoolean()) {
      throw ScenarioRejected.field(field, field + " " + n + " must be true or false");
    }
    return n.asBoolean();
  }

  private static Filter.BboxIntersects bbox(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    double[] v = numbers(n, "bbox", 4);
    try {
      return new Filter.BboxIntersects(v[0], v[1], v[2], v[3]);
    } catch (IllegalArgumentException e) {
      throw ScenarioRejected.field("bbox", e.getMessage());
    }
  }

  private static Obstacles obstacles(JsonNode n) {
    if (n == null || n.isNull()) {
      return Obstacles.BLOCKED;
    }
    try {
      return Obstacles.parse(n.asText());
    } catch (IllegalArgumentException e) {
      throw ScenarioRejected.field("obstacles", e.getMessage());
    }
  }

  private static double[] numbers(JsonNode n, String field, int count) {
    if (!n.isArray() || n.size() != count) {
      throw ScenarioRejected.field(field, field + " must be an array of " + count + " numbers");
    }
    double[] v = new double[count];
    for (int i = 0; i < count; i++) {
      if (!n.get(i).isNumber() || !Double.isFinite(n.get(i).asDouble())) {
        throw ScenarioRejected.field(
            field, field + "[" + i + "] " + n.get(i) + " is no finite number");
      }
      v[i] = n.get(i).asDouble();
    }
    return v;
  }

  static double[] position(JsonNode n, String field) {
    if (n == null) {
      throw ScenarioRejected.field(field, field + " is required: [lon, lat]");
    }
    double[] p = numbers(n, field, 2);
    if (!(p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90)) {
      throw ScenarioRejected.field(
          field, field + " " + n + " must be [lon, lat] with lon in -180..180, lat in -90..90");
    }
    return p;
  }

  /** {@code [[t, v], ...]}, times strictly increasing. */
  static TimeSeries series(JsonNode n, String field) {
    if (n == null || !n.isArray() || n.isEmpty()) {
      throw ScenarioRejected.field(
          field, field + " must be a non-empty array of [time_s, value] pairs");
    }
    double[] t = new double[n.size()];
    double[] v = new double[n.size()];
    for (int i = 0; i < n.size(); i++) {
      double[] pair = numbers(n.get(i), field + "[" + i + "]", 2);
      t[i] = pair[0];
      v[i] = pair[1];
    }
    try {
      return TimeSeries.of(t, v);
    } catch (IllegalArgumentException e) {
      throw ScenarioRejected.field(field, field + ": " + e.getMessage());
    }
  }

  /** A rain series: mm/h, none negative (rain cannot take water away). */
  private static TimeSeries intensities(JsonNode n, String field) {
    TimeSeries rain = series(n, field);
    for (int k = 0; k < n.size(); k++) {
      if (n.get(k).get(1).asDouble() < 0) {
        throw ScenarioRejected.field(
            field, field + "[" + k + "]: an intensity must be >= 0 mm/h, not " + n.get(k).get(1));
      }
    }
    return rain;
  }

  private static List<ScenarioSpec.InflowSpec> inflows(JsonNode n) {
    return objects(n, "inflows", Set.of("point", "line", "hydrograph"), ScenarioRequest::inflow);
  }

  private static ScenarioSpec.InflowSpec inflow(JsonNode o, String at, int index) {
    TimeSeries q = series(o.get("hydrograph"), at + ".hydrograph");
    if (o.has("point") == o.has("line")) {
      throw ScenarioRejected.field(
          at, at + " needs exactly one of point [lon, lat] or line [[lon, lat], [lon, lat]]");
    }
    if (o.has("point")) {
      double[] p = position(o.get("point"), at + ".point");
      return new ScenarioSpec.InflowSpec(p, p, q);
    }
    JsonNode line = o.get("line");
    if (!line.isArray() || line.size() != 2) {
      throw ScenarioRejected.field(at + ".line", at + ".line must be two [lon, lat]");
    }
    return new ScenarioSpec.InflowSpec(
        position(line.get(0), at + ".line[0]"), position(line.get(1), at + ".line[1]"), q);
  }

  private static List<ScenarioSpec.StageSpec> stages(JsonNode n) {
    return objects(n, "stages", Set.of("edge", "line", "levels"), ScenarioRequest::stage);
  }

  private static ScenarioSpec.StageSpec stage(JsonNode o, String at, int index) {
    if (o.has("edge") == o.has("line")) {
      throw ScenarioRejected.field(
          at,
          at
              + " needs exactly one of edge (west, east, north or south) or line [[lon, lat],"
              + " ...]");
    }
    TimeSeries levels = series(o.get("levels"), at + ".levels");
    if (o.has("line")) {
      return new ScenarioSpec.StageSpec(null, line(o.get("line"), at + ".line"), levels);
    }
    Edge edge;
    try {
      edge = Edge.parse(o.path("edge").asText());
    } catch (IllegalArgumentException e) {
      throw ScenarioRejected.field(at + ".edge", e.getMessage());
    }
    return new ScenarioSpec.StageSpec(edge, null, levels);
  }

  private static List<ScenarioSpec.RainZoneSpec> rainZones(JsonNode n) {
    return objects(
        n,
        "rainZones",
        Set.of("polygon", "rain"),
        (o, at, index) -> {
          double[][] polygon = Polygons.ring(o.get("polygon"), at + ".polygon");
          return new ScenarioSpec.RainZoneSpec(polygon, intensities(o.get("rain"), at + ".rain"));
        });
  }

  private static List<ScenarioSpec.LevelSpec> initialLevels(JsonNode n) {
    return objects(n, "initialLevels", Set.of("polygon", "level"), ScenarioRequest::initialLevel);
  }

  private static ScenarioSpec.LevelSpec initialLevel(JsonNode o, String at, int index) {
    double[][] polygon = Polygons.ring(o.get("polygon"), at + ".polygon");
    JsonNode level = o.get("level");
    if (level == null) {
      throw ScenarioRejected.field(at + ".level", at + ".level is required: metres");
    }
    return new ScenarioSpec.LevelSpec(
        polygon, number(level, at + ".level", ScenarioChecks.MIN_VALUE, ScenarioChecks.MAX_VALUE));
  }

  /** A polyline of at least two {@code [lon, lat]} positions. */
  private static double[][] line(JsonNode n, String field) {
    if (n == null || !n.isArray() || n.size() < 2) {
      throw ScenarioRejected.field(
          field, field + " must be an array of at least two [lon, lat] positions");
    }
    double[][] line = new double[n.size()][];
    for (int i = 0; i < n.size(); i++) {
      line[i] = position(n.get(i), field + "[" + i + "]");
    }
    return line;
  }

  /** An uploaded grid named by its id, or null when the field is absent. */
  private static UploadedGrid upload(
      JsonNode n, String field, Function<String, Optional<UploadedGrid>> uploads) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw ScenarioRejected.field(
          field, field + " must be the id of a grid uploaded with POST /flood/dems");
    }
    if (uploads == null) {
      throw ScenarioRejected.field(
          field,
          field
              + " names a grid uploaded to a server (POST /flood/dems); a scenario file runs on"
              + " the city of the store, without uploaded grids");
    }
    return uploads
        .apply(n.asText())
        .orElseThrow(
            () ->
                ScenarioRejected.field(
                    field,
                    field
                        + " '"
                        + n.asText()
                        + "' is no uploaded grid; upload one with POST /flood/dems"));
  }

  private static List<ScenarioSpec.GaugeSpec> gauges(JsonNode n) {
    return objects(n, "gauges", Set.of("name", "point"), ScenarioRequest::gauge);
  }

  private static ScenarioSpec.GaugeSpec gauge(JsonNode o, String at, int index) {
    String name = o.path("name").asText("g" + (index + 1));
    if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw ScenarioRejected.field(
          at + ".name", at + ".name '" + name + "' must be 1-64 letters, digits, _ . or -");
    }
    return new ScenarioSpec.GaugeSpec(name, position(o.get("point"), at + ".point"));
  }

  /** Reads one element object of a list field; {@code at} names it, e.g. {@code gauges[2]}. */
  @FunctionalInterface
  private interface ElementReader<T> {
    T read(JsonNode element, String at, int index);
  }

  /**
   * The elements of the optional array {@code field}, each required to be an object holding only
   * {@code fields} and read by {@code reader}; every error names the element's path.
   */
  private static <T> List<T> objects(
      JsonNode n, String field, Set<String> fields, ElementReader<T> reader) {
    List<T> list = new ArrayList<>();
    for (int i = 0; i < size(n, field); i++) {
      String at = field + "[" + i + "]";
      JsonNode o = object(n.get(i), at);
      unknownFields(o, fields, at + ".");
      list.add(reader.read(o, at, i));
    }
    return list;
  }

  private static int size(JsonNode n, String field) {
    if (n == null || n.isNull()) {
      return 0;
    }
    if (!n.isArray()) {
      throw ScenarioRejected.field(field, field + " must be an array");
    }
    return n.size();
  }

  private static JsonNode object(JsonNode n, String field) {
    if (!n.isObject()) {
      throw ScenarioRejected.field(field, field + " must be an object");
    }
    return n;
  }
}
