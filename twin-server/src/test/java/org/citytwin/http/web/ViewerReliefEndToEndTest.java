package org.citytwin.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.citytwin.http.LiveTwin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer over a store with relief: one Osaka building sheet plus the PLATEAU Yokosuka DEM
 * sample (two TINs). The viewer finds the relief collection, loads the relief tileset beside the
 * buildings and offers a checkbox that hides and shows it, without any console error or failed
 * request.
 */
class ViewerReliefEndToEndTest {
  /** The relief sample of twin-core's tests (see SOURCES.md beside it). */
  private static final Path DEM =
      Path.of("..", "twin-core", "src", "test", "resources", "org", "citytwin", "citygml")
          .resolve("523965_dem_6697_05_op.gml")
          .toAbsolutePath()
          .normalize();

  @TempDir static Path directory;
  private static LiveTwin twin;

  @BeforeAll
  static void start() throws Exception {
    twin = LiveTwin.start(directory, LiveTwin.BUILDINGS, DEM.toString());
  }

  @AfterAll
  static void stop() {
    if (twin != null) {
      twin.close();
    }
  }

  @Test
  void theReliefCheckboxHidesAndShowsTheReliefTileset() throws Exception {
    JsonNode report = ViewerBrowser.run(twin, "viewer-relief", "relief");
    assertEquals("ready", report.path("viewerState").asText(), report.toPrettyString());
    for (String problems :
        new String[] {"consoleErrors", "pageErrors", "failedRequests", "foreignRequests"}) {
      assertTrue(report.get(problems).isEmpty(), problems + ": " + report.get(problems));
    }
    assertFalse(report.has("failure"), report.toPrettyString());
    assertEquals("[\"shown\",\"hidden\",\"shown\"]", report.path("relief").toString());
    assertTrue(report.path("reliefToggle").asText().contains("Relief"), report.toPrettyString());
    // Our own check of the tileset and CesiumJS's read of it.
    assertTrue(report.path("reliefRequests").asInt() >= 2, report.toPrettyString());
  }
}
