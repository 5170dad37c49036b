package org.citytwin.http.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.citytwin.http.LiveTwin;
import org.citytwin.sensor.SensorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The crowd API over HTTP with the bundled synthetic crowd sample (data/sensors/crowd-*.json|csv)
 * on the sample city's buildings and roads: real store, real server on port 0, real HTTP client.
 */
class CrowdAreasApiTest {
  static final String TOKEN = "crowd-token";
  static final ObjectMapper JSON = new ObjectMapper();
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  static final Path SAMPLE = Path.of("..", "data", "sensors");
  @TempDir static Path directory;
  static LiveTwin twin;
  static String base;

  /** The sample history: datastream → (phenomenon time, persons) in file order. */
  static final Map<String, List<Row>> HISTORY = new HashMap<>();

  record Row(OffsetDateTime time, double persons) {}

  @BeforeAll
  static void start() throws Exception {
    twin =
        LiveTwin.startWithSensors(
            directory,
            SensorOptions.defaults().withCrowdTimeZone(TOKYO),
            TOKEN,
            LiveTwin.BUILDINGS,
            LiveTwin.ROADS);
    base = twin.root() + SensorsApi.ROOT;
    JsonNode entities = JSON.readTree(SAMPLE.resolve("crowd-entities.json").toFile());
    for (String collection : List.of("Sensors", "ObservedProperties", "Things", "Datastreams")) {
      for (JsonNode entity : entities.get(collection)) {
        HttpResponse<String> r =
            put("/" + collection + "/" + entity.get("id").asText(), entity.toString());
        assertEquals(201, r.statusCode(), r.body());
      }
    }
    StringBuilder batch = new StringBuilder("{\"observations\":[");
    for (String line : Files.readAllLines(SAMPLE.resolve("crowd-history.csv"))) {
      if (line.startsWith("#") || line.startsWith("datastream,")) {
        continue;
      }
      String[] f = line.split(",");
      HISTORY
          .computeIfAbsent(f[0], k -> new ArrayList<>())
          .add(new Row(OffsetDateTime.parse(f[1]), Double.parseDouble(f[2])));
      batch.append(
          String.format(
              "{\"datastream\":\"%s\",\"phenomenonTime\":\"%s\",\"result\":%s},",
              f[0], f[1], f[2]));
    }
    batch.setLength(batch.length() - 1);
    HttpResponse<String> posted = post("/Observations/batch", batch.append("]}").toString());
    assertEquals(201, posted.statusCode(), posted.body());
  }

  @AfterAll
  static void stop() {
    twin.close();
  }

  static HttpResponse<String> put(String path, String body) throws Exception {
    return twin.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json"));
  }

  static HttpResponse<String> post(String path, String body) throws Exception {
    return twin.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json"));
  }

