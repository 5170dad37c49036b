package org.citytwin.http.flood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.citytwin.flood.ColourRamp;
import org.citytwin.http.LiveTwin;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Envelope3D;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.citytwin.store.StoredObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Velocity snapshots over HTTP on the real Osaka sheet: speed tiles per output time and for the
 * maximum, arrows as GeoJSON (water spreading away from a breach points away from it), bad
 * parameters as 400 problems, the same bytes after a restart, and a run kept by a version without
 * velocity snapshots still loading and answering 404 problems for them.
 */
class VelocityApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void speedTilesAndArrowsAreServedKeptAndMissingOnesAreNotFound() throws Exception {
    String run;
    String arrowsPath;
    String speedTile;
    String maxSpeedTile;
    String depthTile;
    byte[] arrowsBefore;
    byte[] tileBefore;
    try (LiveTwin twin = LiveTwin.start(dir, LiveTwin.BUILDINGS)) {
      double[] breach = openGround(twin);
      run = start(twin, scenario(breach));
      JsonNode status = waitFor(twin, run);
      assertEquals("completed", status.get("state").asText(), status.toString());

      // The status gives the speed ramp and the links to speed tiles and arrows.
      assertEquals(ColourRamp.SPEED.stops().size(), status.get("velocityRamp").size());
      assertEquals(
          String.format("#%06x", ColourRamp.SPEED.colour(1.0) & 0xffffff),
          status.at("/velocityRamp/4/colour").asText());
      assertEquals(1.0, status.at("/velocityRamp/4/metresPerSecond").asDouble());
      assertTrue(link(status, "velocity-tiles").endsWith("/velocity/{time}/{z}/{x}/{y}.png"));
      assertTrue(link(status, "arrows").startsWith(run + "/arrows?time="));

      // Speed tiles: over the breach, water moves (a warm, visible pixel); far away, transparent.
      int[] tile = tileOf(breach[0], breach[1], 16);
      speedTile = tilePath(run, "velocity/600", 16, tile[0], tile[1]);
      maxSpeedTile = tilePath(run, "velocity/max", 16, tile[0], tile[1]);
      depthTile = tilePath(run, "600", 16, tile[0], tile[1]);
      BufferedImage speed = png(twin, speedTile);
      int moving = 0;
      for (int y = 0; y < 256; y++) {
        for (int x = 0; x < 256; x++) {
          int argb = speed.getRGB(x, y);
          if (argb >>> 24 > 0) {
            moving++;
            assertTrue((argb >> 16 & 0xff) > (argb & 0xff), "speed ramp colours are warm");
          }
        }
      }
      assertTrue(moving > 100, "moving water drawn around the breach: " + moving + " pixels");
      BufferedImage max = png(twin, maxSpeedTile);
      assertTrue(max.getRGB(tile[2], tile[3]) >>> 24 > 0, "the maximum speed at the breach");
      BufferedImage away = png(twin, tilePath(run, "velocity/600", 16, tile[0] + 40, tile[1]));
      assertEquals(0, away.getRGB(128, 128) >>> 24, "outside the grid is transparent");

      // Arrows over the whole grid: bounded, each consistent, spreading away from the breach.
      arrowsPath = run + "/arrows?time=600";
      JsonNode arrows = json(twin, arrowsPath);
      int n = arrows.get("numberReturned").asInt();
      assertTrue(n >= 5 && n <= VelocityArrows.MAX_ARROWS, "arrows: " + n);
      assertEquals(n, arrows.get("features").size());
      assertEquals("EPSG:6674", arrows.get("crs").asText());
      int spacing = arrows.get("spacingCells").asInt();
      int outward = 0;
      int inward = 0;
      for (JsonNode f : arrows.get("features")) {
        JsonNode p = f.get("properties");
        double vx = p.get("vx_m_s").asDouble();
        double vy = p.get("vy_m_s").asDouble();
        assertEquals(Math.hypot(vx, vy), p.get("speed_m_s").asDouble(), 2e-4, f.toString());
        assertTrue(p.get("speed_m_s").asDouble() >= ColourRamp.SPEED.minimum() - 1e-4);
        double direction = Math.toDegrees(Math.atan2(vx, vy));
        // from components rounded to 1e-4 m/s: the angle is known to about 1e-4 / speed radians
        double slack = 0.06 + Math.toDegrees(2e-4 / p.get("speed_m_s").asDouble());
        assertEquals((direction + 360) % 360, p.get("direction_deg").asDouble(), slack);
        // within 60 m of the breach, the water runs away from it
        double lon = f.at("/geometry/coordinates/0").asDouble();
        double lat = f.at("/geometry/coordinates/1").asDouble();
        double east = (lon - breach[0]) * 111_320 * Math.cos(Math.toRadians(lat));
        double north = (lat - breach[1]) * 110_950;
        if (Math.hypot(east, north) < 60 && Math.hypot(east, north) > 5) {
          if (east * vx + north * vy > 0) {
            outward++;
          } else {
            inward++;
          }
        }
      }
      // A finer lattice near the breach: a box of about 200 m holds arrows a cell apart.
      double[] box = {breach[0] - 0.001, breach[1] - 0.001, breach[0] + 0.001, breach[1] + 0.001};
      JsonNode near =
          json(
              twin,
              run
                  + String.format(
                      Locale.ROOT,
                      "/arrows?time=600&bbox=%f,%f,%f,%f",
                      box[0],
                      box[1],
                      box[2],
                      box[3]));
      assertEquals(1, near.get("spacingCells").asInt(), "every cell in a small box");
      assertTrue(spacing >= 1 && near.get("numberReturned").asInt() > 0, near.toString());
      for (JsonNode f : near.get("features")) {
        JsonNode p = f.get("properties");
        double lon = f.at("/geometry/coordinates/0").asDouble();
        double lat = f.at("/geometry/coordinates/1").asDouble();
        assertTrue(lon > box[0] - 0.0002 && lon < box[2] + 0.0002, "inside the box: " + lon);
        assertTrue(lat > box[1] - 0.0002 && lat < box[3] + 0.0002, "inside the box: " + lat);
        double east = (lon - breach[0]) * 111_320 * Math.cos(Math.toRadians(lat));
        double north = (lat - breach[1]) * 110_950;
        if (Math.hypot(east, north) < 60 && Math.hypot(east, north) > 5) {
          double dot = east * p.get("vx_m_s").asDouble() + north * p.get("vy_m_s").asDouble();
          if (dot > 0) {
            outward++;
          } else {
            inward++;
          }
        }
      }
      System.out.printf(
          "velocity arrows: %d over the grid every %d cells, %d near the breach; within 60 m of"
              + " it %d point away, %d towards%n",
          n, spacing, near.get("numberReturned").asInt(), outward, inward);
      assertTrue(outward >= 5 && outward > 4 * inward, outward + " out vs " + inward + " in");

      // Bad parameters: 400 problems naming the parameter; an unknown time is a 404.
      badParameter(twin, run + "/arrows", "time");
      badParameter(twin, run + "/arrows?time=soon", "time");
      badParameter(twin, run + "/arrows?time=600&bbox=1,2,3", "bbox");
      badParameter(twin, run + "/arrows?time=600&bbox=135.5,34.7,135.4,34.6", "bbox");
      badParameter(twin, run + "/arrows?time=600&bbox=135,34,200,35", "bbox");
      badParameter(twin, run + "/arrows?time=600&spacing=3", "spacing");
      badParameter(twin, tilePath(run, "velocity/600", 30, 0, 0), "z/x/y");
      badParameter(twin, tilePath(run, "velocity/later", 3, 0, 0), "time");
      problem(twin, run + "/arrows?time=450", 404, "output times so far: [300, 600]");
      problem(twin, tilePath(run, "velocity/450", 16, tile[0], tile[1]), 404, "no velocity");
      problem(twin, "/flood/runs/nope/arrows?time=600", 404, "no flood run");

      // Snapshots now hold four grids (depth, speed, vx, vy) in the same 400 MB: 50 snapshots of
      // the sheet at 1 m (about a million cells) were accepted with depth alone, now refused.
      HttpResponse<String> tooMany =
          twin.send(
              HttpRequest.newBuilder(URI.create(twin.root() + "/flood/runs"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"cellSize\": 1, \"duration\": 3000, \"outputInterval\": 60}")));
      assertEquals(400, tooMany.statusCode(), tooMany.body());
      JsonNode refused = JSON.readTree(tooMany.body());
      assertEquals("outputInterval", refused.path("parameter").asText(), tooMany.body());
      assertTrue(refused.path("detail").asText().contains("depth and velocity"), tooMany.body());

      arrowsBefore = twin.getBytes(arrowsPath).body();
      tileBefore = twin.getBytes(speedTile).body();
      awaitKept(run);
    }

