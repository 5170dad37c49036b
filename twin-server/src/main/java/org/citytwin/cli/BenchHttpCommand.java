package org.citytwin.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.citytwin.http.ServerOptions;
import org.citytwin.http.TwinServer;
import org.citytwin.store.TwinStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code twin bench http}: the real server, started in-process on a free port, under concurrent
 * keep-alive clients making a seeded mix of bbox items queries and single-item gets, against the
 * same requests made through the core API with the same concurrency.
 */
@Command(
    name = "http",
    mixinStandardHelpOptions = true,
    description = {
      "Load the HTTP server with concurrent clients (bbox items queries and single-item gets) and",
      "compare with the same requests made in-process through the store, in one run.",
      "Without --store, builds a temporary store of --copies synthetic copies of --sample, deleted afterwards.",
      "Exit codes: 0 done, 2 bad command line, 3 sample rejected, 4 store failed, 5 some requests failed."
    })
final class BenchHttpCommand implements Callable<Integer> {
  /** How many buildings the request mix is drawn from. */
  private static final int ANCHORS = 10_000;

  /** Length of the request sequence in a timed run, replayed from the start if used up. */
  private static final int TIMED_SEQUENCE = 200_000;

  @Mixin BenchCity city;

  @Option(
      names = "--clients",
      defaultValue = "32",
      description = "Concurrent clients (default ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--duration",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description = "Measured time of each run (default ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(
      names = "--requests",
      paramLabel = "N",
      description = "Measure N requests per run instead of a duration.")
  Integer requests;

  @Option(
      names = "--warmup",
      defaultValue = "5s",
      converter = DurationConverter.class,
      description =
          "Unmeasured time before each run, with other requests (default ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(
      names = "--get-percent",
      defaultValue = "20",
      description =
          "Share of single-item gets in the mix, the rest bbox queries (default ${DEFAULT-VALUE}).")
  int getPercent;

  @Option(
      names = "--gzip",
      description =
          "Ask for gzip responses, as browsers do (the JDK client sends no Accept-Encoding).")
  boolean gzip;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    String problem = checkOptions();
    if (problem != null) {
      System.err.println("twin bench http: " + problem);
      return ExitCodes.USAGE;
    }
    return city.run("twin bench http", RequestMix.BUILDING_TYPES, this::bench);
  }

  private String checkOptions() {
    String cityProblem = city.check();
    if (cityProblem != null) {
      return cityProblem;
    }
    if (clients < 1) {
      return "--clients must be >= 1, was " + clients;
    }
    if (requests != null && requests < 1) {
      return "--requests must be >= 1, was " + requests;
    }
    if (getPercent < 0 || getPercent > 100) {
      return "--get-percent must be within 0..100, was " + getPercent;
    }
    if (duration.isZero() && requests == null) {
      return "--duration must be > 0, was " + duration;
    }
    return null;
  }

  private int bench(TwinStore store, PrintStream out) throws Exception {
    long start = System.nanoTime();
    RequestMix.Sample sample = RequestMix.sample(store, ANCHORS, seed);
    out.printf(
        "store: %,d buildings, extent lon %.4f..%.4f lat %.4f..%.4f; sampled %,d in %.1f s%n",
        sample.buildingCount(),
        sample.extent().minLon(),
        sample.extent().maxLon(),
        sample.extent().minLat(),
        sample.extent().maxLat(),
        sample.anchors().size(),
        (System.nanoTime() - start) / 1e9);
    long indexStart = System.nanoTime();
    store.prepareSpatialIndex();
    out.printf(
        "in-memory footprint index of the store version built in %.1f s%n",
        (System.nanoTime() - indexStart) / 1e9);
    int size = requests != null ? requests : TIMED_SEQUENCE;
    double getShare = getPercent / 100.0;
    List<BenchRequest> measured = RequestMix.generate(sample, size, getShare, seed);
    List<BenchRequest> warming = RequestMix.generate(sample, TIMED_SEQUENCE, getShare, ~seed);
    LoadDriver.Budget budget =
        requests != null ? LoadDriver.Budget.ofRequests(requests) : LoadDriver.Budget.of(duration);
    out.printf(
        "mix: %d%% bbox items (%.0f-%.0f m boxes, limit %d), %d%% single items; %d clients,"
            + " %s each run after %s warm-up, seed %d%s%n",
        100 - getPercent,
        RequestMix.MIN_SIDE_METRES,
        RequestMix.MAX_SIDE_METRES,
        RequestMix.PAGE_LIMIT,
        getPercent,
        clients,
        requests != null ? String.format("%,d requests", requests) : seconds(duration),
        seconds(warmup),
        seed,
        gzip ? ", gzip" : "");
    out.flush();

    InProcessTarget inProcessTarget = new InProcessTarget(store);
    LoadDriver.Result inProcess = measure(inProcessTarget, warming, measured, budget);
    LoadDriver.Result http;
    try (TwinServer server = TwinServer.start(store, ServerOptions.onPort(0));
        HttpTarget target = new HttpTarget("http://127.0.0.1:" + server.port(), clients, gzip)) {
      http = measure(target, warming, measured, budget);
    }
    new BenchHttpReport(out).print(inProcess, http, inProcessTarget.averagePageSize());
    return inProcess.failureCount() + http.failureCount() == 0
        ? ExitCodes.OK
        : ExitCodes.REQUESTS_FAILED;
  }

  private LoadDriver.Result measure(
      RequestTarget target,
      List<BenchRequest> warming,
      List<BenchRequest> measured,
      LoadDriver.Budget budget)
      throws InterruptedException {
    if (!warmup.isZero()) {
      new LoadDriver(target, warming, clients).run(LoadDriver.Budget.of(warmup));
    }
    return new LoadDriver(target, measured, clients).run(budget);
  }

  private static String seconds(Duration duration) {
    return String.format("%.1f s", duration.toNanos() / 1e9);
  }
}