  static HttpResponse<String> get(String path) throws Exception {
    return twin.send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  static JsonNode getJson(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  static JsonNode feature(JsonNode collection, String id) {
    for (JsonNode f : collection.get("features")) {
      if (f.get("id").asText().equals(id)) {
        return f;
      }
    }
    throw new AssertionError("no feature " + id + " in " + collection);
  }

  /** The levels as docs/SENSORS.md states them, written out here rather than taken from code. */
  static String level(double personsPerSquareMetre) {
    return personsPerSquareMetre < 0.1
        ? "empty"
        : personsPerSquareMetre < 0.5
            ? "some"
            : personsPerSquareMetre < 1.5 ? "crowded" : "very_crowded";
  }

  static Row latest(String datastream) {
    List<Row> rows = HISTORY.get(datastream);
    return rows.get(rows.size() - 1);
  }

  @Test
  void crowdAreasAreGeoJsonWithDensityOnTheWalkableGroundAndALevel() throws Exception {
    HttpResponse<String> r = get("/CrowdAreas");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("application/geo+json", r.headers().firstValue("Content-Type").orElse(""));
    JsonNode areas = JSON.readTree(r.body());
    assertEquals("FeatureCollection", areas.get("type").asText());
    JsonNode market = feature(areas, "sample-market");
    assertEquals("Polygon", market.at("/geometry/type").asText());
    assertEquals(135.4596, market.at("/geometry/coordinates/0/0/0").asDouble(), 1e-12);
    assertEquals(34.6176, market.at("/geometry/coordinates/0/0/1").asDouble(), 1e-12);
    JsonNode p = market.get("properties");
    assertEquals("sample-market", p.get("id").asText());
    assertEquals("market block (SYNTHETIC sample)", p.get("name").asText());
    assertEquals("sample-market-people", p.get("datastream").asText());
    double walkable = p.get("walkableSquareMetres").asDouble();
    // The block is about 147 m x 122 m with 33 buildings on it (see CrowdAreaTest for the
    // independent computation of its walkable ground).
    assertEquals(17_903, p.get("areaSquareMetres").asDouble(), 20);
    assertTrue(walkable > 5_000 && walkable < 17_000, "walkable " + walkable);
    assertEquals(
        p.get("areaSquareMetres").asDouble() - walkable,
        p.get("buildingSquareMetres").asDouble(),
        1e-6);
    Row last = latest("sample-market-people");
    assertEquals(last.persons(), p.get("persons").asDouble());
    assertEquals(last.persons() / walkable, p.get("personsPerSquareMetre").asDouble(), 1e-12);
    assertEquals(level(last.persons() / walkable), p.get("congestion").asText());
    assertEquals(last.time().toInstant().toString(), p.get("phenomenonTime").asText());
    assertFalse(p.has("personsPerMinute"));
    JsonNode avenue = feature(areas, "sample-avenue").get("properties");
    assertEquals(
        "tran_d3928a91-aecd-4911-97b1-8fad7617faf0", avenue.get("areaCityObject").asText());
    assertEquals(
        latest("sample-avenue-people").persons() / avenue.get("walkableSquareMetres").asDouble(),
        avenue.get("personsPerSquareMetre").asDouble(),
        1e-12);
  }

  @Test
  void aChangeOfCongestionIsPushedToEventClients() throws Exception {
    assertEquals(
        201,
        put(
                "/Things/event-plaza",
                """
            {"name":"event plaza","location":{"type":"Polygon","coordinates":
              [[[135.4540,34.6200],[135.4546,34.6200],[135.4546,34.6205],[135.4540,34.6205],[135.4540,34.6200]]]}}""")
            .statusCode());
    assertEquals(
        201,
        put(
                "/Datastreams/event-plaza-people",
                """
            {"name":"persons","thing":"event-plaza","sensor":"crowd-camera",
             "observedProperty":"persons-present","kind":"PEOPLE_COUNT","countScope":{"walkableArea":true}}""")
            .statusCode());
    double walkable =
        getJson("/CrowdAreas/event-plaza").at("/properties/walkableSquareMetres").asDouble();
    HttpResponse<InputStream> stream =
        twin.client()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/Events?datastream=event-plaza-people"))
                    .header("Accept", "text/event-stream")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, stream.statusCode());
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      SensorsApiTest.nextEvent(lines, "snapshot");
      JsonNode first =
          postCount(lines, "2026-06-29T11:00:00+09:00", (long) Math.ceil(0.2 * walkable));
      assertTrue(first.get("from").isNull(), first.toString());
      assertEquals("some", first.get("to").asText());
      long veryCrowded = (long) Math.ceil(1.6 * walkable);
      JsonNode change = postCount(lines, "2026-06-29T12:00:00+09:00", veryCrowded);
      assertEquals("event-plaza", change.get("area").asText());
      assertEquals("event-plaza-people", change.get("datastream").asText());
      assertEquals("some", change.get("from").asText());
      assertEquals("very_crowded", change.get("to").asText());
      assertEquals("2026-06-29T03:00:00Z", change.get("phenomenonTime").asText());
      assertEquals(veryCrowded, change.get("persons").asLong());
      assertEquals(veryCrowded / walkable, change.get("personsPerSquareMetre").asDouble(), 1e-12);
    }
    assertEquals(
        "very_crowded", getJson("/CrowdAreas/event-plaza").at("/properties/congestion").asText());
  }

  /** Posts a count of the event plaza and returns the congestion event it raises. */
  private static JsonNode postCount(BufferedReader lines, String time, long persons)
      throws Exception {
    HttpResponse<String> posted =
        post(
            "/Observations",
            String.format(
                "{\"datastream\":\"event-plaza-people\",\"phenomenonTime\":\"%s\",\"result\":%d}",
                time, persons));
    assertEquals(201, posted.statusCode(), posted.body());
    SensorsApiTest.nextEvent(lines, "observations");
    return SensorsApiTest.nextEvent(lines, "congestion");
  }

  @Test
  void aLineCountGivesAFlowAndNoDensity() throws Exception {
    JsonNode crossing = feature(getJson("/CrowdAreas"), "sample-crossing");
    JsonNode p = crossing.get("properties");
    assertEquals("line", p.get("countScope").asText());
    assertEquals("PT30M", p.get("interval").asText());
    assertEquals(
        latest("sample-crossing-flow").persons() / 30, p.get("personsPerMinute").asDouble(), 1e-12);
    assertFalse(p.has("personsPerSquareMetre"), p.toString());
    assertFalse(p.has("congestion"), p.toString());
    assertEquals(crossing, getJson("/CrowdAreas/sample-crossing"));
  }

