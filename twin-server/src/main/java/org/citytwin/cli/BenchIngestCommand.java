package org.citytwin.cli;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.citytwin.http.ServerOptions;
import org.citytwin.http.TwinServer;
import org.citytwin.http.sensors.SensorsApi;
import org.citytwin.sensor.Datastream;
import org.citytwin.sensor.Location;
import org.citytwin.sensor.ObservationKind;
import org.citytwin.sensor.ObservedProperty;
import org.citytwin.sensor.Sensor;
import org.citytwin.sensor.SensorOptions;
import org.citytwin.sensor.SensorService;
import org.citytwin.sensor.Thing;
import org.citytwin.sensor.UnitOfMeasurement;
import org.citytwin.store.IngestBaseline;
import org.citytwin.store.SensorDatabase.SyncMode;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code twin bench ingest}: durable observations per second through the real server (batched and
 * single posts), and the latency from a post to its delivery on an SSE client, with a plain-JDBC
 * insert rate measured in the same run as the baseline.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Post observations to the real server in a temporary store: batched and single posts,",
      "acknowledged (= committed) observations per second, and post-to-SSE delivery latency;",
      "compared with plain JDBC batch inserts into H2 measured in the same run.",
      "Exit codes: 0 done, 2 bad command line, 4 store failed, 5 some posts failed or were not delivered."
    })
final class BenchIngestCommand implements Callable<Integer> {
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  @Option(
      names = "--batch",
      defaultValue = "5000",
      description = "Observations per batch post (default ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--batch-clients",
      defaultValue = "4",
      description = "Concurrent batch posters (default ${DEFAULT-VALUE}).")
  int batchClients;

  @Option(
      names = "--single-clients",
      defaultValue = "16",
      description = "Concurrent single posters (default ${DEFAULT-VALUE}).")
  int singleClients;

