package org.citytwin.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citytwin.cli.TwinCommand;
import org.citytwin.http.LiveTwin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The viewer as a person meets it: the real server over a real store of one sample sheet with the
 * synthetic sample sensor feed replayed into it ({@code twin sensors replay}), the page and
 * CesiumJS over HTTP, and headless Chromium (Debian's, driven by playwright-core through
 * viewer-e2e.cjs) loading the tiles, colouring by flood depth and height, picking a building, then
 * clicking the river gauge's marker and watching a new observation raise an alert.
 */
class ViewerEndToEndTest {
  private static final Path SAMPLE_FEED = Path.of("..", "data", "sensors");
  private static final String GAUGE = "sample-river-gauge";
  private static final String GAUGE_LEVEL = "sample-river-level";

  /** Above the sample gauge's flood-danger level (4.0 m), so posting it raises an alert. */
  private static final String ALERT_LEVEL = "4.5";

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path directory;
  private static LiveTwin twin;

  @BeforeAll
  static void start() throws Exception {
    twin = LiveTwin.start(directory, LiveTwin.BUILDINGS);
    // The whole six-hour feed at once, moved to start now, as a user would replay it.
    int exit =
        new CommandLine(new TwinCommand())
            .execute(
                "sensors",
                "replay",
                SAMPLE_FEED.resolve("sample-feed.csv").toString(),
                "--entities",
                SAMPLE_FEED.resolve("sample-entities.json").toString(),
                "--speed",
                "1000000",
                "--url",
                twin.sensorsApi(),
                "--token",
                LiveTwin.SENSOR_TOKEN);
    assertEquals(0, exit, "twin sensors replay failed");
  }

  @AfterAll
  static void stop() {
    if (twin != null) {
      twin.close();
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    URI uri = URI.create("http://localhost:" + twin.port() + path);
    return twin.send(HttpRequest.newBuilder(uri).GET());
  }

  @Test
  void servesThePageAndTheCesiumItNamesWithTheirCaching() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElseThrow());
    Matcher cesium = Pattern.compile("\"(\\./cesium/[0-9.]+/index\\.js)\"").matcher(page.body());
    assertTrue(cesium.find(), "index.html has no import map entry for Cesium: " + page.body());

    HttpResponse<String> module = get(cesium.group(1).substring(1));
    assertEquals(200, module.statusCode());
    assertEquals("text/javascript", module.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        ViewerRoutes.IMMUTABLE, module.headers().firstValue("Cache-Control").orElseThrow());

    HttpResponse<String> missing = get("/no-such-file.js");
    assertEquals(404, missing.statusCode());
    assertEquals(
        "application/problem+json", missing.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(200, get("/api").statusCode(), "the API is still served beside the viewer");
  }

  private static JsonNode getJson(String path) throws Exception {
    HttpResponse<String> response = get(path);
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return JSON.readTree(response.body());
  }

  @Test
  void picksABuildingAndWatchesTheLiveSensors() throws Exception {
    JsonNode report =
        ViewerBrowser.run(twin, "viewer", "walk", LiveTwin.SENSOR_TOKEN, GAUGE, ALERT_LEVEL);
    Path screenshot = ViewerBrowser.screenshot("viewer");
    assertEquals("ready", report.path("viewerState").asText(), report.toPrettyString());
    for (String problems :
        new String[] {"consoleErrors", "pageErrors", "failedRequests", "foreignRequests"}) {
      assertTrue(report.get(problems).isEmpty(), problems + ": " + report.get(problems));
    }
    assertFalse(report.has("failure"), report.toPrettyString());
    // Without relief in the store the viewer does not even ask for its tileset.
    assertEquals("[\"absent\"]", report.path("relief").toString());
    assertFalse(report.has("reliefRequests"), report.toPrettyString());
    String legends = report.path("legends").toString();
    assertTrue(legends.contains("River flood depth") && legends.contains("Height"), legends);

    String picked = report.at("/pixel/id").asText();
    assertFalse(picked.isEmpty(), "no pixel of the page picks a building: " + report);
    assertEquals(picked, report.path("panelId").asText(), "the panel shows another gml:id");
    assertTrue(twin.store().get(picked).isPresent(), "the store has no object " + picked);
    String panel = report.path("panelText").asText();
    assertTrue(panel.contains(LiveTwin.BUILDINGS), "the panel lacks the store's record: " + panel);
    assertTrue(Files.size(screenshot) > 10_000, "screenshot " + screenshot + " is nearly empty");
    checkSensors(report);
  }