    Path runDir = dir.resolve("store").resolve("flood").resolve("runs").resolve(id(run));
    for (long t : List.of(300L, 600L)) {
      for (String name : KeptRuns.velocityFiles(t)) {
        assertTrue(Files.isRegularFile(runDir.resolve(name)), name + " kept");
      }
    }
    try (LiveTwin twin = LiveTwin.start(dir, LiveTwin.BUILDINGS)) {
      assertArrayEquals(
          arrowsBefore, twin.getBytes(arrowsPath).body(), "same arrows after restart");
      assertArrayEquals(tileBefore, twin.getBytes(speedTile).body(), "same tile after restart");
    }

    // As an older version kept it: no velocity grids and a manifest that does not list them.
    ObjectNode manifest = (ObjectNode) JSON.readTree(runDir.resolve(KeptRuns.MANIFEST).toFile());
    for (long t : List.of(300L, 600L)) {
      for (String name : KeptRuns.velocityFiles(t)) {
        Files.delete(runDir.resolve(name));
        ((ObjectNode) manifest.get("files")).remove(name);
      }
    }
    Files.writeString(runDir.resolve(KeptRuns.MANIFEST), manifest.toString());
    try (LiveTwin twin = LiveTwin.start(dir, LiveTwin.BUILDINGS)) {
      assertEquals(200, twin.getBytes(run).statusCode(), "the old run still loads");
      assertEquals(200, twin.getBytes(depthTile).statusCode(), "with its depth tiles");
      assertEquals(200, twin.getBytes(maxSpeedTile).statusCode(), "and its maximum speed");
      problem(twin, arrowsPath, 404, "kept by a version without velocity snapshots");
      problem(twin, speedTile, 404, "kept by a version without velocity snapshots");
    }
  }

  private static String scenario(double[] breach) {
    return String.format(
        Locale.ROOT,
        """
        {"cellSize": 10, "duration": 600, "outputInterval": 300,
         "inflows": [{"point": [%s, %s], "hydrograph": [[0, 0], [60, 10], [600, 10]]}]}
        """,
        breach[0],
        breach[1]);
  }

  /** A point near the sheet's centre at least ~25 m from every footprint (an open square). */
  private static double[] openGround(LiveTwin twin) throws Exception {
    Filter buildings = new Filter.TypeIn(Set.of(CityObjectType.BUILDING));
    Envelope3D extent = twin.store().extent(buildings).orElseThrow();
    List<StoredObject> all = twin.store().list(Query.of(buildings));
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
        if (all.stream()
            .map(b -> b.object().shape().footprint())
            .allMatch((Geometry g) -> g.distance(p) > 0.00025)) {
          return new double[] {p.getX(), p.getY()};
        }
      }
    }
    throw new AssertionError("no open ground near the sheet's centre");
  }

  private static String start(LiveTwin twin, String scenario) throws Exception {
    HttpResponse<String> r =
        twin.send(
            HttpRequest.newBuilder(URI.create(twin.root() + "/flood/runs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(scenario)));
    assertEquals(202, r.statusCode(), r.body());
    return r.headers().firstValue("Location").orElseThrow();
  }

  private static JsonNode waitFor(LiveTwin twin, String run) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode status = json(twin, run);
      if (Set.of("completed", "failed").contains(status.get("state").asText())) {
        return status;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(run + " did not end");
  }

  private void awaitKept(String run) throws InterruptedException {
    Path manifest =
        dir.resolve("store")
            .resolve("flood")
            .resolve("runs")
            .resolve(id(run))
            .resolve(KeptRuns.MANIFEST);
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (!Files.isRegularFile(manifest)) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting for " + run + " to be kept");
      Thread.sleep(50);
    }
  }

  private static String id(String run) {
    return run.substring(run.lastIndexOf('/') + 1);
  }

  private static String link(JsonNode status, String rel) {
    for (JsonNode l : status.get("links")) {
      if (l.get("rel").asText().equals(rel)) {
        return l.get("href").asText();
      }
    }
    throw new AssertionError("no link " + rel + " in " + status.get("links"));
  }

  private static JsonNode json(LiveTwin twin, String path) throws Exception {
    HttpResponse<byte[]> r = twin.getBytes(path);
    assertEquals(200, r.statusCode(), path + ": " + new String(r.body()));
    return JSON.readTree(r.body());
  }

  private static void badParameter(LiveTwin twin, String path, String parameter) throws Exception {
    JsonNode body = problem(twin, path, 400, "");
    assertEquals(parameter, body.path("parameter").asText(), path + ": " + body);
  }

  private static JsonNode problem(LiveTwin twin, String path, int status, String detailHolds)
      throws Exception {
    HttpResponse<byte[]> r = twin.getBytes(path);
    assertEquals(status, r.statusCode(), path + ": " + new String(r.body()));
    assertEquals(
        "application/problem+json", r.headers().firstValue("Content-Type").orElse(""), path);
    JsonNode body = JSON.readTree(r.body());
    assertTrue(body.path("detail").asText().contains(detailHolds), path + ": " + body);
    assertFalse(body.path("detail").asText().contains("Exception"), body.toString());
    return body;
  }

  private static String tilePath(String run, String time, int z, int x, int y) {
    return "/tiles/flood/" + id(run) + "/" + time + "/" + z + "/" + x + "/" + y + ".png";
  }

  private static BufferedImage png(LiveTwin twin, String path) throws Exception {
    HttpResponse<byte[]> r = twin.getBytes(path);
    assertEquals(200, r.statusCode(), path + ": " + new String(r.body()));
    assertEquals("image/png", r.headers().firstValue("Content-Type").orElseThrow());
    return ImageIO.read(new ByteArrayInputStream(r.body()));
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
}
