package org.citytwin.http.flood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.citytwin.http.LiveTwin;
import org.citytwin.http.ServerOptions;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Envelope3D;
import org.citytwin.query.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Ended flood runs survive a restart of the server on the same store directory ({@code
 * <store>/flood/runs}, docs/FLOOD.md): a new server answers the same bytes for a run's status,
 * buildings, gauges and depth tiles; a run left running comes back interrupted; retention drops the
 * oldest; a damaged run directory is skipped with a warning and never stops the server starting.
 * Runs on the real Osaka sheet at 10 m cells with strong rain, so every open cell gets wet.
 */
class KeptRunsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void anEndedRunAnswersTheSameBytesAfterARestartAndARunningOneComesBackInterrupted()
      throws Exception {
    String run;
    String week;
    List<byte[]> before = new ArrayList<>();
    String tileAt300;
    String tileMax;
    try (LiveTwin twin = LiveTwin.start(dir, LiveTwin.BUILDINGS)) {
      run = start(twin, scenario(twin, 600, 300));
      JsonNode status = waitFor(twin, run, s -> s.equals("completed") || s.equals("failed"));
      assertEquals("completed", status.get("state").asText(), status.toString());
      int[] tile = centreTile(twin, 16);
      tileAt300 = tilePath(run, "300", 16, tile);
      tileMax = tilePath(run, "max", 16, tile);
      assertTrue(wetPixels(get(twin, tileAt300)) > 0, "the tile over the sheet shows water");
      awaitKept(run);
      for (String path : paths(run, tileAt300, tileMax)) {
        HttpResponse<byte[]> r = get(twin, path);
        assertEquals(200, r.statusCode(), path + ": " + new String(r.body()));
        before.add(r.body());
      }
      // A run of a simulated week is queued or running when the server stops.
      week = start(twin, scenario(twin, 604_800, 0));
    }
    Path kept = dir.resolve("store").resolve("flood").resolve("runs");
    assertTrue(Files.isRegularFile(kept.resolve(id(run)).resolve("files.json")));
    assertTrue(Files.isDirectory(kept.resolve(id(week) + ".running")), "recorded as running");

    try (LiveTwin twin = LiveTwin.start(dir, LiveTwin.BUILDINGS)) {
      List<String> paths = paths(run, tileAt300, tileMax);
      for (int i = 0; i < paths.size(); i++) {
        HttpResponse<byte[]> r = get(twin, paths.get(i));
        assertEquals(200, r.statusCode(), paths.get(i) + ": " + new String(r.body()));
        assertArrayEquals(before.get(i), r.body(), "same bytes after a restart: " + paths.get(i));
      }
      JsonNode list = JSON.readTree(text(twin, "/flood/runs"));
      assertEquals(List.of(id(run), id(week)), ids(list));
      assertEquals(JSON.readTree(before.get(0)), list.at("/runs/0"));
      JsonNode interrupted = list.at("/runs/1");
      assertEquals("interrupted", interrupted.get("state").asText(), interrupted.toString());
      assertEquals(KeptRuns.INTERRUPTED, interrupted.get("error").asText());
      HttpResponse<byte[]> none = get(twin, week + "/buildings");
      assertEquals(409, none.statusCode());
      assertProblem(none, "interrupted");
      assertTrue(Files.isDirectory(kept.resolve(id(week))), "kept as an ended run");
      assertFalse(Files.exists(kept.resolve(id(week) + ".running")));

      // DELETE forgets an ended run, on disk too.
      HttpResponse<String> deleted =
          twin.send(HttpRequest.newBuilder(URI.create(twin.root() + run)).DELETE());
      assertEquals(204, deleted.statusCode(), deleted.body());
      assertEquals(404, get(twin, run).statusCode());
      assertFalse(Files.exists(kept.resolve(id(run))));
    }
    try (LiveTwin twin = LiveTwin.start(dir, LiveTwin.BUILDINGS)) {
      assertEquals(List.of(id(week)), ids(JSON.readTree(text(twin, "/flood/runs"))));
    }
  }

  @Test
  void cancelledRunsAreKeptWithTheirResultsIfTheSolverHadBegun() throws Exception {
    String running;
    String queued;
    byte[] gauges;
    try (LiveTwin twin = LiveTwin.start(dir, LiveTwin.BUILDINGS)) {
      running = start(twin, scenario(twin, 604_800, 0));
      waitFor(twin, running, "running"::equals);
      queued = start(twin, scenario(twin, 60, 30)); // waits behind the week-long run
      assertEquals(202, delete(twin, queued).statusCode());
      assertEquals(202, delete(twin, running).statusCode());
      waitFor(twin, running, "cancelled"::equals);
      awaitKept(queued);
      awaitKept(running);
      HttpResponse<byte[]> neverRan = get(twin, queued + "/buildings");
      assertEquals(409, neverRan.statusCode());
      assertProblem(neverRan, "no results");
      gauges = get(twin, running + "/gauges.csv").body();
    }
    try (LiveTwin twin = LiveTwin.start(dir, LiveTwin.BUILDINGS)) {
      assertEquals(List.of(id(running), id(queued)), listed(twin));
      JsonNode never = JSON.readTree(text(twin, queued));
      assertEquals("cancelled", never.get("state").asText(), never.toString());
      HttpResponse<byte[]> none = get(twin, queued + "/buildings");
      assertEquals(409, none.statusCode());
      assertProblem(none, "no results");
      assertEquals("cancelled", JSON.readTree(text(twin, running)).get("state").asText());
      assertArrayEquals(gauges, get(twin, running + "/gauges.csv").body());
    }
  }

  private static HttpResponse<String> delete(LiveTwin twin, String run) throws Exception {
    return twin.send(HttpRequest.newBuilder(URI.create(twin.root() + run)).DELETE());
  }

  @Test
  void retentionDropsTheOldestRunsBeyondTheCountAndTheBytes() throws Exception {
    ServerOptions twoRuns = ServerOptions.onPort(0).withFloodRuns(new RunRetention(2, 1L << 30));
    List<String> runs = new ArrayList<>();
    try (LiveTwin twin = LiveTwin.start(dir, twoRuns, LiveTwin.BUILDINGS)) {
      for (int i = 0; i < 3; i++) {
        String run = start(twin, scenario(twin, 60, 30));
        waitFor(twin, run, "completed"::equals);
        awaitKept(run);
        runs.add(run);
      }
      awaitGone(runs.get(0));
      assertEquals(List.of(id(runs.get(1)), id(runs.get(2))), listed(twin));
      assertEquals(404, get(twin, runs.get(0)).statusCode());
      HttpResponse<byte[]> problem = get(twin, runs.get(0) + "/gauges.csv");
      assertProblem(problem, id(runs.get(0)));
    }
    // One byte allowed: on start only the newest run stays (it is always kept).
    ServerOptions oneByte = ServerOptions.onPort(0).withFloodRuns(new RunRetention(10, 1));
    try (LiveTwin twin = LiveTwin.start(dir, oneByte, LiveTwin.BUILDINGS)) {
      assertEquals(List.of(id(runs.get(2))), listed(twin));
      assertFalse(Files.exists(runDir(runs.get(1))));
      assertTrue(Files.isDirectory(runDir(runs.get(2))));
      assertEquals(200, get(twin, runs.get(2) + "/gauges.csv").statusCode());
    }
  }

  @Test
  void aDamagedRunDirectoryIsSkippedWithAWarningAndTheServerStillStarts() throws Exception {
    String truncated;
    String flipped;
    String tileMax;
    byte[] gaugesBefore;
    try (LiveTwin twin = LiveTwin.start(dir, LiveTwin.BUILDINGS)) {
      truncated = start(twin, scenario(twin, 60, 30));
      waitFor(twin, truncated, "completed"::equals);
      flipped = start(twin, scenario(twin, 60, 30));
      waitFor(twin, flipped, "completed"::equals);
      awaitKept(truncated);
      awaitKept(flipped);
      tileMax = tilePath(flipped, "max", 16, centreTile(twin, 16));
      gaugesBefore = get(twin, flipped + "/gauges.csv").body();
    }
    // A grid cut short (as a full disk leaves it) and, in the other run, a byte changed inside
    // the zlib data of its maximum depth (same length, so only reading it finds out).
    Path cut = runDir(truncated).resolve(KeptRuns.depthFile(30));
    try (RandomAccessFile f = new RandomAccessFile(cut.toFile(), "rw")) {
      f.setLength(f.length() / 2);
    }
    Path max = runDir(flipped).resolve(KeptRuns.MAX_DEPTH);
    try (RandomAccessFile f = new RandomAccessFile(max.toFile(), "rw")) {
      long at = 44 + (f.length() - 44) / 2;
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0x5a);
    }
    // A directory named like a run holding junk, and a half-written one a crash left.
    Path junk = runDir("/flood/runs/" + UUID.randomUUID());
    Files.createDirectories(junk);
    Files.writeString(junk.resolve("status.json"), "{\"id\": ");
    Files.writeString(junk.resolve("files.json"), "not json");
    Path half = runDir("/flood/runs/.tmp-" + UUID.randomUUID());
    Files.createDirectories(half);
    Files.writeString(half.resolve("status.json"), "{}");

    Logger log = (Logger) LoggerFactory.getLogger(KeptRuns.class);
    ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    warnings.start();
    log.addAppender(warnings);
    try (LiveTwin twin = LiveTwin.start(dir, LiveTwin.BUILDINGS)) {
      assertEquals(List.of(id(flipped)), listed(twin));
      assertEquals(404, get(twin, truncated).statusCode());
      assertTrue(warned(warnings, runDir(truncated)), messages(warnings));
      assertTrue(warned(warnings, junk), messages(warnings));
      assertTrue(Files.exists(runDir(truncated)), "a damaged run is left for someone to look at");
      assertFalse(Files.exists(half), "a half-written directory is deleted");

      // The damaged grid fails when read: a problem, not a wrong tile; the rest still answers.
      HttpResponse<byte[]> broken = get(twin, tileMax);
      assertEquals(500, broken.statusCode());
      assertProblem(broken, "incident");
      assertArrayEquals(gaugesBefore, get(twin, flipped + "/gauges.csv").body());
      assertEquals(200, get(twin, tilePath(flipped, "30", 16, centreTile(twin, 16))).statusCode());
    } finally {
      log.detachAppender(warnings);
    }
  }

  private static boolean warned(ListAppender<ILoggingEvent> log, Path directory) {
    return log.list.stream()
        .anyMatch(
            e ->
                e.getLevel() == Level.WARN
                    && e.getFormattedMessage().contains(directory.toString()));
  }

  private static String messages(ListAppender<ILoggingEvent> log) {
    return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList().toString();
  }

  /**
   * 200 mm/h on every cell and a gauge at the sheet's centre recording every 30 s: 3 cm of water
   * after 600 s, drawn in tiles.
   */
  private static String scenario(LiveTwin twin, double duration, double outputInterval)
      throws Exception {
    Envelope3D e = extent(twin);
    return String.format(
        Locale.ROOT,
        """
        {"cellSize": 10, "duration": %s, "outputInterval": %s, "gaugeInterval": 30,
         "rain": [[0, 200], [%s, 200]],
         "gauges": [{"name": "centre", "point": [%s, %s]}]}
        """,
        duration,
        outputInterval,
        duration,
        (e.minLon() + e.maxLon()) / 2,
        (e.minLat() + e.maxLat()) / 2);
  }

  private static Envelope3D extent(LiveTwin twin) throws Exception {
    return twin.store().extent(new Filter.TypeIn(Set.of(CityObjectType.BUILDING))).orElseThrow();
  }

  /** The status, list entry, buildings (all and a filtered page), gauges, balance and tiles. */
  private static List<String> paths(String run, String... tiles) {
    List<String> paths =
        new ArrayList<>(
            List.of(
                run,
                run + "/buildings?limit=10000",
                run + "/buildings?limit=7&offset=3&minDepth=0.001",
                run + "/gauges",
                run + "/gauges.csv",
                run + "/mass-balance"));
    paths.addAll(List.of(tiles));
    return paths;
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

  private static JsonNode waitFor(LiveTwin twin, String run, Predicate<String> state)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode status = JSON.readTree(text(twin, run));
      if (state.test(status.get("state").asText())) {
        return status;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(run + " did not end");
  }

  /** Waits until the ended run's directory is in place (it is written after the state changes). */
  private void awaitKept(String run) throws InterruptedException {
    await(() -> Files.isRegularFile(runDir(run).resolve(KeptRuns.MANIFEST)), run + " kept");
  }

  private void awaitGone(String run) throws InterruptedException {
    await(() -> !Files.exists(runDir(run)), run + " dropped");
  }

  private static void await(java.util.function.BooleanSupplier done, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  private Path runDir(String run) {
    return dir.resolve("store").resolve("flood").resolve("runs").resolve(id(run));
  }

  private static String id(String run) {
    return run.substring(run.lastIndexOf('/') + 1);
  }

  private static List<String> listed(LiveTwin twin) throws Exception {
    return ids(JSON.readTree(text(twin, "/flood/runs")));
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.get("runs").forEach(r -> ids.add(r.get("id").asText()));
    return ids;
  }

  private static HttpResponse<byte[]> get(LiveTwin twin, String path) throws Exception {
    return twin.getBytes(path);
  }

  private static String text(LiveTwin twin, String path) throws Exception {
    HttpResponse<byte[]> r = get(twin, path);
    assertEquals(200, r.statusCode(), path + ": " + new String(r.body()));
    return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void assertProblem(HttpResponse<byte[]> r, String detailHolds) throws Exception {
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
    String detail = JSON.readTree(r.body()).path("detail").asText();
    assertTrue(detail.contains(detailHolds), detail);
  }

  /** The zoom-z tile holding the centre of the sheet's buildings, as {x, y}. */
  private static int[] centreTile(LiveTwin twin, int z) throws Exception {
    Envelope3D e = extent(twin);
    double lon = (e.minLon() + e.maxLon()) / 2;
    double lat = Math.toRadians((e.minLat() + e.maxLat()) / 2);
    double n = 1 << z;
    return new int[] {
      (int) ((lon + 180) / 360 * n),
      (int) ((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n)
    };
  }

  private static String tilePath(String run, String time, int z, int[] xy) {
    return "/tiles/flood/" + id(run) + "/" + time + "/" + z + "/" + xy[0] + "/" + xy[1] + ".png";
  }

  private static int wetPixels(HttpResponse<byte[]> png) throws Exception {
    assertEquals(200, png.statusCode(), new String(png.body()));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
    int wet = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        wet += image.getRGB(x, y) >>> 24 > 0 ? 1 : 0;
      }
    }
    return wet;
  }
}
