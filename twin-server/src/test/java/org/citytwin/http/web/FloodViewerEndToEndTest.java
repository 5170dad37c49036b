package org.citytwin.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.citytwin.http.HeadlessBrowser;
import org.citytwin.http.LiveTwin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer's flood panel as a person uses it: the real server over a real store of one sample
 * sheet, headless Chromium (driven by playwright-core through flood-e2e.cjs) picking a breach point
 * on the map and cancelling that run, then filling in a short rainfall scenario, running it to
 * completion through the real solver, moving the time slider, and colouring and picking a building.
 * What the page shows is checked against the server's own answers for the same run, fetched here.
 */
class FloodViewerEndToEndTest {
  private static final Path OUTPUT = Path.of("target", "flood-viewer-e2e");

  /** 120 mm/h for 10 minutes on 10 m cells, depth every 2 minutes: a few seconds of solving. */
  private static final String SCENARIO =
      "{\"rate\": 120, \"rainMinutes\": 10, \"minutes\": 10, \"interval\": 2, \"cell\": 10}";

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path directory;
  private static LiveTwin twin;

  @BeforeAll
  static void start() throws Exception {
    twin = LiveTwin.start(directory, LiveTwin.BUILDINGS);
  }

  @AfterAll
  static void stop() {
    if (twin != null) {
      twin.close();
    }
  }

