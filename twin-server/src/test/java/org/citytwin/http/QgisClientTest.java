package org.citytwin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Envelope3D;
import org.citytwin.query.Filter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QGIS, the desktop GIS planners use, as a real client of the live server: Debian's python3-qgis
 * (3.22, installed by {@code .ci/run}) runs qgis-client.py headless, which reads the buildings
 * through QGIS's OAPIF provider and draws the vector tiles from the stable {z}/{x}/{y} template. A
 * missing QGIS fails the test rather than skips it.
 */
class QgisClientTest {
  private static final Path OUTPUT = Path.of("target", "qgis-client");
  // Debian's interpreter: python3-qgis installs the bindings for it, not for any other python.
  private static final String PYTHON = "/usr/bin/python3";

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
  void qgisReadsTheFeaturesAndDrawsTheVectorTiles() throws Exception {
    Filter buildings = new Filter.TypeIn(buildingTypes());
    Envelope3D extent = twin.store().extent(buildings).orElseThrow();
    // The middle ninth of the buildings' extent: small enough for max-zoom tiles, never empty.
    double width = extent.maxLon() - extent.minLon();
    double height = extent.maxLat() - extent.minLat();
    String box =
        String.format(
            Locale.ROOT,
            "%.7f,%.7f,%.7f,%.7f",
            extent.minLon() + width / 3,
            extent.minLat() + height / 3,
            extent.maxLon() - width / 3,
            extent.maxLat() - height / 3);
    JsonNode report = runQgis(box);
    System.out.println("QGIS client report: " + report);

    JsonNode features = report.get("features");
    assertTrue(features.get("valid").asBoolean(), "QGIS refused the OAPIF layer: " + report);
    assertEquals(
        twin.store().count(buildings), features.get("count").asLong(), "buildings read by QGIS");
    HttpResponse<String> inBox = twin.get("/collections/buildings/items?limit=1&bbox=" + box);
    long matched = new ObjectMapper().readTree(inBox.body()).get("numberMatched").asLong();
    assertTrue(matched > 0, "the box holds buildings");
    assertEquals(matched, features.get("countInBox").asLong(), "buildings QGIS read in " + box);
    List<String> fields = names(features.get("fields"));
    assertTrue(fields.containsAll(List.of("height", "usage", "footprint_area")), fields.toString());

    JsonNode tiles = report.get("vectorTiles");
    assertTrue(tiles.get("valid").asBoolean(), "QGIS refused the vector tile layer: " + report);
    assertTrue(tiles.get("errors").isEmpty(), "render errors: " + tiles.get("errors"));
    // Buildings and roads cover a good part of the city's middle; 0 meant no tile was drawn.
    double drawn = tiles.get("drawnFraction").asDouble();
    assertTrue(drawn > 0.05, "QGIS drew " + drawn + " of the image; see " + OUTPUT);
  }

  private static Set<CityObjectType> buildingTypes() {
    Set<CityObjectType> types = EnumSet.noneOf(CityObjectType.class);
    for (CityObjectType type : CityObjectType.values()) {
      if (type.collection() == CityObjectType.Collection.BUILDINGS) {
        types.add(type);
      }
    }
    return types;
  }

  private static List<String> names(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }

  private static JsonNode runQgis(String box) throws Exception {
    Files.createDirectories(OUTPUT);
    Path script = Path.of(QgisClientTest.class.getResource("qgis-client.py").toURI());
    Path out = directory.resolve("qgis.out");
    Path err = directory.resolve("qgis.err");
    ProcessBuilder builder =
        new ProcessBuilder(
                PYTHON,
                script.toString(),
                twin.root(),
                box,
                OUTPUT.resolve("vector-tiles.png").toAbsolutePath().toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    // Headless: Qt draws into memory, no display needed.
    builder.environment().put("QT_QPA_PLATFORM", "offscreen");
    builder.environment().put("XDG_RUNTIME_DIR", directory.toString());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new AssertionError(PYTHON + " is missing; .ci/run installs python3-qgis: " + e, e);
    }
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("QGIS did not finish in 300 s: " + Files.readString(err, StandardCharsets.UTF_8));
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertEquals(
        0,
        process.exitValue(),
        "QGIS failed (is Debian's python3-qgis installed? .ci/run installs it):\n" + stderr);
    return new ObjectMapper().readTree(stdout);
  }
}
