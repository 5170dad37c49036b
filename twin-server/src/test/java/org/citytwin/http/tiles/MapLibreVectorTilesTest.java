package org.citytwin.http.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.citytwin.http.HeadlessBrowser;
import org.citytwin.http.LiveTwin;
import org.citytwin.model.CityObject;
import org.citytwin.tiles.TilesetLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our vector tiles in a real web map client: MapLibre GL JS (npm, pinned in .ci/run) in Debian's
 * headless Chromium, driven by playwright-core through maplibre-e2e.cjs, reads the TileJSON as a
 * vector source with a fill-extrusion layer of the buildings and a line layer of the roads. The
 * features it renders must be the store's buildings and roads, with no error anywhere.
 */
class MapLibreVectorTilesTest {
  private static final Path OUTPUT = Path.of("target", "maplibre-e2e");

  @TempDir static Path directory;
  private static LiveTwin twin;

  @BeforeAll
  static void start() throws Exception {
    twin = LiveTwin.start(directory, LiveTwin.BUILDINGS, LiveTwin.ROADS);
  }

  @AfterAll
  static void stop() {
    if (twin != null) {
      twin.close();
    }
  }

  @Test
  void maplibreRendersTheStoresBuildingsAsExtrusionsAndItsRoads() throws Exception {
    JsonNode report = runBrowser();
    for (String problems :
        new String[] {"errors", "consoleErrors", "pageErrors", "failedRequests"}) {
      assertTrue(report.get(problems).isEmpty(), problems + ": " + report.get(problems));
    }
    assertFalse(report.has("failure"), report.toPrettyString());
    assertTrue(report.path("idle").asBoolean(), "the map never became idle: " + report);

    String versioned = twin.root() + "/tiles/vector/v" + twin.store().version() + "/";
    assertFalse(report.get("tileRequests").isEmpty(), "MapLibre fetched no tile");
    for (JsonNode request : report.get("tileRequests")) {
      assertTrue(request.asText().startsWith(versioned), request.asText());
      // 204: a tile of the view with nothing in it (outside the sheet), which MapLibre accepts.
      String status = request.asText().substring(request.asText().lastIndexOf(' ') + 1);
      assertTrue(status.equals("200") || status.equals("204"), request.asText());
    }

    Set<String> buildings = new HashSet<>();
    for (JsonNode feature : report.get("buildings")) {
      String id = feature.at("/properties/gml_id").asText();
      CityObject stored =
          twin.store().get(id, false).orElseThrow(() -> new AssertionError(id)).object();
      assertTrue(TilesetLayout.TYPES.contains(stored.type()), id + " is a " + stored.type());
      assertTrue(feature.at("/properties/height").isNumber(), feature.toString());
      buildings.add(id);
    }
    // The TileJSON centres the map on the sheet at zoom 15, where the viewport shows most of it.
    assertTrue(buildings.size() > 100, "buildings rendered: " + buildings.size());
    int roads = 0;
    for (JsonNode feature : report.get("roads")) {
      String id = feature.at("/properties/gml_id").asText();
      assertEquals("road", twin.store().get(id, false).orElseThrow().object().type().id(), id);
      roads++;
    }
    assertTrue(roads > 0, "no road rendered");
    System.out.printf(
        "maplibre: %d buildings and %d road features rendered from %d tiles%n",
        buildings.size(), roads, report.get("tileRequests").size());
  }

  private static JsonNode runBrowser() throws Exception {
    Path maplibre = Path.of(System.getProperty("maplibre.dir", "../.cache/maplibre-gl"));
    if (!Files.exists(maplibre.resolve("node_modules/maplibre-gl/dist/maplibre-gl.js"))) {
      fail(maplibre.toAbsolutePath() + " holds no maplibre-gl; run .ci/run, which installs it");
    }
    return HeadlessBrowser.run(
        MapLibreVectorTilesTest.class,
        "maplibre-e2e.cjs",
        OUTPUT.resolve("report.json"),
        maplibre.toString(),
        twin.root(),
        OUTPUT.resolve("maplibre.png").toString());
  }
}