  @Test
  void runsAFloodFromThePageAndShowsDepthOverTimeAndPerBuilding() throws Exception {
    JsonNode report = runBrowser();
    System.out.println("flood viewer e2e: " + report);
    for (String problems :
        new String[] {"consoleErrors", "pageErrors", "failedRequests", "foreignRequests"}) {
      assertTrue(report.get(problems).isEmpty(), problems + ": " + report.get(problems));
    }
    assertFalse(report.has("failure"), report.toPrettyString());
    assertEquals("ready", report.path("viewerState").asText(), report.toPrettyString());
    assertEquals("completed", report.at("/flood/state").asText(), report.toPrettyString());

    // A breach point was picked on the map; Cancel stopped a long run while it ran.
    String longRun = report.path("cancelledRun").asText();
    assertFalse(longRun.isEmpty(), "the long run did not start: " + report);
    assertEquals("cancelled", report.path("cancelledState").asText(), report.toString());
    JsonNode cancelled = JSON.readTree(get("/flood/runs/" + longRun).body());
    assertEquals("cancelled", cancelled.get("state").asText(), cancelled.toString());
    assertTrue(cancelled.at("/progress/simulatedSeconds").asDouble() < 36_000, "not stopped");
    assertTrue(
        report.path("breachPoint").asText().matches("135\\.\\d+, 34\\.\\d+"), report.toString());

    // The run the page started, as the server reports it: 10 minutes, depth every 2.
    String run = report.at("/flood/run").asText();
    JsonNode status = JSON.readTree(get("/flood/runs/" + run).body());
    assertEquals("completed", status.get("state").asText());
    List<String> times = new ArrayList<>();
    status.get("outputTimes").forEach(t -> times.add(t.asText()));
    assertEquals(List.of("120", "240", "360", "480", "600"), times);
    List<String> slider = new ArrayList<>();
    report.at("/flood/outputTimes").forEach(t -> slider.add(t.asText()));
    assertEquals(List.of("120", "240", "360", "480", "600", "max"), slider, "slider positions");
    assertTrue(status.at("/massBalance/rainCubicMetres").asDouble() > 0, status.toString());

    // The slider moved to the second output time shows that time's depth tiles, and they hold
    // water (the server's own tiles, fetched again here, are not all transparent).
    assertEquals("4 min", report.path("sliderLabel").asText());
    assertEquals("240", report.at("/layer/time").asText(), report.path("layer").toString());
    assertTrue(report.at("/layer/url").asText().contains(run + "/240/"), report.toString());
    List<String> tiles = new ArrayList<>();
    for (JsonNode tile : report.get("floodTiles")) {
      if (tile.get("path").asText().startsWith("/tiles/flood/" + run + "/240/")) {
        assertEquals(200, tile.get("status").asInt(), tile.toString());
        assertEquals("image/png", tile.get("type").asText(), tile.toString());
        tiles.add(tile.get("path").asText());
      }
    }
    assertFalse(tiles.isEmpty(), "no depth tile of 240 s was asked for: " + report);
    assertTrue(tiles.stream().anyMatch(this::hasWater), "no tile shows water: " + tiles);
    assertTrue(report.path("rampLegend").asText().contains("0.01 – 0.1"), report.toString());

    // The toggle to speed at the same time: the velocity tiles of 240 s are asked for, answer
    // PNGs with moving water, and are drawn: the map (left of the panel) shows many more pixels
    // in the speed ramp's warm colours than with depth at the same time and view.
    assertEquals("speed", report.at("/speedLayer/quantity").asText(), report.toString());
    assertEquals("240", report.at("/speedLayer/time").asText(), report.toString());
    assertTrue(
        report.at("/speedLayer/url").asText().contains(run + "/velocity/240/"), report.toString());
    assertEquals("speed", report.path("speedLabel").asText());
    // the arrows drawn over the speed are the server's arrows of that time, every one of them
    JsonNode arrows = JSON.readTree(get("/flood/runs/" + run + "/arrows?time=240").body());
    assertTrue(arrows.get("numberReturned").asInt() > 0, arrows.toString());
    assertEquals(arrows.get("numberReturned").asInt(), report.path("speedArrows").asInt());
    assertEquals("Water speed (m/s)", report.path("speedLegendTitle").asText());
    assertTrue(report.path("speedLegend").asText().contains("0.5 – 1"), report.toString());
    List<String> speedTiles = new ArrayList<>();
    for (JsonNode tile : report.get("floodTiles")) {
      if (tile.get("path").asText().startsWith("/tiles/flood/" + run + "/velocity/240/")) {
        assertEquals(200, tile.get("status").asInt(), tile.toString());
        assertEquals("image/png", tile.get("type").asText(), tile.toString());
        speedTiles.add(tile.get("path").asText());
      }
    }
    assertFalse(speedTiles.isEmpty(), "no speed tile of 240 s was asked for: " + report);
    assertTrue(speedTiles.stream().anyMatch(this::hasWater), "no tile shows moving water");
    int width = report.path("mapWidth").asInt();
    int warmWithDepth = warmPixels(OUTPUT.resolve("flood-depth.png"), width);
    int warmWithSpeed = warmPixels(OUTPUT.resolve("flood-speed.png"), width);
    System.out.println(
        "flood viewer e2e: warm map pixels with depth "
            + warmWithDepth
            + ", speed "
            + warmWithSpeed);
    assertTrue(
        warmWithSpeed > warmWithDepth + 200,
        "speed imagery drawn: " + warmWithSpeed + " warm pixels vs " + warmWithDepth);

    // A building the run's results call wet: drawn in its depth class, both depths in the panel.
    assertTrue(report.path("legendTitle").asText().startsWith("Simulated maximum depth"));
    String id = report.at("/pixel/id").asText();
    assertFalse(id.isEmpty(), "no wet building is drawn anywhere: " + report);
    double depth = serverDepth(run, id);
    assertTrue(depth >= 0.02, id + " is not wet: " + depth);
    String expected = classColour(report.get("legend"), depth);
    assertEquals(expected, report.at("/pixel/colour").asText(), id + " at " + depth + " m");
    assertNotEquals(classColour(report.get("legend"), -1), expected, "wet looks like dry");
    assertEquals(id, report.path("panelId").asText());
    String panel = report.path("floodPanel").asText();
    assertTrue(
        panel.contains(String.format(Locale.ROOT, "%.2f m", depth)),
        "the panel lacks " + depth + " m: " + panel);
    assertTrue(panel.contains("PLATEAU design flood"), panel);

    // After a reload the page lists the runs with results, newest first, and reopens this one:
    // its slider and its maximum depth tiles again.
    List<String> listed = new ArrayList<>();
    report.get("listedRuns").forEach(r -> listed.add(r.asText()));
    assertEquals(List.of(run, longRun), listed, report.toString());
    assertEquals(run, report.at("/reopened/run").asText(), report.toString());
    assertEquals("completed", report.at("/reopened/state").asText(), report.toString());
    List<String> reopened = new ArrayList<>();
    report.at("/reopened/outputTimes").forEach(t -> reopened.add(t.asText()));
    assertEquals(slider, reopened);
    assertTrue(report.at("/reopenedLayer/url").asText().contains(run + "/max/"), report.toString());
    assertTrue(Files.size(OUTPUT.resolve("flood.png")) > 10_000, "screenshot is nearly empty");
  }