  @Option(
      names = "--duration",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Measured time of each throughput run (default ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(
      names = "--probe-posts",
      defaultValue = "2000",
      description =
          "Single posts timed to their SSE delivery, per latency run (default ${DEFAULT-VALUE}).")
  int probePosts;

  @Option(
      names = "--probe-rate",
      defaultValue = "200",
      description = "Timed posts per second (default ${DEFAULT-VALUE}).")
  int probeRate;

  @Option(
      names = "--fsync",
      description = "Force every commit to disk (SyncMode.FSYNC), in the baseline too.")
  boolean fsync;

  @Override
  public Integer call() throws Exception {
    if (batch < 2
        || batch > 20_000
        || batchClients < 1
        || singleClients < 1
        || probePosts < 1
        || probeRate < 1
        || duration.isZero()
        || duration.isNegative()) {
      System.err.println(
          "twin bench ingest: --batch must be 2..20000, clients, posts and rate >= 1, --duration > 0");
      return ExitCodes.USAGE;
    }
    PrintStream out = System.out;
    Path directory = Files.createTempDirectory("twin-bench-ingest");
    try {
      return bench(directory, out);
    } catch (StoreException e) {
      System.err.println("twin bench ingest: " + e.getMessage());
      return ExitCodes.STORE_FAILED;
    } finally {
      deleteTree(directory);
    }
  }

  private int bench(Path directory, PrintStream out) throws Exception {
    out.printf(
        "twin bench ingest: %d cores, sync %s, %s per throughput run%n",
        Runtime.getRuntime().availableProcessors(), fsync ? "FSYNC" : "OS_CACHE", duration);
    int baselineRows = 300_000;
    IngestBaseline.insertsPerSecond(directory.resolve("warm"), 100_000, batch, fsync);
    double baseline =
        IngestBaseline.insertsPerSecond(directory.resolve("baseline"), baselineRows, batch, fsync);
    out.printf(
        "baseline  plain JDBC inserts into H2, %d per commit: %,.0f rows/s%n", batch, baseline);
    String token = "bench";
    SensorOptions options =
        SensorOptions.defaults().withSyncMode(fsync ? SyncMode.FSYNC : SyncMode.OS_CACHE);
    int failures = 0;
    try (TwinStore city = TwinStore.open(directory.resolve("store"));
        SensorService sensors = SensorService.open(city, options);
        TwinServer server =
            TwinServer.start(
                city,
                ServerOptions.onPort(0),
                Optional.of(new SensorsApi(sensors, Optional.of(token))))) {
      List<String> streams = createDatastreams(sensors, Math.max(batchClients, singleClients) + 1);
      String base = "http://localhost:" + server.port() + "/sensors/v1";
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      IngestLoad load = new IngestLoad(client, base, token);
      List<String> loadStreams = streams.subList(1, streams.size());
      load.run(
          batchClients,
          batch,
          Duration.ofSeconds(3),
          loadStreams,
          EPOCH.minusSeconds(86_400 * 300)); // warm-up
      IngestLoad.Result batched = load.run(batchClients, batch, duration, loadStreams, EPOCH);
      out.printf(
          "batched   %d clients x %d obs/post: %,.0f obs/s acknowledged (%,d obs, %d failed posts) = %.2f x baseline%n",
          batchClients,
          batch,
          batched.perSecond(),
          batched.observations(),
          batched.failures(),
          batched.perSecond() / baseline);
      IngestLoad.Result single =
          load.run(singleClients, 1, duration, loadStreams, EPOCH.plusSeconds(86_400 * 100));
      out.printf(
          "single    %d clients x 1 obs/post:    %,.0f obs/s acknowledged (%,d obs, %d failed posts) = %.3f x baseline%n",
          singleClients,
          single.perSecond(),
          single.observations(),
          single.failures(),
          single.perSecond() / baseline);
      failures += batched.failures() + single.failures();
      failures += latency(out, client, base, load, streams.get(0), null, loadStreams);
      failures +=
          latency(
              out, client, base, load, streams.get(0), Math.max(1, batchClients / 2), loadStreams);
      out.printf("stored    %,d observations in %s%n", sensors.observationCount(), directory);
    }
    return failures == 0 ? ExitCodes.OK : ExitCodes.REQUESTS_FAILED;
  }

  /** Timed single posts to {@code probe}, idle or while {@code loadClients} post batches. */
  private int latency(
      PrintStream out,
      HttpClient client,
      String base,
      IngestLoad load,
      String probe,
      Integer loadClients,
      List<String> loadStreams)
      throws Exception {
    Instant epoch = EPOCH.plusSeconds(86_400L * (loadClients == null ? 200 : 250));
    try (DeliveryProbe sse = new DeliveryProbe(client, base, probe)) {
      if (!sse.awaitSubscribed()) {
        out.println("latency   the SSE client did not get its snapshot within 30 s");
        return 1;
      }
      Thread background = null;
      long[] loadObservations = new long[1];
      if (loadClients != null) {
        Duration loadTime = Duration.ofMillis(1000L * probePosts / probeRate + 2000);
        background =
            new Thread(
                () -> {
                  try {
                    loadObservations[0] =
                        load.run(loadClients, batch, loadTime, loadStreams, epoch.plusSeconds(3600))
                            .observations();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
        background.start();
        Thread.sleep(1000);
      }
      sse.post(load, probe, epoch, probePosts, probeRate);
      int missing = sse.awaitDelivered(Duration.ofSeconds(30));
      if (background != null) {
        background.join();
      }
      Histogram h = sse.histogram();
      out.printf(
          "latency   post->SSE %s, %d posts at %d/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%s%n",
          loadClients == null
              ? "idle server"
              : "under "
                  + loadClients
                  + " batch posters ("
                  + String.format("%,d", loadObservations[0])
                  + " obs)",
          probePosts,
          probeRate,
          h.getValueAtPercentile(50) / 1000.0,
          h.getValueAtPercentile(99) / 1000.0,
          h.getMaxValue() / 1000.0,
          missing == 0 ? "" : ", " + missing + " NOT DELIVERED");
      return missing;
    }
  }

  private static List<String> createDatastreams(SensorService sensors, int count)
      throws StoreException {
    sensors.put(new Sensor("bench-sensor", "benchmark gauge", "", ""));
    sensors.put(new ObservedProperty("bench-level", "water level", "", ""));
    sensors.put(
        new Thing("bench-thing", "benchmark gauge", "", null, new Location(135.5, 34.7, null)));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = "bench-" + i;
      sensors.put(
          new Datastream(
              id,
              id,
              "bench-thing",
              "bench-sensor",
              "bench-level",
              ObservationKind.WATER_LEVEL,
              UnitOfMeasurement.standard(ObservationKind.WATER_LEVEL),
              null,
              null));
      ids.add(id);
    }
    return ids;
  }

  private static void deleteTree(Path directory) throws java.io.IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