  @Test
  void aBboxSelectsTheAreasItTouches() throws Exception {
    JsonNode some = getJson("/CrowdAreas?bbox=135.4590,34.6170,135.4620,34.6190");
    assertEquals(1, some.get("features").size());
    assertEquals("sample-market", some.at("/features/0/id").asText());
    assertEquals(0, getJson("/CrowdAreas?bbox=139.0,35.0,139.1,35.1").get("features").size());
  }

  @Test
  void theForecastIsTheMeanAndP90OfEachLocalSlotOfTheHistory() throws Exception {
    JsonNode forecast = getJson("/CrowdAreas/sample-market/Forecast?day=sat");
    assertEquals("Asia/Tokyo", forecast.get("timeZone").asText());
    assertEquals(30, forecast.get("slotMinutes").asInt());
    assertEquals("[\"sat\"]", forecast.get("days").toString());
    double walkable = forecast.get("walkableSquareMetres").asDouble();
    // The oracle: the sample's Saturday counts grouped by their local half hour.
    Map<String, List<Double>> bySlot = new HashMap<>();
    for (Row row : HISTORY.get("sample-market-people")) {
      var local = row.time().atZoneSameInstant(TOKYO);
      if (local.getDayOfWeek() == java.time.DayOfWeek.SATURDAY) {
        String start = local.toLocalTime().withMinute(local.getMinute() / 30 * 30).toString();
        bySlot.computeIfAbsent(start, k -> new ArrayList<>()).add(row.persons());
      }
    }
    JsonNode slots = forecast.get("slots");
    assertEquals(48, slots.size());
    long samples = 0;
    for (JsonNode slot : slots) {
      assertEquals("sat", slot.get("day").asText());
      List<Double> values = bySlot.get(slot.get("start").asText());
      assertEquals(values.size(), slot.get("samples").asInt(), slot.toString());
      double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      assertEquals(mean, slot.get("meanPersons").asDouble(), 1e-9);
      assertEquals(percentile90(values), slot.get("p90Persons").asDouble(), 1e-9);
      assertEquals(mean / walkable, slot.get("meanPersonsPerSquareMetre").asDouble(), 1e-12);
      assertEquals(level(mean / walkable), slot.get("congestion").asText());
      samples += slot.get("samples").asLong();
    }
    assertEquals(3, slots.get(0).get("samples").asInt(), "three Saturdays of history");
    assertEquals("00:00", slots.get(0).get("start").asText());
    assertEquals("00:30", slots.get(0).get("end").asText());
    assertEquals(samples, forecast.get("samples").asLong());
    assertEquals(
        "crowded",
        slots.get(29).get("congestion").asText(),
        "Saturday 14:30 on the market block: " + slots.get(29));
    JsonNode hourly = getJson("/CrowdAreas/sample-market/Forecast?day=all&slotMinutes=60");
    assertEquals(7 * 24, hourly.get("slots").size());
    assertEquals(
        8, hourly.at("/slots/0/samples").asInt(), "Monday 00:00-01:00: four Mondays, two each");
  }

  @Test
  void aLineForecastIsAFlow() throws Exception {
    JsonNode slot = getJson("/CrowdAreas/sample-crossing/Forecast?day=mon").at("/slots/16");
    assertEquals("08:00", slot.get("start").asText());
    assertEquals(
        slot.get("meanPersons").asDouble() / 30, slot.get("meanPersonsPerMinute").asDouble(), 1e-9);
    assertFalse(slot.has("meanPersonsPerSquareMetre"));
    assertFalse(slot.has("congestion"));
  }

  @Test
  void anAreaWithoutHistoryHasAnEmptyForecastAndNoState() throws Exception {
    assertEquals(
        201,
        put(
                "/Things/quiet-square",
                """
            {"name":"静かな広場","location":{"type":"Polygon","coordinates":
              [[[135.4520,34.6200],[135.4525,34.6200],[135.4525,34.6204],[135.4520,34.6204],[135.4520,34.6200]]]}}""")
            .statusCode());
    HttpResponse<String> ds =
        put(
            "/Datastreams/quiet-people",
            """
            {"name":"persons","thing":"quiet-square","sensor":"crowd-camera",
             "observedProperty":"persons-present","kind":"PEOPLE_COUNT","countScope":{"walkableArea":true}}""");
    assertEquals(201, ds.statusCode(), ds.body());
    JsonNode thing = getJson("/Things/quiet-square");
    assertEquals("Polygon", thing.at("/area/type").asText());
    assertEquals(135.45225, thing.at("/location/lon").asDouble(), 1e-9, "placed at the centroid");
    JsonNode forecast = getJson("/CrowdAreas/quiet-square/Forecast");
    assertEquals(0, forecast.get("slots").size());
    assertEquals(0, forecast.get("samples").asInt());
    assertTrue(forecast.get("detail").asText().contains("no history"), forecast.toString());
    JsonNode p = getJson("/CrowdAreas/quiet-square").get("properties");
    // Non-Latin names arrive intact (the GeoJSON is sent as UTF-8 bytes).
    assertEquals("静かな広場", p.get("name").asText());
    assertEquals(
        "静かな広場", feature(getJson("/CrowdAreas"), "quiet-square").at("/properties/name").asText());
    assertTrue(p.get("persons").isNull());
    assertTrue(p.get("personsPerSquareMetre").isNull());
    assertTrue(p.get("congestion").isNull());
    assertTrue(p.get("phenomenonTime").isNull());
  }

