package org.citytwin.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.citytwin.http.ServerOptions;
import org.citytwin.http.TwinServer;
import org.citytwin.store.TwinStore;
import org.citytwin.tiles.GeoidModel;
import org.citytwin.tiles.TilesetBuilder;
import org.citytwin.tiles.TilesetLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code twin bench tiles}: the whole 3D tileset built cold through the export path, against a bare
 * read of the same buildings with their meshes from the store; then cached tile latency over HTTP
 * (3D leaves and vector tiles) against the server's cheapest answer, a redirect, in one run.
 */
@Command(
    name = "tiles",
    mixinStandardHelpOptions = true,
    description = {
      "Time the whole 3D tileset built cold (the export-tiles path) against a bare store read of the",
      "same buildings, report GLB bytes per building, then cached tile latency over HTTP (3D and",
      "vector tiles) against a redirect, in one run.",
      "Without --store, builds a temporary store of --copies synthetic copies of --sample, deleted afterwards.",
      "Exit codes: 0 done, 2 bad command line, 3 sample rejected, 4 store failed, 5 some requests failed."
    })
final class BenchTilesCommand implements Callable<Integer> {
  @Mixin BenchCity city;

  @Option(
      names = "--max-per-leaf",
      defaultValue = "" + TilesetBuilder.DEFAULT_MAX_PER_LEAF,
      description =
          "Most buildings per leaf tile of the export (default ${DEFAULT-VALUE}; the server"
              + " always uses its default).")
  int maxPerLeaf;

  @Option(
      names = "--clients",
      defaultValue = "4",
      description = "Concurrent HTTP clients (default ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--requests",
      defaultValue = "20000",
      description = "Measured requests per kind of tile (default ${DEFAULT-VALUE}).")
  int requests;

  @Option(
      names = "--tiles",
      defaultValue = "16",
      description =
          "Distinct tiles of each kind requested, all warmed into the memory cache first"
              + " (default ${DEFAULT-VALUE}).")
  int tiles;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    String problem = checkOptions();
    if (problem != null) {
      System.err.println("twin bench tiles: " + problem);
      return ExitCodes.USAGE;
    }
    return city.run("twin bench tiles", TilesetLayout.TYPES, this::bench);
  }

  private String checkOptions() {
    String cityProblem = city.check();
    if (cityProblem != null) {
      return cityProblem;
    }
    if (clients < 1) {
      return "--clients must be >= 1, was " + clients;
    }
    if (requests < 1) {
      return "--requests must be >= 1, was " + requests;
    }
    if (tiles < 1) {
      return "--tiles must be >= 1, was " + tiles;
    }
    if (maxPerLeaf < 1 || maxPerLeaf > 65_000) {
      return "--max-per-leaf must be in 1..65000, was " + maxPerLeaf;
    }
    return null;
  }

  private int bench(TwinStore store, PrintStream out) throws Exception {
    out.printf(
        "%d cores, max heap %d MB; figures depend on other load on the machine%n",
        Runtime.getRuntime().availableProcessors(), HeapPeak.maxBytes() >> 20);
    TilesetBuilder builder =
        new TilesetBuilder(
            store, new TilesetBuilder.Options(maxPerLeaf, GeoidModel.egm96OrConstant(36.7)));
    TileBuildTiming.measure(store, builder, out);
    out.flush();
    try (TwinServer server = TwinServer.start(store, ServerOptions.onPort(0));
        UrlLatency http = new UrlLatency(clients)) {
      CachedTileTiming timing =
          new CachedTileTiming(
              http, "http://127.0.0.1:" + server.port(), store, tiles, requests, seed, out);
      return timing.run() ? ExitCodes.OK : ExitCodes.REQUESTS_FAILED;
    }
  }
}
