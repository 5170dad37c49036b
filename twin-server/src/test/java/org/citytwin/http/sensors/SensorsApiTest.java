package org.citytwin.http.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.citytwin.citygml.CityGmlParser;
import org.citytwin.citygml.CityGmlSources;
import org.citytwin.http.ServerOptions;
import org.citytwin.http.TwinServer;
import org.citytwin.load.CityImporter;
import org.citytwin.load.ImportListener;
import org.citytwin.query.Filter;
import org.citytwin.query.Literal;
import org.citytwin.query.Query;
import org.citytwin.sensor.SensorOptions;
import org.citytwin.sensor.SensorService;
import org.citytwin.store.TwinStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The sensor API over HTTP: real store, real server on port 0, real HTTP client. */
class SensorsApiTest {
  static final String TOKEN = "test-token";
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path directory;
  static TwinStore city;
  static SensorService sensors;
  static TwinServer server;
  static String base;
  static String building;
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    city = TwinStore.open(directory.resolve("store"));
    try (CityGmlParser parser = new CityGmlParser(2, null)) {
      new CityImporter(city, parser, ImportListener.SILENT)
          .importAll(
              CityGmlSources.expand(
                  List.of(Path.of("..", "data", "citygml", "51357346_bldg_6697_op.gml"))));
    }
    building =
        city.list(
                Query.of(new Filter.Compare("river_flood_depth", Filter.Operator.GT, Literal.of(0)))
                    .page(1, 0))
            .get(0)
            .object()
            .gmlId();
    sensors = SensorService.open(city, SensorOptions.defaults());
    server =
        TwinServer.start(
            city,
            ServerOptions.onPort(0),
            Optional.of(new SensorsApi(sensors, Optional.of(TOKEN))));
    base = "http://localhost:" + server.port() + "/sensors/v1";
    assertEquals(201, put("/Sensors/radar", "{\"name\":\"radar gauge\"}").statusCode());
    assertEquals(201, put("/ObservedProperties/level", "{\"name\":\"water level\"}").statusCode());
    HttpResponse<String> thing =
        put("/Things/gauge", "{\"name\":\"gauge\",\"cityObject\":\"" + building + "\"}");
    assertEquals(201, thing.statusCode(), thing.body());
    assertTrue(JSON.readTree(thing.body()).get("location").get("lon").asDouble() > 135);
    HttpResponse<String> ds =
        put(
            "/Datastreams/level-1",
            """
        {"name":"level","thing":"gauge","sensor":"radar","observedProperty":"level","kind":"water_level",
         "thresholds":{"standby":2.0,"floodWatch":3.0,"evacuationDecision":3.5,"floodDanger":4.0}}""");
    assertEquals(201, ds.statusCode(), ds.body());
  }

  @AfterAll
  static void stop() {
    server.close();
    sensors.close();
    city.close();
  }

  static HttpResponse<String> put(String path, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json"));
  }

  static HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b);
  }

  static HttpResponse<String> postWithToken(String path, String body) throws Exception {
    return post(path, body, "Authorization", "Bearer " + TOKEN);
  }

  static HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return CLIENT.send(
        request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static void assertProblem(HttpResponse<String> response, int status, String parameter)
      throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(
        "application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    assertEquals(
        parameter, JSON.readTree(response.body()).path("parameter").asText(null), response.body());
  }

  @Test
  void writesNeedTheToken() throws Exception {
    String one =
        "{\"datastream\":\"level-1\",\"phenomenonTime\":\"2026-07-01T09:00:00+09:00\",\"result\":1.0}";
    assertProblem(post("/Observations", one), 401, "Authorization");
    assertProblem(
        post("/Observations", one, "Authorization", "Bearer wrong"), 403, "Authorization");
    assertEquals(201, postWithToken("/Observations", one).statusCode());
  }

  static Stream<Arguments> badBatches() {
    String ok =
        "{\"datastream\":\"level-1\",\"phenomenonTime\":\"2026-07-02T00:00:00Z\",\"result\":1.0}";
    return Stream.of(
        Arguments.of(
            "{\"observations\":["
                + ok
                + ",{\"datastream\":\"level-1\",\"phenomenonTime\":\"2026-07-02T00:01:00\",\"result\":1}]}",
            400,
            "observations[1].phenomenonTime"),
        Arguments.of(
            "{\"observations\":["
                + ok
                + ",{\"datastream\":\"nope\",\"phenomenonTime\":\"2026-07-02T00:01:00Z\",\"result\":1}]}",
            400,
            "observations[1].datastream"),
        Arguments.of(
            "{\"observations\":["
                + ok
                + ","
                + ok
                + ",{\"datastream\":\"level-1\",\"phenomenonTime\":\"2026-07-02T00:01:00Z\",\"result\":\"high\"}]}",
            400,
            "observations[2].result"),
        Arguments.of(
            "{\"observations\":["
                + ok
                + ",{\"datastream\":\"level-1\",\"phenomenonTime\":\"2026-07-02T00:01:00Z\",\"result\":1e999}]}",
            400,
            "observations[1].result"),
        Arguments.of(
            "{\"observations\":["
                + ok
                + ",{\"datastream\":\"level-1\",\"phenomenonTime\":\"2026-07-02T00:01:00Z\",\"result\":1,\"unit\":\"cm\"}]}",
            400,
            "observations[1].unit"),
        Arguments.of("{\"observations\":[" + ok, 400, "body"),
        Arguments.of(
            "{\"observations\":[" + (ok + ",").repeat(ObservationResource.MAX_BATCH) + ok + "]}",
            413,
            "observations"));
  }

  @ParameterizedTest
  @MethodSource("badBatches")
  void aBadBatchIsRefusedWholeNamingTheItem(String body, int status, String parameter)
      throws Exception {
    String before = get("/Datastreams/level-1/Observations?f=csv").body();
    assertProblem(postWithToken("/Observations/batch", body), status, parameter);
    assertEquals(before, get("/Datastreams/level-1/Observations?f=csv").body());
  }

  @Test
  void aDatastreamWithTheWrongUnitIsRefused() throws Exception {
    assertProblem(
        put(
            "/Datastreams/rain-1",
            """
        {"name":"rain","thing":"gauge","sensor":"radar","observedProperty":"level","kind":"RAINFALL",
         "unitOfMeasurement":{"name":"metre","symbol":"m"}}"""),
        400,
        "unitOfMeasurement.symbol");
    assertProblem(
        put(
            "/Datastreams/rain-1",
            """
        {"name":"rain","thing":"nobody","sensor":"radar","observedProperty":"level","kind":"RAINFALL"}"""),
        400,
        "thing");
  }

  @Test
  void observationsComeBackAsJsonCsvAggregatesAndLatest() throws Exception {
    put(
        "/Datastreams/plain",
        """
        {"name":"plain","thing":"gauge","sensor":"radar","observedProperty":"level","kind":"TIDE_LEVEL"}""");
    StringBuilder batch = new StringBuilder("{\"observations\":[");
    for (int i = 0; i < 120; i++) {
      batch
          .append(i == 0 ? "" : ",")
          .append("{\"datastream\":\"plain\",\"phenomenonTime\":\"2026-08-01T00:")
          .append(String.format("%02d", i / 2))
          .append(":")
          .append(i % 2 == 0 ? "00" : "30")
          .append("+09:00\",\"result\":")
          .append(i)
          .append("}");
    }
    HttpResponse<String> posted =
        postWithToken("/Observations/batch", batch.append("]}").toString());
    assertEquals(201, posted.statusCode(), posted.body());
    assertEquals(120, JSON.readTree(posted.body()).get("committed").asInt());
    JsonNode range =
        JSON.readTree(
            get("/Datastreams/plain/Observations?from=2026-07-31T15:10:00Z&to=2026-07-31T15:20:00Z")
                .body());
    assertEquals(20, range.get("value").size());
    assertEquals("2026-07-31T15:10:00Z", range.get("value").get(0).get("phenomenonTime").asText());
    String csv =
        get("/Datastreams/plain/Aggregates?from=2026-08-01T00:00:00%2B09:00&to=2026-08-01T01:00:00%2B09:00&interval=PT30M&f=csv")
            .body();
    assertEquals(
        "start,count,min,max,mean\n2026-07-31T15:00:00Z,60,0.0,59.0,29.5\n2026-07-31T15:30:00Z,60,60.0,119.0,89.5\n",
        csv);
    JsonNode latest = JSON.readTree(get("/Latest?datastream=plain").body()).get("value");
    assertEquals(119.0, latest.get(0).get("result").asDouble());
    JsonNode bound = JSON.readTree(get("/Datastreams?cityObject=" + building).body()).get("value");
    assertTrue(bound.size() >= 2, bound.toString());
    assertEquals(0, JSON.readTree(get("/Datastreams?bbox=0,0,1,1").body()).get("value").size());
    assertProblem(
        get(
            "/Datastreams/plain/Aggregates?from=2026-08-01T00:00:00&to=2026-08-01T01:00:00Z&interval=PT1M"),
        400,
        "from");
  }

  @Test
  void eventsStartWithASnapshotThenPushObservationsAndAlerts() throws Exception {
    postWithToken(
        "/Observations",
        "{\"datastream\":\"level-1\",\"phenomenonTime\":\"2026-09-01T00:00:00Z\",\"result\":1.0}");
    HttpResponse<InputStream> stream =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(base + "/Events?datastream=level-1"))
                .header("Accept", "text/event-stream")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, stream.statusCode());
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      JsonNode snapshot = nextEvent(lines, "snapshot");
      assertEquals(
          "2026-09-01T00:00:00Z",
          snapshot.get("observations").get(0).get("phenomenonTime").asText());
      postWithToken(
          "/Observations",
          "{\"datastream\":\"level-1\",\"phenomenonTime\":\"2026-09-01T00:10:00Z\",\"result\":3.7}");
      JsonNode pushed = nextEvent(lines, "observations");
      assertEquals(3.7, pushed.get("observations").get(0).get("result").asDouble());
      JsonNode alert = nextEvent(lines, "alert");
      assertEquals("EVACUATION_DECISION", alert.get("to").asText());
      assertEquals("避難判断水位", alert.get("toName").asText());
      assertTrue(alert.get("floodingBuildings").toString().contains(building), alert.toString());
    }
    JsonNode recorded = JSON.readTree(get("/Alerts?limit=1").body()).get("value").get(0);
    assertEquals("EVACUATION_DECISION", recorded.get("to").asText());
    assertProblem(get("/Events?bbox=1,2,3"), 400, "bbox");
  }

  @Test
  void aBoundBuildingsDetailCarriesItsLiveReadings() throws Exception {
    put(
        "/Datastreams/detail-level",
        """
        {"name":"level","thing":"gauge","sensor":"radar","observedProperty":"level","kind":"water_level",
         "thresholds":{"standby":2.0,"floodDanger":4.0}}""");
    postWithToken(
        "/Observations",
        "{\"datastream\":\"detail-level\",\"phenomenonTime\":\"2030-01-01T00:00:00Z\",\"result\":2.5}");
    HttpResponse<String> detail =
        send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.port() + "/api/objects/" + building))
                .GET());
    assertEquals(200, detail.statusCode());
    JsonNode readings = JSON.readTree(detail.body()).get("liveReadings");
    JsonNode level = null;
    for (JsonNode reading : readings) {
      if (reading.get("datastream").asText().equals("detail-level")) {
        level = reading;
      }
    }
    assertEquals(2.5, level.get("result").asDouble());
    assertEquals("STANDBY", level.get("stage").asText());
    assertEquals(building, JSON.readTree(detail.body()).get("id").asText());
  }

  /** Reads SSE lines until an event named {@code name}, returning its data as JSON. */
  static JsonNode nextEvent(BufferedReader lines, String name) throws Exception {
    String event = null;
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.startsWith("event:")) {
        event = line.substring(6).trim();
      } else if (line.startsWith("data:") && name.equals(event)) {
        return JSON.readTree(line.substring(5).trim());
      }
    }
    throw new AssertionError("stream ended before a " + name + " event");
  }
}