  /** The polygons of the server's crowd areas, or 0 when its sensor API lists none. */
  private static int crowdAreaPolygons() throws Exception {
    boolean listed = false;
    for (JsonNode link : getJson("/sensors/v1").path("value")) {
      listed |= link.path("name").asText().equals("CrowdAreas");
    }
    if (!listed) {
      return 0;
    }
    int polygons = 0;
    for (JsonNode area : getJson("/sensors/v1/CrowdAreas").path("features")) {
      JsonNode geometry = area.path("geometry");
      polygons +=
          switch (geometry.path("type").asText()) {
            case "Polygon" -> 1;
            case "MultiPolygon" -> geometry.path("coordinates").size();
            default -> 0;
          };
    }
    return polygons;
  }

  /** The congestion level of each crowd area the server lists, by thing id. */
  private static Map<String, String> crowdAreaLevels() throws Exception {
    Map<String, String> levels = new HashMap<>();
    for (JsonNode area : getJson("/sensors/v1/CrowdAreas").path("features")) {
      JsonNode p = area.path("properties");
      assertTrue(p.path("congestion").isTextual(), "area without a congestion level: " + area);
      levels.put(p.path("id").asText(), p.path("congestion").asText());
    }
    return levels;
  }

  /** What the page showed of the sensors, against what the server holds. */
  private static void checkSensors(JsonNode report) throws Exception {
    JsonNode before = report.path("sensorsBefore");
    assertEquals("live", before.path("state").asText(), report.toPrettyString());
    Set<String> things = new HashSet<>();
    getJson("/sensors/v1/Things").path("value").forEach(t -> things.add(t.path("id").asText()));
    Set<String> markers = new HashSet<>();
    before.path("markers").fieldNames().forEachRemaining(markers::add);
    assertEquals(things, markers, "one marker per thing");
    // The replayed feed ends with the river back below its standby level (2.0 m).
    String last =
        Files.readAllLines(SAMPLE_FEED.resolve("sample-feed.csv")).stream()
            .filter(line -> line.startsWith(GAUGE_LEVEL + ","))
            .reduce((first, second) -> second)
            .orElseThrow();
    double level = Double.parseDouble(last.substring(last.lastIndexOf(',') + 1));
    assertTrue(level < 2.0, "the sample feed should end below standby, ended at " + level);
    assertEquals("NORMAL", before.at("/markers/" + GAUGE).asText(), before.toString());
    assertEquals(8, before.path("alerts").asInt(), "the feed's recorded alerts are listed");
    int polygons = crowdAreaPolygons();
    // The sample feed's plaza is a crowd area, so this compares real polygons, not 0 with 0.
    assertTrue(polygons > 0, "the sample feed should give the server a crowd area");
    assertEquals(polygons, before.path("areas").asInt(), "crowd area polygons drawn");
    Map<String, String> levels = new HashMap<>();
    before
        .path("areaStates")
        .fields()
        .forEachRemaining(e -> levels.put(e.getKey(), e.getValue().asText()));
    assertEquals(
        crowdAreaLevels(), levels, "each area coloured by its server-side congestion level");

    String panel = report.path("sensorPanelText").asText();
    assertTrue(panel.contains(level + " m"), "the panel lacks the gauge's value: " + panel);
    assertFalse(report.path("pickedAfterSensor").asBoolean(), "the building stayed picked");
    // Six hours of a series every 10 minutes, one per charted interval.
    assertEquals(36, report.path("chartPoints").asInt(), report.toPrettyString());

    assertEquals(201, report.at("/posted/status").asInt(), report.path("posted").toString());
    JsonNode alert = getJson("/sensors/v1/Alerts?limit=1").at("/value/0");
    assertEquals("FLOOD_DANGER", alert.path("to").asText(), alert.toString());
    assertEquals(Double.parseDouble(ALERT_LEVEL), alert.path("levelMetres").asDouble());
    JsonNode after = report.path("sensorsAfter");
    assertEquals(alert.path("id").asLong(), after.path("lastLiveAlert").asLong(), after.toString());
    assertEquals("FLOOD_DANGER", after.at("/markers/" + GAUGE).asText(), after.toString());
    int buildings = alert.path("floodingBuildings").size();
    assertTrue(buildings > 0, "the sample gauge's alert lists no flooding buildings: " + alert);
    for (String field : new String[] {"toastText", "listedAlertText"}) {
      String text = report.path(field).asText();
      assertTrue(text.contains("flood danger"), field + ": " + text);
      assertTrue(text.contains(ALERT_LEVEL + " m"), field + ": " + text);
      assertTrue(text.contains(buildings + " buildings at flood risk"), field + ": " + text);
    }
    String panelAfter = report.path("sensorPanelAfter").asText();
    assertTrue(
        panelAfter.contains(ALERT_LEVEL + " m"), "the open panel did not update: " + panelAfter);
    assertEquals(
        buildings, report.path("highlighted").asInt(), "highlighted after the alert click");
    Path sensorsShot = ViewerBrowser.OUTPUT.resolve("viewer-sensors.png");
    assertTrue(Files.size(sensorsShot) > 10_000, "screenshot " + sensorsShot + " is nearly empty");
  }
}
