package org.citytwin.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.citytwin.citygml.CityGmlParser;
import org.citytwin.citygml.CityGmlSources;
import org.citytwin.http.sensors.SensorsApi;
import org.citytwin.load.CityImporter;
import org.citytwin.load.ImportListener;
import org.citytwin.load.ImportSummary;
import org.citytwin.sensor.SensorOptions;
import org.citytwin.sensor.SensorService;
import org.citytwin.store.TwinStore;

/**
 * A real twin for server tests: sample CityGML files imported into an H2GIS store in a temporary
 * directory and the real server on a free port, talked to over HTTP. One per test class. Like
 * {@code twin serve} it has the live sensor API at {@code /sensors/v1} (empty until a test feeds
 * it; writes take {@link #SENSOR_TOKEN}).
 */
public final class LiveTwin implements AutoCloseable {
  /** 537 buildings, 54 of them with river-flood depths. */
  public static final String BUILDINGS = "51357346_bldg_6697_op.gml";

  /** Roads of the same map sheet. */
  public static final String ROADS = "51357346_tran_6697_op.gml";

  /** The bearer token sensor writes need. */
  public static final String SENSOR_TOKEN = "live-twin-token";

  private static final Path SAMPLE = Path.of("..", "data", "citygml");

  private final TwinStore store;
  private final SensorService sensors;
  private final TwinServer server;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private LiveTwin(TwinStore store, SensorService sensors, TwinServer server) {
    this.store = store;
    this.sensors = sensors;
    this.server = server;
  }

  /**
   * Imports {@code files} of the sample city into a new store in {@code directory} and serves it,
   * with default sensor options and {@link #SENSOR_TOKEN}.
   */
  public static LiveTwin start(Path directory, ServerOptions options, String... files)
      throws Exception {
    return serve(directory, options, SensorOptions.defaults(), SENSOR_TOKEN, files);
  }

  /**
   * Like {@link #start(Path, String...)}, with the given sensor options; sensor writes need {@code
   * Authorization: Bearer token}.
   */
  public static LiveTwin startWithSensors(
      Path directory, SensorOptions sensorOptions, String token, String... files) throws Exception {
    return serve(directory, ServerOptions.onPort(0), sensorOptions, token, files);
  }

  private static LiveTwin serve(
      Path directory,
      ServerOptions options,
      SensorOptions sensorOptions,
      String token,
      String... files)
      throws Exception {
    TwinStore store = TwinStore.open(directory.resolve("store"));
    SensorService sensors = null;
    try (CityGmlParser parser = new CityGmlParser(2, null)) {
      List<Path> paths = Arrays.stream(files).map(SAMPLE::resolve).toList();
      paths.forEach(p -> assertTrue(Files.isRegularFile(p), "sample file missing: " + p));
      ImportSummary summary =
          new CityImporter(store, parser, ImportListener.SILENT)
              .importAll(CityGmlSources.expand(paths));
      assertTrue(summary.failures().isEmpty(), summary.failures().toString());
      sensors = SensorService.open(store, sensorOptions);
      SensorsApi sensorsApi = new SensorsApi(sensors, Optional.of(token));
      return new LiveTwin(
          store, sensors, TwinServer.start(store, options, Optional.of(sensorsApi)));
    } catch (Exception | AssertionError e) {
      if (sensors != null) {
        sensors.close();
      }
      store.close();
      throw e;
    }
  }

  public static LiveTwin start(Path directory, String... files) throws Exception {
    return start(directory, ServerOptions.onPort(0), files);
  }

  public TwinStore store() {
    return store;
  }

  /** The sensor service of a twin started {@link #startWithSensors with sensors}, else null. */
  public SensorService sensors() {
    return sensors;
  }

  public int port() {
    return server.port();
  }

  /** {@code http://localhost:PORT}. */
  public String root() {
    return "http://localhost:" + server.port();
  }

  /** {@code http://localhost:PORT/sensors/v1}. */
  public String sensorsApi() {
    return root() + SensorsApi.ROOT;
  }

  /** {@code http://localhost:PORT/api}. */
  public String api() {
    return root() + "/api";
  }

  public HttpClient client() {
    return client;
  }

  /** A GET of {@code pathAndQuery} below {@code /api}, e.g. {@code /collections?f=json}. */
  public HttpResponse<String> get(String pathAndQuery, String... headers)
      throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(api() + pathAndQuery)).GET(), headers);
  }

  /** A GET of a path from the server's root, e.g. {@code /tiles/3d/buildings/tileset.json}. */
  public HttpResponse<byte[]> getBytes(String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(
        request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<String> send(HttpRequest.Builder request, String... headers)
      throws IOException, InterruptedException {
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(
        request.timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The gml:id of the first feature the server lists in {@code collection}. */
  public String firstFeatureId(String collection) throws IOException, InterruptedException {
    HttpResponse<String> response = get("/collections/" + collection + "/items?limit=1");
    assertTrue(response.statusCode() == 200, response.body());
    return new ObjectMapper().readTree(response.body()).get("features").get(0).get("id").asText();
  }

  /** A query parameter value, percent-encoded. */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      try {
        sensors.close();
      } finally {
        store.close();
      }
    }
  }
}
