package org.citytwin.http.flood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.citytwin.flood.DepthTiles;
import org.citytwin.http.LiveTwin;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Envelope3D;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.citytwin.store.StoredObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Flood runs against the live server on the real Osaka sheet (537 buildings): short runs on 10 m
 * cells so the suite stays fast.
 */
class FloodApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static LiveTwin twin;
  static Envelope3D extent;
  static double[] openGround;

  @BeforeAll
  static void start() throws Exception {
    twin = LiveTwin.start(dir, LiveTwin.BUILDINGS);
    Filter buildings = new Filter.TypeIn(Set.of(CityObjectType.BUILDING));
    extent = twin.store().extent(buildings).orElseThrow();
    openGround = openGround(twin.store().list(Query.of(buildings)));
  }

  @AfterAll
  static void stop() {
    twin.close();
  }

  /** A point near the sheet's centre at least ~25 m from every footprint (an open square). */
  private static double[] openGround(List<StoredObject> buildings) {
    GeometryFactory f = new GeometryFactory();
    double lon0 = (extent.minLon() + extent.maxLon()) / 2;
    double lat0 = (extent.minLat() + extent.maxLat()) / 2;
    for (int ring = 0; ring < 40; ring++) {
      for (int k = 0; k < 8 * Math.max(1, ring); k++) {
        double a = 2 * Math.PI * k / (8 * Math.max(1, ring));
        Point p =
            f.createPoint(
                new Coordinate(
                    lon0 + ring * 0.0002 * Math.cos(a), lat0 + ring * 0.0002 * Math.sin(a)));
        boolean clear =
            buildings.stream()
                .map(b -> b.object().shape().footprint())
                .allMatch((Geometry g) -> g.distance(p) > 0.00025);
        if (clear) {
          return new double[] {p.getX(), p.getY()};
        }
      }
    }
    throw new AssertionError("no open ground near the sheet's centre");
  }

  private static String scenario(double duration, double rainMmPerHour) {
    return scenario(duration, rainMmPerHour, 300);
  }

  private static String scenario(double duration, double rainMmPerHour, double outputInterval) {
    return String.format(
        Locale.ROOT,
        """
        {"cellSize": 10, "duration": %s, "outputInterval": %s, "gaugeInterval": 60,
         "rain": [[0, %s], [%s, %s]],
         "inflows": [{"point": [%s, %s], "hydrograph": [[0, 0], [120, 5], [600, 5]]}],
         "gauges": [{"name": "square", "point": [%s, %s]}]}
        """,
        duration,
        outputInterval,
        rainMmPerHour,
        duration,
        rainMmPerHour,
        openGround[0],
        openGround[1],
        openGround[0],
        openGround[1]);
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return twin.send(
        HttpRequest.newBuilder(URI.create(base() + "/flood/runs"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String base() {
    return "http://localhost:" + twin.port();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return twin.send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
  }

  private static HttpResponse<String> delete(String path) throws Exception {
    return twin.send(HttpRequest.newBuilder(URI.create(base() + path)).DELETE());
  }

  private static JsonNode waitFor(String run, String... states) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode status = JSON.readTree(get(run).body());
      if (List.of(states).contains(status.get("state").asText())) {
        return status;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(run + " did not reach " + List.of(states));
  }

  @Test
  void runsTheSampleCityAndServesItsResults() throws Exception {
    HttpResponse<String> started = post(scenario(600, 100));
    assertEquals(202, started.statusCode(), started.body());
    String run = started.headers().firstValue("Location").orElseThrow();
    assertTrue(run.startsWith("/flood/runs/"), run);
    JsonNode status = waitFor(run, "completed", "failed");
    assertEquals("completed", status.get("state").asText(), status.toString());
    assertEquals(600, status.at("/progress/simulatedSeconds").asDouble(), 1e-6);
    assertEquals(1.0, status.at("/progress/fraction").asDouble(), 1e-9);
    assertTrue(status.at("/progress/steps").asLong() > 0);
    assertEquals("EPSG:6674", status.at("/terrain/crs").asText());
    assertEquals(List.of(300, 600), ints(status.get("outputTimes")));
    // The grid's lon/lat box holds the sheet's buildings; the ramp is the tiles' own.
    JsonNode box = status.at("/terrain/bbox");
    assertTrue(
        box.get(0).asDouble() <= extent.minLon() && box.get(2).asDouble() >= extent.maxLon());
    assertTrue(
        box.get(1).asDouble() <= extent.minLat() && box.get(3).asDouble() >= extent.maxLat());
    assertEquals(DepthTiles.ramp().size(), status.get("depthRamp").size());
    assertEquals(
        String.format("#%06x", DepthTiles.colour(1.0) & 0xffffff),
        status.at("/depthRamp/4/colour").asText());

    // Mass balance: 100 mm/h for 600 s on every open cell plus the hydrograph's 2700 m³.
    JsonNode balance = JSON.readTree(get(run + "/mass-balance").body());
    assertEquals(300 + 2400, balance.get("inflowCubicMetres").asDouble(), 1e-3);
    double open =
        status.at("/terrain/ncols").asInt() * status.at("/terrain/nrows").asInt()
            - status.at("/terrain/blockedCells").asInt();
    assertEquals(open * 100 * 0.1 * 600 / 3600, balance.get("rainCubicMetres").asDouble(), 1e-3);
    assertTrue(Math.abs(balance.get("relativeError").asDouble()) < 1e-6, balance.toString());

    // Buildings: every building of the sheet, deepest first.
    JsonNode all = JSON.readTree(get(run + "/buildings?limit=10000").body());
    int buildings = status.at("/terrain/buildings").asInt();
    assertTrue(buildings > 500, status.toString());
    assertEquals(buildings, all.get("numberMatched").asInt());
    double previous = Double.POSITIVE_INFINITY;
    for (JsonNode f : all.get("features")) {
      double depth = f.at("/properties/max_depth_m").asDouble();
      assertTrue(depth <= previous, "sorted by depth");
      previous = depth;
    }
    assertTrue(all.at("/features/0/properties/max_depth_m").asDouble() > 0.01, all.toString());

    HttpResponse<String> page = get(run + "/buildings?limit=5");
    assertEquals("application/geo+json", page.headers().firstValue("Content-Type").orElseThrow());
    JsonNode five = JSON.readTree(page.body());
    assertEquals(5, five.get("numberReturned").asInt());
    assertEquals("Polygon", five.at("/features/0/geometry/type").asText().replace("Multi", ""));
    assertTrue(
        five.at("/links/0/href").asText().contains("offset=5"), five.get("links").toString());

    String bbox =
        String.format(
            Locale.ROOT,
            "%f,%f,%f,%f",
            extent.minLon(),
            extent.minLat(),
            (extent.minLon() + extent.maxLon()) / 2,
            (extent.minLat() + extent.maxLat()) / 2);
    JsonNode quarter = JSON.readTree(get(run + "/buildings?limit=10000&bbox=" + bbox).body());
    int inQuarter = quarter.get("numberMatched").asInt();
    assertTrue(inQuarter > 0 && inQuarter < buildings, inQuarter + " of " + buildings);

    // Gauges: a record every 60 s from 0 to 600 s; the square gets wet.
    JsonNode gauges = JSON.readTree(get(run + "/gauges").body());
    assertEquals(11, gauges.get("times").size());
    JsonNode square = gauges.at("/depths/square");
    assertTrue(square.get(10).asDouble() > 0.01, square.toString());
    HttpResponse<String> csv = get(run + "/gauges.csv");
    assertTrue(csv.body().startsWith("time_s,square\n0.000,"), csv.body());
    assertEquals(12, csv.body().split("\n").length);

    // Tiles: the tile over the square at zoom 16 shows water there; far outside, all clear.
    int[] tile = tileOf(openGround[0], openGround[1], 16);
    BufferedImage png = png(run, "600", 16, tile[0], tile[1]);
    assertEquals(256, png.getWidth());
    int alpha = png.getRGB(tile[2], tile[3]) >>> 24;
    assertTrue(alpha > 0, "wet pixel at the inflow is drawn");
    BufferedImage max = png(run, "max", 16, tile[0], tile[1]);
    assertTrue(max.getRGB(tile[2], tile[3]) >>> 24 > 0);
    BufferedImage away = png(run, "300", 16, tile[0] + 40, tile[1]);
    for (int y = 0; y < 256; y += 15) {
      for (int x = 0; x < 256; x += 15) {
        assertEquals(0, away.getRGB(x, y) >>> 24, "outside the grid is transparent");
      }
    }
    assertEquals(404, get("/tiles/flood" + run.substring(11) + "/450/16/0/0.png").statusCode());
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> list = new java.util.ArrayList<>();
    array.forEach(n -> list.add(n.asInt()));
    return list;
  }

  /** Tile column, row and pixel of a position in WebMercatorQuad. */
  private static int[] tileOf(double lon, double lat, int z) {
    double n = 1 << z;
    double x = (lon + 180) / 360 * n;
    double latRad = Math.toRadians(lat);
    double y = (1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2 * n;
    return new int[] {
      (int) x, (int) y, (int) ((x - Math.floor(x)) * 256), (int) ((y - Math.floor(y)) * 256)
    };
  }

  private static BufferedImage png(String run, String time, int z, int x, int y) throws Exception {
    String path =
        "/tiles/flood"
            + run.substring("/flood/runs".length())
            + "/"
            + time
            + "/"
            + z
            + "/"
            + x
            + "/"
            + y
            + ".png";
    HttpResponse<byte[]> r =
        twin.client()
            .send(
                HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode(), path + ": " + new String(r.body()));
    assertEquals("image/png", r.headers().firstValue("Content-Type").orElseThrow());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
    assertNotNull(image, path);
    return image;
  }

  /**
   * A breach clicked on a building's edge: the 10 m cell under it is a wall (its centre lies in the
   * footprint), so the water enters at the nearest open cell, within 20 m, and all of it arrives.
   */
  @Test
  void aPointInflowOnABuildingEntersAtTheNearestOpenCell() throws Exception {
    double[] onBuilding =
        insideABuilding(
            twin.store().list(Query.of(new Filter.TypeIn(Set.of(CityObjectType.BUILDING)))));
    String body =
        String.format(
            Locale.ROOT,
            """
            {"cellSize": 10, "duration": 300, "outputInterval": 300,
             "inflows": [{"point": [%s, %s], "hydrograph": [[0, 2], [300, 2]]}]}
            """,
            onBuilding[0],
            onBuilding[1]);
    HttpResponse<String> started = post(body);
    assertEquals(202, started.statusCode(), started.body());
    String run = started.headers().firstValue("Location").orElseThrow();
    JsonNode status = waitFor(run, "completed", "failed");
    assertEquals("completed", status.get("state").asText(), status.toString());
    JsonNode balance = JSON.readTree(get(run + "/mass-balance").body());
    assertEquals(600, balance.get("inflowCubicMetres").asDouble(), 1e-3);
    assertTrue(Math.abs(balance.get("relativeError").asDouble()) < 1e-6, balance.toString());
  }

  /**
   * A point 8-10 m inside a building's footprint (in metres, roughly: the test only needs the 10 m
   * cell around it blocked and open ground within 20 m): its cell's centre is in the footprint.
   */
  private static double[] insideABuilding(List<StoredObject> buildings) {
    double metresPerDegreeLat = 111_000;
    double metresPerDegreeLon = metresPerDegreeLat * Math.cos(Math.toRadians(34.6));
    for (StoredObject b : buildings) {
      Geometry footprint = b.object().shape().footprint();
      Point centre = footprint.getInteriorPoint();
      Coordinate c = centre.getCoordinate();
      Coordinate nearest = DistanceOp.nearestPoints(footprint.getBoundary(), centre)[0];
      double metres =
          Math.hypot(
              (nearest.x - c.x) * metresPerDegreeLon, (nearest.y - c.y) * metresPerDegreeLat);
      if (metres > 8
          && metres < 10
          && footprint.getArea() * metresPerDegreeLat * metresPerDegreeLon < 2000) {
        return new double[] {c.x, c.y};
      }
    }
    throw new AssertionError("no building of the sheet is 16-20 m across");
  }

  @Test
  void aRunningRunCanBeCancelledThenDeleted() throws Exception {
    HttpResponse<String> started =
        post(scenario(604_800, 20, 0)); // a week: far longer than the test
    assertEquals(202, started.statusCode(), started.body());
    String run = started.headers().firstValue("Location").orElseThrow();
    waitFor(run, "running", "completed");
    HttpResponse<String> cancel = delete(run);
    assertEquals(202, cancel.statusCode(), cancel.body());
    JsonNode status = waitFor(run, "cancelled");
    assertTrue(status.at("/progress/simulatedSeconds").asDouble() < 604_800);
    JsonNode balance = JSON.readTree(get(run + "/mass-balance").body());
    assertEquals("cancelled", balance.get("state").asText());
    assertEquals(204, delete(run).statusCode());
    HttpResponse<String> gone = get(run);
    assertEquals(404, gone.statusCode());
    assertEquals("application/problem+json", gone.headers().firstValue("Content-Type").get());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"cellSize\": 0.1}|cellSize",
        "{\"cellSize\": \"ten\"}|cellSize",
        "{\"rain\": [[0, 1], [0, 2]]}|rain",
        "{\"rain\": 5}|rain",
        "{\"inflows\": [{\"point\": [135.4], \"hydrograph\": [[0, 1]]}]}|inflows[0].point",
        "{\"inflows\": [{\"hydrograph\": [[0, 1]]}]}|inflows[0]",
        "{\"inflows\": [{\"point\": [10, 10], \"hydrograph\": [[0, 1]]}]}|inflows[0]",
        "{\"inflows\": [{\"point\": [135.4, 34.6], \"flow\": 3}]}|inflows[0].flow",
        "{\"stages\": [{\"edge\": \"up\", \"levels\": [[0, 1]]}]}|stages[0].edge",
        "{\"gauges\": [{\"name\": \"a b\", \"point\": [135.4, 34.6]}]}|gauges[0].name",
        "{\"duration\": 3600, \"outputInterval\": 1}|outputInterval",
        "{\"obstacles\": \"floating\"}|obstacles",
        "{\"bbox\": [135.5, 34.6, 135.4, 34.7]}|bbox",
        "{\"durration\": 60}|durration",
        "{\"bbox\": [135.0, 34.0, 136.0, 35.0], \"cellSize\": 5}|bbox",
        "{\"cellSize\": 1, \"duration\": 604800, \"outputInterval\": 3024}|outputInterval",
        // Uniform rain refuses what rain zones refuse.
        "{\"rain\": [[0, 10], [600, -1]]}|rain",
        "{\"rain\": [[0, 1e999]]}|rain[0]",
        "{\"rainZones\": [{\"polygon\": [[135.455, 34.62], [135.456, 34.62], [135.456, 34.621]],"
            + " \"rain\": [[0, -3]]}]}|rainZones[0].rain",
        // Shapes inside the area that hold no cell centre are refused at submission, not failed
        // runs: a triangle of a few tenths of a metre, on 10 m cells.
        "{\"cellSize\": 10, \"rainZones\": [{\"polygon\": [[135.456, 34.621], [135.456003,"
            + " 34.621], [135.456003, 34.621003]], \"rain\": [[0, 10]]}]}|rainZones[0].polygon",
        "{\"cellSize\": 10, \"initialLevels\": [{\"polygon\": [[135.456, 34.621], [135.456003,"
            + " 34.621], [135.456003, 34.621003]], \"level\": 3}]}|initialLevels[0].polygon",
        // An area of the store without buildings or relief to build a terrain from.
        "{\"bbox\": [135.0, 34.0, 135.01, 34.01]}|bbox",
      })
  void badScenariosAreRefusedNamingTheField(String body, String field) throws Exception {
    HttpResponse<String> r = post(body);
    assertEquals(400, r.statusCode(), body + " -> " + r.body());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").get());
    JsonNode problem = JSON.readTree(r.body());
    assertEquals(field, problem.get("parameter").asText(), r.body());
    assertFalse(problem.get("detail").asText().isBlank());
  }

  @Test
  void aBodyThatIsNotJsonIsABadRequest() throws Exception {
    HttpResponse<String> r = post("{\"duration\": ");
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(JSON.readTree(r.body()).get("detail").asText().contains("not JSON"));
  }

  @Test
  void unknownRunsAndBadTilesAreProblems() throws Exception {
    assertEquals(404, get("/flood/runs/nope").statusCode());
    assertEquals(404, get("/tiles/flood/nope/300/16/0/0.png").statusCode());
    HttpResponse<String> started = post(scenario(60, 10));
    String run = started.headers().firstValue("Location").orElseThrow();
    waitFor(run, "completed");
    String tiles = "/tiles/flood" + run.substring("/flood/runs".length());
    HttpResponse<String> zoom = get(tiles + "/max/30/0/0.png");
    assertEquals(400, zoom.statusCode(), zoom.body());
    assertEquals("z/x/y", JSON.readTree(zoom.body()).get("parameter").asText());
    HttpResponse<String> time = get(tiles + "/soon/3/0/0.png");
    assertEquals("time", JSON.readTree(time.body()).get("parameter").asText());
    HttpResponse<String> limit = get(run + "/buildings?limit=-1");
    assertEquals("limit", JSON.readTree(limit.body()).get("parameter").asText());
    if (get(run).statusCode() != 200) {
      fail("run vanished");
    }
  }

  /**
   * A second run on the same area and cells takes the terrain the first one built (status {@code
   * terrain.reused}); an import, even of the same file, changes the store's version and the next
   * run builds afresh.
   */
  @Test
  void aSecondRunReusesTheTerrainUntilTheStoreChanges() throws Exception {
    String body = scenario(60, 10, 0).replace("\"cellSize\": 10", "\"cellSize\": 9");
    assertTrue(body.contains("\"cellSize\": 9"), body);
    List<Boolean> reused = new java.util.ArrayList<>();
    for (int run = 0; run < 3; run++) {
      if (run == 2) {
        reimportSheet();
      }
      HttpResponse<String> started = post(body);
      assertEquals(202, started.statusCode(), started.body());
      JsonNode status =
          waitFor(started.headers().firstValue("Location").orElseThrow(), "completed", "failed");
      assertEquals("completed", status.get("state").asText(), status.toString());
      assertEquals(9, status.at("/terrain/cellSize").asDouble());
      reused.add(status.at("/terrain/reused").asBoolean());
    }
    assertEquals(List.of(false, true, false), reused);
  }

  private static void reimportSheet() throws Exception {
    long before = twin.store().version();
    try (org.citytwin.citygml.CityGmlParser parser =
        new org.citytwin.citygml.CityGmlParser(2, null)) {
      new org.citytwin.load.CityImporter(
              twin.store(), parser, org.citytwin.load.ImportListener.SILENT)
          .importAll(
              org.citytwin.citygml.CityGmlSources.expand(
                  List.of(Path.of("..", "data", "citygml", LiveTwin.BUILDINGS))));
    }
    assertTrue(twin.store().version() > before);
  }
}