  @ParameterizedTest
  @CsvSource({
    "/CrowdAreas/nowhere, 404, ",
    "/CrowdAreas/nowhere/Forecast, 404, ",
    "/CrowdAreas/sample-river-gauge/Forecast, 404, ",
    "/CrowdAreas/sample-market/Forecast?day=funday, 400, day",
    "/CrowdAreas/sample-market/Forecast?day=mon%2Cxyz, 400, day",
    "/CrowdAreas/sample-market/Forecast?slotMinutes=7, 400, slotMinutes",
    "/CrowdAreas/sample-market/Forecast?slotMinutes=half, 400, slotMinutes",
    "/CrowdAreas/sample-market/Forecast?timeZone=Mars%2FOlympus, 400, timeZone",
    "/CrowdAreas/sample-market/Forecast?weeks=3, 400, weeks",
    "/CrowdAreas?bbox=1%2C2%2C3, 400, bbox"
  })
  void badRequestsAreProblems(String path, int status, String parameter) throws Exception {
    HttpResponse<String> r = get(path);
    assertEquals(status, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals(parameter, JSON.readTree(r.body()).path("parameter").asText(null), r.body());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/Things/bad-ring|{\"name\":\"x\",\"location\":{\"type\":\"Polygon\",\"coordinates\":[[[135.45,34.62],[135.46,34.62],[135.46,34.63]]]}}|location.coordinates",
        "/Things/bad-type|{\"name\":\"x\",\"location\":{\"type\":\"LineString\",\"coordinates\":[[135.45,34.62],[135.46,34.62]]}}|location.type",
        "/Things/bow-tie|{\"name\":\"x\",\"location\":{\"type\":\"Polygon\",\"coordinates\":[[[135.45,34.62],[135.46,34.63],[135.46,34.62],[135.45,34.63],[135.45,34.62]]]}}|location",
        "/Datastreams/bad-scope|{\"name\":\"x\",\"thing\":\"sample-market\",\"sensor\":\"crowd-camera\",\"observedProperty\":\"persons-present\",\"kind\":\"PEOPLE_COUNT\",\"countScope\":{\"walkableArea\":\"yes\"}}|countScope.walkableArea",
        "/Datastreams/two-scopes|{\"name\":\"x\",\"thing\":\"sample-market\",\"sensor\":\"crowd-camera\",\"observedProperty\":\"persons-present\",\"kind\":\"PEOPLE_COUNT\",\"countScope\":{\"walkableArea\":true,\"areaSquareMetres\":10}}|countScope"
      })
  void badAreasAndScopesAreRefusedNamingTheField(String path, String body, String parameter)
      throws Exception {
    HttpResponse<String> r = put(path, body);
    assertEquals(400, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals(parameter, JSON.readTree(r.body()).path("parameter").asText(null), r.body());
  }

  @Test
  void aWalkableCountNeedsAThingWithAnArea() throws Exception {
    assertEquals(
        201,
        put("/Things/a-point", "{\"name\":\"point\",\"location\":{\"lon\":135.45,\"lat\":34.62}}")
            .statusCode());
    HttpResponse<String> r =
        put(
            "/Datastreams/point-people",
            """
            {"name":"x","thing":"a-point","sensor":"crowd-camera","observedProperty":"persons-present",
             "kind":"PEOPLE_COUNT","countScope":{"walkableArea":true}}""");
    assertEquals(400, r.statusCode(), r.body());
    assertEquals("countScope.walkableArea", JSON.readTree(r.body()).get("parameter").asText());
  }

  /** SQL PERCENTILE_CONT(0.9): linear interpolation at rank 0.9 (n - 1) of the sorted values. */
  static double percentile90(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    double rank = 0.9 * (sorted.length - 1);
    int low = (int) Math.floor(rank);
    int high = Math.min(low + 1, sorted.length - 1);
    return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
  }
}
