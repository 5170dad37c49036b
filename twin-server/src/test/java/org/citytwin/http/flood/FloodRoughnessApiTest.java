package org.citytwin.http.flood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.http.LiveTwin;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Envelope3D;
import org.citytwin.query.Filter;
import org.citytwin.terrain.GridGeometry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Manning's n beyond a constant over HTTP, against the live server and the real store of the Osaka
 * sheet (buildings and roads): {@code "roughness": "land-use"} and its table, an uploaded {@code
 * manningGrid}, and DEMs uploaded with cells outside the run's 1-20 m.
 */
class FloodRoughnessApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalMetricFrame FRAME = LocalMetricFrame.ofEpsg(6674);
  @TempDir static Path dir;
  static LiveTwin twin;

  /** A point 3 km south of the sheet (no buildings or roads there) on the 5 m lattice. */
  static double awayX;

  static double awayY;

  @BeforeAll
  static void start() throws Exception {
    twin = LiveTwin.start(dir, LiveTwin.BUILDINGS, LiveTwin.ROADS);
    Envelope3D e =
        twin.store().extent(new Filter.TypeIn(Set.of(CityObjectType.BUILDING))).orElseThrow();
    double[] xyz = {(e.minLon() + e.maxLon()) / 2, (e.minLat() + e.maxLat()) / 2, 0};
    FRAME.toMetric(xyz, 0, 1);
    awayX = Math.floor(xyz[0] / 5) * 5;
    awayY = Math.floor(xyz[1] / 5) * 5 - 3000;
  }

  @AfterAll
  static void stop() {
    twin.close();
  }

  /**
   * A run on the sheet with land-use roughness reports, in its status, every class found with its n
   * and cell count: roads at 0.016 and open ground at 0.035 by default (the sample has no land use
   * or water), the cells adding up to the grid; a table overrides the road n.
   */
  @Test
  void landUseRunReportsItsClasses() throws Exception {
    String area =
        "\"bbox\": [135.453, 34.618, 135.457, 34.621], \"duration\": 30,"
            + " \"outputInterval\": 0";
    JsonNode status = JSON.readTree(get(run("{" + area + ", \"roughness\": \"land-use\"}")).body());
    JsonNode classes = status.path("roughness").path("classes");
    assertEquals("land-use", status.path("roughness").path("source").asText(), status.toString());
    assertEquals(Set.of("default", "road"), names(classes), classes.toString());
    assertEquals(0.016, classes.path("road").path("manning").asDouble(), 1e-9);
    assertEquals(0.035, classes.path("default").path("manning").asDouble(), 1e-9);
    int roads = classes.path("road").path("cells").asInt();
    int open = classes.path("default").path("cells").asInt();
    JsonNode terrain = status.path("terrain");
    assertEquals(terrain.path("ncols").asInt() * terrain.path("nrows").asInt(), roads + open);
    assertTrue(roads > 200 && open > 200, classes.toString());

    JsonNode custom =
        JSON.readTree(
            get(run(
                    "{"
                        + area
                        + ", \"roughness\": {\"road\": 0.02, \"landUse\": {\"201\": 0.05}}}"))
                .body());
    JsonNode customClasses = custom.path("roughness").path("classes");
    assertEquals(0.02, customClasses.path("road").path("manning").asDouble(), 1e-9);
    assertEquals(roads, customClasses.path("road").path("cells").asInt(), "same cells, other n");
  }

  /**
   * A 0.5 m DEM (a lidar grid) is accepted at upload; a run on it must give {@code cellSize} (400
   * naming it otherwise) and then runs on the 5 m lattice, its rain volume exactly that of its 20 x
   * 16 cells. A 10 m grid of n = 0.05 over the western 50 m, given as {@code manningGrid}, reaches
   * the western 10 columns (bilinear to the finer cells, NODATA beyond its edge), the other cells
   * keep {@code manning}.
   */
  @Test
  void fineDemNeedsCellSizeAndAManningGridIsResampled() throws Exception {
    GridGeometry lidar = GridGeometry.of(awayX, awayY, 0.5, 200, 160); // 100 m x 80 m
    float[] flat = new float[lidar.cellCount()];
    Arrays.fill(flat, 3f);
    String dem = uploadAscii(lidar, flat);
    JsonNode grid = JSON.readTree(get("/flood/dems/" + dem).body());
    assertEquals(0.5, grid.path("cellSize").asDouble(), grid.toString());

    String rain = "\"rain\": [[0, 72], [600, 72]], \"duration\": 600, \"outputInterval\": 0";
    HttpResponse<String> refused = post("{\"dem\": \"" + dem + "\", " + rain + "}");
    assertEquals(400, refused.statusCode(), refused.body());
    assertEquals("cellSize", JSON.readTree(refused.body()).path("parameter").asText());

    GridGeometry coarse = GridGeometry.of(awayX, awayY, 10, 5, 8); // the western 50 m
    float[] n = new float[coarse.cellCount()];
    Arrays.fill(n, 0.05f);
    String manning = uploadAscii(coarse, n);
    JsonNode status =
        JSON.readTree(
            get(run(
                    "{\"dem\": \""
                        + dem
                        + "\", \"cellSize\": 5, \"manningGrid\": \""
                        + manning
                        + "\", \"manning\": 0.03, "
                        + rain
                        + "}"))
                .body());
    JsonNode terrain = status.path("terrain");
    assertEquals(20, terrain.path("ncols").asInt(), terrain.toString());
    assertEquals(16, terrain.path("nrows").asInt(), terrain.toString());
    assertEquals(
        "DEM resampled from 0.5 m to 5 m cells by area average",
        terrain.path("demResampling").asText());
    assertEquals(
        320 * 25 * 0.012, status.path("massBalance").path("rainCubicMetres").asDouble(), 1e-3);
    JsonNode classes = status.path("roughness").path("classes");
    assertEquals("manningGrid", status.path("roughness").path("source").asText());
    assertEquals(160, classes.path("grid").path("cells").asInt(), classes.toString());
    assertEquals(0.05, classes.path("grid").path("manning").asDouble(), 1e-6);
    assertEquals(160, classes.path("default").path("cells").asInt(), classes.toString());
    assertEquals(0.03, classes.path("default").path("manning").asDouble(), 1e-9);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"roughness\": 5|roughness",
        "\"roughness\": \"grass\"|roughness",
        "\"roughness\": {\"road\": -1}|roughness.road",
        "\"roughness\": {\"water\": \"wet\"}|roughness.water",
        "\"roughness\": {\"default\": 1.5}|roughness.default",
        "\"roughness\": {\"grass\": 0.03}|roughness.grass",
        "\"roughness\": {\"landUse\": [0.03]}|roughness.landUse",
        "\"roughness\": {\"landUse\": {\"203\": 0}}|roughness.landUse.203",
        "\"roughness\": {\"landUse\": {\"a b\": 0.03}}|roughness.landUse.a b",
        "\"roughness\": \"land-use\", \"manning\": 0.03|manning",
        "\"manningGrid\": \"nope\"|manningGrid",
        "\"manningGrid\": 7|manningGrid",
      })
  void badRoughnessFieldsAreNamed(String fields, String parameter) throws Exception {
    HttpResponse<String> r = post("{" + fields + "}");
    assertEquals(400, r.statusCode(), fields + " -> " + r.body());
    assertEquals(
        parameter, JSON.readTree(r.body()).path("parameter").asText(), fields + " -> " + r.body());
  }

  /** A grid of values no Manning's n can have is refused as {@code manningGrid}. */
  @Test
  void aManningGridOfHeightsIsRefused() throws Exception {
    GridGeometry g = GridGeometry.of(awayX, awayY, 5, 4, 4);
    float[] heights = new float[g.cellCount()];
    Arrays.fill(heights, 12f);
    String id = uploadAscii(g, heights);
    HttpResponse<String> r = post("{\"manningGrid\": \"" + id + "\"}");
    assertEquals(400, r.statusCode(), r.body());
    assertEquals("manningGrid", JSON.readTree(r.body()).path("parameter").asText());
    assertTrue(r.body().contains("Manning's n must be 0 to 1"), r.body());
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new java.util.TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      names.add(it.next().getKey());
    }
    return names;
  }

  private static String ascii(GridGeometry g, float[] z) {
    StringBuilder s = new StringBuilder();
    s.append("ncols ").append(g.ncols()).append('\n');
    s.append("nrows ").append(g.nrows()).append('\n');
    s.append("xllcorner ").append(g.originX()).append('\n');
    s.append("yllcorner ").append(g.originY()).append('\n');
    s.append("cellsize ").append(g.cellSizeMetres()).append('\n');
    for (int r = 0; r < g.nrows(); r++) {
      for (int c = 0; c < g.ncols(); c++) {
        s.append(z[r * g.ncols() + c]).append(c + 1 < g.ncols() ? " " : "\n");
      }
    }
    return s.toString();
  }

  private static String uploadAscii(GridGeometry g, float[] z) throws Exception {
    HttpResponse<String> r =
        twin.send(
            HttpRequest.newBuilder(URI.create(twin.root() + "/flood/dems?crs=6674"))
                .header("Content-Type", "application/octet-stream")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        ascii(g, z).getBytes(StandardCharsets.US_ASCII))));
    assertEquals(201, r.statusCode(), r.body());
    return JSON.readTree(r.body()).get("id").asText();
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return twin.send(
        HttpRequest.newBuilder(URI.create(twin.root() + "/flood/runs"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return twin.send(HttpRequest.newBuilder(URI.create(twin.root() + path)).GET());
  }

  /** Runs a scenario to completion; returns its URL. */
  private static String run(String scenario) throws Exception {
    HttpResponse<String> started = post(scenario);
    assertEquals(202, started.statusCode(), started.body());
    String run = started.headers().firstValue("Location").orElseThrow();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode status = JSON.readTree(get(run).body());
      String state = status.get("state").asText();
      if (state.equals("completed")) {
        return run;
      }
      assertTrue(!state.equals("failed") && !state.equals("cancelled"), status.toString());
      Thread.sleep(200);
    }
    throw new AssertionError(run + " did not complete");
  }
}
