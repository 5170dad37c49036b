package org.citytwin.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.citytwin.flood.FloodResult;
import org.citytwin.flood.FloodScenario;
import org.citytwin.flood.Gauge;
import org.citytwin.flood.Inflow;
import org.citytwin.flood.TimeSeries;
import org.citytwin.terrain.EsriAsciiGrid;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.TerrainGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code twin flood ea-test4}: the UK Environment Agency 2D benchmark Test 4 (Néelz and Pender
 * 2013), "speed of flood propagation over an extended floodplain": a flat 1000 m × 2000 m plain, n
 * = 0.05, 5 m cells, a 20 m inflow line in the middle of the west edge, closed edges, dry start, 5
 * h. Writes the DEM and hydrograph it uses, then runs.
 */
@Command(
    name = "ea-test4",
    mixinStandardHelpOptions = true,
    description = {
      "Set up and run UK Environment Agency benchmark Test 4 (flat 1000 x 2000 m floodplain).",
      "Writes dem.asc, inflow.csv, the outputs of 'twin flood run' (gauges.csv, ...) and"
          + " gauge_summary.csv (arrival, peak depth and its time per gauge)."
    })
final class EaTest4Command implements Callable<Integer> {
  static final double[] HYDROGRAPH_TIMES = {0, 300, 3600, 14_400, 18_000};
  static final double[] HYDROGRAPH_FLOWS = {0, 0, 20, 20, 0};

  /** Depth that counts as the front having arrived at a gauge. */
  static final double ARRIVAL_DEPTH_METRES = 0.01;

  static final double[][] GAUGES = {
    {50, 1000},
    {100, 1000},
    {150, 1000},
    {200, 1000},
    {250, 1000},
    {300, 1000},
    {350, 1000},
    {400, 1000},
    {300, 1300}
  };

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Option(
      names = "--duration",
      defaultValue = "18000",
      description = "Simulated seconds (default ${DEFAULT-VALUE}, the benchmark's 5 h).")
  double duration;

  @Option(names = "--threads", description = "Worker threads (default: cores).")
  Integer threads;

  @Option(
      names = "--output-interval",
      defaultValue = "3600",
      description = "Seconds between depth snapshots (default ${DEFAULT-VALUE}).")
  double outputInterval;

  @Override
  public Integer call() throws Exception {
    FloodScenario scenario = scenario(duration, threads, outputInterval);
    Files.createDirectories(out);
    EsriAsciiGrid.write(scenario.terrain().raster(), out.resolve("dem.asc"));
    TimeSeries.of(HYDROGRAPH_TIMES, HYDROGRAPH_FLOWS).writeCsv(out.resolve("inflow.csv"));
    FloodResult result = FloodOutputs.run(scenario, out, System.err);
    System.out.printf(
        "EA test 4 %s: %.0f s simulated in %d steps, %.1f s wall; volume error %.3e m³; see %s%n",
        result.state(),
        result.simulatedSeconds(),
        result.steps(),
        result.wallSeconds(),
        result.massBalance().errorCubicMetres(),
        out.resolve("gauges.csv"));
    GaugeSummary.write(
        GaugeSummary.of(result.gaugeSeries(), ARRIVAL_DEPTH_METRES),
        out.resolve("gauge_summary.csv"),
        System.out,
        ARRIVAL_DEPTH_METRES);
    return ExitCodes.OK;
  }

  /** The benchmark as a scenario. */
  static FloodScenario scenario(double duration, Integer threads, double outputInterval) {
    GridGeometry g = GridGeometry.of(0, 0, 5, 200, 400);
    // the four cells whose west faces make the 20 m from y = 990 m to 1010 m
    Inflow inflow =
        Inflow.line(g, 2.5, 990.5, 2.5, 1009.5, TimeSeries.of(HYDROGRAPH_TIMES, HYDROGRAPH_FLOWS));
    FloodScenario.Builder b =
        FloodScenario.builder(TerrainGrid.flat(g, 0f))
            .manning(0.05)
            .inflow(inflow)
            .duration(duration)
            .outputInterval(outputInterval)
            .gaugeInterval(30)
            .threads(threads != null ? threads : Runtime.getRuntime().availableProcessors());
    for (int i = 0; i < GAUGES.length; i++) {
      b.gauge(new Gauge("P" + (i + 1), GAUGES[i][0], GAUGES[i][1]));
    }
    return b.build();
  }
}