  private JsonNode runBrowser() throws Exception {
    Path screenshot = OUTPUT.resolve("flood.png");
    Files.deleteIfExists(screenshot);
    return HeadlessBrowser.run(
        FloodViewerEndToEndTest.class,
        "flood-e2e.cjs",
        OUTPUT.resolve("report.json"),
        twin.root() + "/",
        screenshot.toString(),
        SCENARIO);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    URI uri = URI.create("http://localhost:" + twin.port() + path);
    return twin.send(HttpRequest.newBuilder(uri).GET());
  }

  /** The building's maximum depth as the server's per-building results give it. */
  private static double serverDepth(String run, String id) throws Exception {
    JsonNode all = JSON.readTree(get("/flood/runs/" + run + "/buildings?limit=10000").body());
    for (JsonNode f : all.get("features")) {
      if (f.get("id").asText().equals(id)) {
        return f.at("/properties/max_depth_m").asDouble();
      }
    }
    throw new AssertionError("run " + run + " has no building " + id);
  }

  /**
   * Pixels of a screenshot left of {@code width} (the map) in the speed ramp's warm hues: clearly
   * more red than blue.
   */
  private static int warmPixels(Path screenshot, int width) throws Exception {
    BufferedImage image = ImageIO.read(screenshot.toFile());
    int warm = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < Math.min(width, image.getWidth()); x++) {
        int rgb = image.getRGB(x, y);
        int r = rgb >> 16 & 0xff;
        int b = rgb & 0xff;
        warm += r >= 150 && r - b >= 60 ? 1 : 0;
      }
    }
    return warm;
  }

  /** True when the tile at this path has at least one visible pixel. */
  private boolean hasWater(String path) {
    try {
      HttpResponse<byte[]> r = twin.getBytes(path);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          if (image.getRGB(x, y) >>> 24 != 0) {
            return true;
          }
        }
      }
      return false;
    } catch (Exception e) {
      throw new AssertionError("cannot read tile " + path, e);
    }
  }

  private static final Pattern RANGE = Pattern.compile("([0-9.]+) (?:– ([0-9.]+)|and more)");

  /**
   * The colour ({@code #rrggbb}) the page's legend gives a depth: the entry whose range holds it,
   * or the last entry (dry or no value) when none does.
   */
  private static String classColour(JsonNode legend, double depth) {
    for (JsonNode entry : legend) {
      Matcher m = RANGE.matcher(entry.get(1).asText());
      if (m.find()) {
        double lower = Double.parseDouble(m.group(1));
        double upper =
            m.group(2) == null ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(2));
        if (depth >= lower && depth < upper) {
          return hex(entry.get(0).asText());
        }
      }
    }
    return hex(legend.get(legend.size() - 1).get(0).asText());
  }

  /** {@code rgb(r, g, b)} as the browser reports a swatch's background, to {@code #rrggbb}. */
  private static String hex(String rgb) {
    Matcher m = Pattern.compile("rgb\\((\\d+), (\\d+), (\\d+)\\)").matcher(rgb);
    assertTrue(m.matches(), rgb);
    return String.format(
        "#%02x%02x%02x",
        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }
}
