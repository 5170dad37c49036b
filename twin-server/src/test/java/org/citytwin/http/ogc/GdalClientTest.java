package org.citytwin.http.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citytwin.http.LiveTwin;
import org.citytwin.http.RequestLog;
import org.citytwin.model.CityObjectType;
import org.citytwin.query.Filter;
import org.citytwin.query.Literal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A real OGC API - Features client, GDAL's OAPIF driver ({@code ogrinfo}, {@code ogr2ogr} from
 * Debian's gdal-bin, which {@code .ci/run} installs), against the live server. Missing tools fail
 * the test rather than skip it: a skipped client test would hide a broken API.
 */
class GdalClientTest {
  private static final Pattern LAYER = Pattern.compile("^\\d+: (\\S+)", Pattern.MULTILINE);
  private static final Pattern FEATURE_COUNT =
      Pattern.compile("^Feature Count: (\\d+)", Pattern.MULTILINE);
  private static final Pattern LOGGED_REQUEST = Pattern.compile("^GET (\\S+) (\\d{3}) ");
  @TempDir static Path directory;
  private static LiveTwin twin;

  /** The server's request log ({@link RequestLog}), to see what GDAL really asked. */
  private static final ListAppender<ILoggingEvent> REQUESTS = new ListAppender<>();

  @BeforeAll
  static void start() throws Exception {
    Logger log = (Logger) LoggerFactory.getLogger(RequestLog.LOGGER);
    log.setLevel(Level.DEBUG);
    REQUESTS.start();
    log.addAppender(REQUESTS);
    twin = LiveTwin.start(directory, LiveTwin.BUILDINGS, LiveTwin.ROADS);
  }

  @AfterAll
  static void stop() {
    Logger log = (Logger) LoggerFactory.getLogger(RequestLog.LOGGER);
    log.detachAppender(REQUESTS);
    log.setLevel(null);
    if (twin != null) {
      twin.close();
    }
  }

  /** A request from the server's log: path, decoded query parameters, status. */
  private record Logged(String path, Map<String, String> query, int status) {}

  /** The requests logged since the last call, in order. */
  private static List<Logged> takeLoggedRequests() {
    List<Logged> requests = new ArrayList<>();
    synchronized (REQUESTS) {
      for (ILoggingEvent event : REQUESTS.list) {
        Matcher request = LOGGED_REQUEST.matcher(event.getFormattedMessage());
        assertTrue(request.find(), event.getFormattedMessage());
        URI uri = URI.create(request.group(1));
        Map<String, String> query = new TreeMap<>();
        if (uri.getRawQuery() != null) {
          for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            query.put(
                URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
          }
        }
        requests.add(new Logged(uri.getPath(), query, Integer.parseInt(request.group(2))));
      }
      REQUESTS.list.clear();
    }
    return requests;
  }

  /**
   * Checks from the server's side that GDAL sent {@code where} as a filter: every items request
   * after the first sample page carries exactly {@code filter} in {@code cql-text}, all were
   * answered 200, and GDAL did not keep any part of the filter to evaluate itself.
   */
  private static void assertFilteredOnTheServer(Run run, String collection, String filter) {
    List<Logged> items =
        takeLoggedRequests().stream()
            .filter(r -> r.path().equals("/api/collections/" + collection + "/items"))
            .toList();
    List<Logged> filtered = items.stream().filter(r -> r.query().containsKey("filter")).toList();
    assertFalse(filtered.isEmpty(), "GDAL sent no filter: " + items);
    // GDAL reads one unfiltered page first to learn the layer, then only filtered pages.
    assertEquals(items.size() - 1, filtered.size(), items.toString());
    for (Logged request : filtered) {
      assertEquals(200, request.status(), request.toString());
      assertEquals(filter, request.query().get("filter"), request.toString());
      assertEquals("cql-text", request.query().get("filter-lang"), request.toString());
    }
    assertFalse(run.err().contains("client side"), run.err());
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
    takeLoggedRequests();
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
    assertFilteredOnTheServer(export, "buildings", "river_flood_depth > 0.5");
  }

  /**
   * A -where with OR, NOT, ILIKE, IS NOT NULL and BETWEEN, which GDAL 3.6 sends whole as {@code
   * cql-text}: the server's answer must be what GDAL itself selects from an unfiltered export (OGR
   * SQL semantics: case-sensitive LIKE, case-insensitive ILIKE, NOT over a missing value).
   */
  @Test
  void ogr2ogrSendsACompoundWhereThatSelectsWhatGdalWouldSelect() throws Exception {
    String where =
        "(river_flood_depth BETWEEN 0.5 AND 3 OR storeysAboveGround >= 5)"
            + " AND NOT (uro_buildingID ILIKE '%-BLDG-10%') AND usage IS NOT NULL";
    Path all = directory.resolve("all.geojson");
    Run exportAll = run("ogr2ogr", "-f", "GeoJSON", all.toString(), source(), "buildings");
    assertEquals(0, exportAll.exitCode(), exportAll.err());
    Path local = directory.resolve("local.geojson");
    Run selectLocally =
        run("ogr2ogr", "-f", "GeoJSON", local.toString(), all.toString(), "-where", where);
    assertEquals(0, selectLocally.exitCode(), selectLocally.err());

    takeLoggedRequests();
    Path served = directory.resolve("served.geojson");
    Run export =
        run("ogr2ogr", "-f", "GeoJSON", served.toString(), source(), "buildings", "-where", where);
    assertEquals(0, export.exitCode(), export.err());
    assertFilteredOnTheServer(
        export,
        "buildings",
        "((((river_flood_depth >= 0.5) AND (river_flood_depth <= 3)) OR (storeysAboveGround >= 5))"
            + " AND (NOT (uro_buildingID ILIKE '%-BLDG-10%'))) AND (NOT ((usage IS NULL)))");

    Set<String> expected = ids(local);
    assertTrue(expected.size() > 0 && expected.size() < ids(all).size(), expected.toString());
    assertEquals(expected, ids(served));
  }

  private static Set<String> ids(Path geojson) throws IOException {
    Set<String> ids = new TreeSet<>();
    for (JsonNode feature : new ObjectMapper().readTree(geojson.toFile()).get("features")) {
      ids.add(
          feature.get("properties").has("id")
              ? feature.at("/properties/id").asText()
              : feature.get("id").asText());
    }
    return ids;
  }
}
