package org.citytwin.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citytwin.http.LiveTwin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer as a person meets it: the real server over a real store of one sample sheet, the page
 * and CesiumJS over HTTP, and headless Chromium (Debian's, driven by playwright-core through
 * viewer-e2e.cjs) loading the tiles, colouring by flood depth and height, picking a building.
 */
class ViewerEndToEndTest {
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

  @Test
  void clickingABuildingShowsItsGmlIdInThePanel() throws Exception {
    JsonNode report = ViewerBrowser.run(twin, "viewer", null);
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
  }
}
