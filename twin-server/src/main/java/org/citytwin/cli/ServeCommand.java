package org.citytwin.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.citytwin.citygml.CityGmlParser;
import org.citytwin.citygml.CityGmlSources;
import org.citytwin.http.ServerOptions;
import org.citytwin.http.TwinServer;
import org.citytwin.http.flood.RunRetention;
import org.citytwin.http.sensors.SensorsApi;
import org.citytwin.load.CityImporter;
import org.citytwin.load.ImportListener;
import org.citytwin.load.ImportSummary;
import org.citytwin.query.Filter;
import org.citytwin.sensor.SensorOptions;
import org.citytwin.sensor.SensorService;
import org.citytwin.store.SensorDatabase.SyncMode;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code twin serve}: the HTTP server, loading the bundled sample city into an empty store. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the twin over HTTP: OGC API - Features at /api.",
      "An empty store is first filled with the bundled sample city (--sample). Stops on Ctrl-C or SIGTERM."
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin StoreOption store;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port to listen on; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "0.0.0.0",
      description = "Interface to listen on (default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--cors",
      split = ",",
      defaultValue = "*",
      description =
          "Origins allowed to call the API from browsers; '*' any, 'none' none (default ${DEFAULT-VALUE}).")
  List<String> corsOrigins;

  @Option(
      names = "--sample",
      paramLabel = "DIR",
      defaultValue = "data/citygml",
      description = "CityGML loaded when the store is empty (default ${DEFAULT-VALUE}).")
  Path sample;

  @Option(
      names = "--sensor-token",
      paramLabel = "TOKEN",
      defaultValue = "${env:TWIN_SENSOR_TOKEN}",
      description =
          "Bearer token for writes to /sensors/v1 (default: the TWIN_SENSOR_TOKEN environment"
              + " variable); without one, sensor writes are refused.")
  String sensorToken;

  @Option(
      names = "--sensor-fsync",
      description =
          "Force each sensor commit to disk (survives power loss; default: to the OS cache, which"
              + " survives a killed process).")
  boolean sensorFsync;

  @Option(
      names = "--alert-radius",
      paramLabel = "METRES",
      defaultValue = "300",
      description =
          "City objects within this distance of a gauge are listed in its alerts (default ${DEFAULT-VALUE}).")
  double alertRadiusMetres;

  @Option(
      names = "--crowd-time-zone",
      paramLabel = "ZONE",
      description =
          "Zone of the weekdays and clock times of crowd forecasts, e.g. Asia/Tokyo (default: the system's).")
  java.time.ZoneId crowdTimeZone;

  @Option(
      names = "--flood-keep-runs",
      paramLabel = "N",
      defaultValue = "20",
      description =
          "Ended flood runs kept in the store directory; the oldest are dropped first (default ${DEFAULT-VALUE}).")
  int floodKeepRuns;

  @Option(
      names = "--flood-keep-mb",
      paramLabel = "MB",
      defaultValue = "2048",
      description =
          "Disk space the kept flood runs may take together, in MiB; the oldest are dropped first (default ${DEFAULT-VALUE}).")
  long floodKeepMebibytes;

  @Spec CommandSpec spec;

  /** Counted down once the store is closed, for the shutdown hook to wait on. */
  private final CountDownLatch closed = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    try {
      return serve();
    } finally {
      closed.countDown();
    }
  }

  private int serve() throws Exception {
    RunRetention floodRuns;
    try {
      floodRuns = new RunRetention(floodKeepRuns, Math.multiplyExact(floodKeepMebibytes, 1L << 20));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--flood-keep-runs and --flood-keep-mb must be at least 1: " + e.getMessage());
    }
    try (TwinStore twin = openFillingAnEmptyStore()) {
      if (twin == null) {
        return ExitCodes.INPUT_REJECTED;
      }
      List<String> cors = corsOrigins.contains("none") ? List.of() : corsOrigins;
      CountDownLatch stopped = new CountDownLatch(1);
      SensorOptions sensorOptions =
          SensorOptions.defaults()
              .withAlertRadius(alertRadiusMetres)
              .withSyncMode(sensorFsync ? SyncMode.FSYNC : SyncMode.OS_CACHE)
              .withCrowdTimeZone(
                  crowdTimeZone == null ? java.time.ZoneId.systemDefault() : crowdTimeZone);
      Optional<String> token = Optional.ofNullable(sensorToken).filter(t -> !t.isBlank());
      try (SensorService sensors = SensorService.open(twin, sensorOptions);
          TwinServer server =
              TwinServer.start(
                  twin,
                  new ServerOptions(host, port, cors, floodRuns),
                  Optional.of(new SensorsApi(sensors, token)))) {
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      server.close();
                      stopped.countDown();
                      // Let the main thread close the sensors and the store cleanly. A latch, not a
                      // join: that thread goes on into System.exit, which blocks while this hook
                      // runs, so a join only ended by its timeout (every SIGTERM took 10 s).
                      awaitQuietly(closed);
                    },
                    "twin-shutdown"));
        String shownHost = host.equals("0.0.0.0") ? "localhost" : host;
        String origin = "http://" + shownHost + ":" + server.port();
        System.out.println("Twin serving at " + origin + "/api");
        System.out.println("3D viewer at " + origin + "/");
        System.out.println(
            "Live sensors at "
                + origin
                + "/sensors/v1"
                + (token.isPresent() ? "" : " (read-only: no --sensor-token given)"));
        System.out.flush();
        stopped.await();
      }
      return ExitCodes.OK;
    } catch (StoreException e) {
      System.err.println("twin serve: " + e.getMessage());
      return ExitCodes.STORE_FAILED;
    }
  }

  /**
   * Opens the store, first importing the sample city when it is empty. After an import the store is
   * closed and opened again, so the file compaction after the import happens now, at start, and not
   * in the server's stop, which must fit a container's grace period (Docker's is 10 s).
   *
   * @return the open store, or null if files of the sample failed to import (the printed summary
   *     names them)
   */
  private TwinStore openFillingAnEmptyStore() throws Exception {
    TwinStore twin = TwinStore.open(store.directory);
    try {
      if (twin.count(Filter.all()) > 0 || !Files.isDirectory(sample)) {
        return twin;
      }
      System.out.println("The store is empty: importing the sample city from " + sample + " ...");
      if (!importSample(twin)) {
        twin.close();
        return null;
      }
      System.out.println("Compacting the store file after the import ...");
    } catch (Exception e) {
      twin.close();
      throw e;
    }
    twin.close();
    return TwinStore.open(store.directory);
  }

  private boolean importSample(TwinStore twin) throws Exception {
    try (CityGmlParser parser = CityGmlParser.withDefaults()) {
      ImportSummary summary =
          new CityImporter(twin, parser, ImportListener.SILENT)
              .importAll(CityGmlSources.expand(List.of(sample)));
      new SummaryPrinter(System.out).print(summary);
      return summary.failures().isEmpty();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
