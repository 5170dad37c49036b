package org.citytwin.http.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citytwin.http.LiveTwin;
import org.citytwin.model.CityObjectType;
import org.citytwin.query.Filter;
import org.citytwin.query.Literal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real OGC API - Features client, GDAL's OAPIF driver ({@code ogrinfo}, {@code ogr2ogr} from
 * Debian's gdal-bin, which {@code .ci/run} installs), against the live server. Missing tools fail
 * the test rather than skip it: a skipped client test would hide a broken API.
 */
class GdalClientTest {
  private static final Pattern LAYER = Pattern.compile("^\\d+: (\\S+)", Pattern.MULTILINE);
  private static final Pattern FEATURE_COUNT =
      Pattern.compile("^Feature Count: (\\d+)", Pattern.MULTILINE);
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

  private record Run(int exitCode, String out, String err) {}

  /** Runs a GDAL tool; fails (not skips) when it is not installed. */
  private static Run run(String... command) throws Exception {
    Path out = Files.createTempFile(directory, "gdal", ".out");
    Path err = Files.createTempFile(directory, "gdal", ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().put("CPL_DEBUG", "ON");
    builder.environment().put("GDAL_HTTP_TIMEOUT", "60");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new AssertionError(
          command[0]
              + " is not installed; install Debian's gdal-bin (apt-get install gdal-bin),"
              + " as .ci/run does: "
              + e.getMessage(),
          e);
    }
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " did not finish in 180 s");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String source() {
    return "OAPIF:" + twin.api();
  }

  private static Map<String, Long> collectionsInStore() throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    for (CityObjectType.Collection collection : CityObjectType.Collection.values()) {
      long count = twin.store().count(new Filter.TypeIn(Collections.typesOf(collection)));
      if (count > 0) {
        counts.put(collection.id(), count);
      }
    }
    return counts;
  }

  @Test
  void ogrinfoListsOneLayerPerCollectionWithTheStoreCounts() throws Exception {
    Run list = run("ogrinfo", "-ro", "-so", source());
    assertEquals(0, list.exitCode(), list.err());
    List<String> layers = new ArrayList<>();
    Matcher layer = LAYER.matcher(list.out());
    while (layer.find()) {
      layers.add(layer.group(1));
    }
    Map<String, Long> expected = collectionsInStore();
    assertEquals(new ArrayList<>(expected.keySet()), layers.stream().sorted().toList(), list.out());

    for (Map.Entry<String, Long> collection : expected.entrySet()) {
      Run info = run("ogrinfo", "-ro", "-so", source(), collection.getKey());
      assertEquals(0, info.exitCode(), info.err());
      Matcher count = FEATURE_COUNT.matcher(info.out());
      assertTrue(count.find(), info.out());
      assertEquals(collection.getValue(), Long.parseLong(count.group(1)), collection.getKey());
      // The schema link gives GDAL every property, not only those of its first sample page.
      assertTrue(info.out().contains("river_flood_depth: Real"), info.out());
    }
  }

  @Test
  void ogr2ogrExportsTheFloodedBuildings() throws Exception {
    Path exported = directory.resolve("flooded.geojson");
    Run export =
        run(
            "ogr2ogr",
            "-f",
            "GeoJSON",
            exported.toString(),
            source(),
            "buildings",
            "-where",
            "river_flood_depth > 0.5");
    assertEquals(0, export.exitCode(), export.err());
    assertTrue(!export.err().contains("ERROR"), export.err());
    JsonNode features = new ObjectMapper().readTree(exported.toFile()).get("features");
    long expected =
        twin.store()
            .count(
                Filter.and(
                    new Filter.TypeIn(Collections.typesOf(CityObjectType.Collection.BUILDINGS)),
                    new Filter.Compare("river_flood_depth", Filter.Operator.GT, Literal.of(0.5))));
    assertTrue(expected > 0);
    assertEquals(expected, features.size());
    for (JsonNode feature : features) {
      assertTrue(feature.at("/properties/river_flood_depth").asDouble() > 0.5);
      assertEquals("Polygon", feature.at("/geometry/type").asText());
    }
  }
}
