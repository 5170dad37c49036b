package org.citytwin.cli;

import java.io.PrintStream;
import java.util.Random;
import java.util.concurrent.Callable;
import org.citytwin.flood.FloodListener;
import org.citytwin.flood.FloodResult;
import org.citytwin.flood.FloodScenario;
import org.citytwin.flood.FloodSolver;
import org.citytwin.flood.Inflow;
import org.citytwin.flood.TimeSeries;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.Raster;
import org.citytwin.terrain.TerrainGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code twin bench flood}: cell updates per second of the flood solver on a wet grid, against a
 * streaming loop {@code a = b + s * c} over float arrays of the same size in the same process.
 */
@Command(
    name = "flood",
    mixinStandardHelpOptions = true,
    description =
        "Flood solver cell updates/s against a same-size float streaming loop (a = b + s*c).")
final class BenchFloodCommand implements Callable<Integer> {
  @Option(
      names = "--size",
      defaultValue = "1000",
      description = "Grid side in cells (default ${DEFAULT-VALUE}).")
  int size;

  @Option(
      names = "--duration",
      defaultValue = "120",
      description = "Simulated seconds (default ${DEFAULT-VALUE}).")
  double duration;

  @Option(names = "--threads", description = "Worker threads (default: cores).")
  Integer threads;

  @Override
  public Integer call() throws InterruptedException {
    PrintStream out = System.out;
    int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    int cells = size * size;
    out.printf("grid %d x %d = %,d cells at 5 m, %d threads%n", size, size, cells, workers);
    run(scenario(workers, 20)); // warm-up: JIT the kernel
    long cpu0 = processCpuNanos();
    FloodSolver solver = new FloodSolver(scenario(workers, duration));
    FloodResult r = solver.run(FloodListener.NONE);
    double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
    // only cell updates the solver computed count; under this bench's rain it computes every row
    long computed = solver.computedCellUpdates();
    out.printf(
        "cell updates computed: %,d of %,d (%d steps x %,d cells; rows that stay dry are left"
            + " out only without uniform rain, and this grid has rain)%n",
        computed, (long) cells * r.steps(), r.steps(), cells);
    double solverRate = computed / r.wallSeconds();
    out.printf(
        "solver: %d steps in %.2f s = %.1f M cell updates/s (volume error %.2e)%n",
        r.steps(), r.wallSeconds(), solverRate / 1e6, r.massBalance().relativeError());
    // CPU time is less disturbed than wall time when other processes share the cores
    out.printf(
        "solver CPU: %.2f s = %.1f M cell updates per CPU-second%n",
        cpuSeconds, computed / cpuSeconds / 1e6);
    streaming(cells, workers, 50); // warm-up
    double stream = streaming(cells, workers, 2000);
    out.printf(
        "baseline a = b + s*c over %,d floats, %d threads: %.1f M cell updates/s%n",
        cells, workers, stream / 1e6);
    out.printf("ratio solver / baseline: %.3f%n", solverRate / stream);
    return ExitCodes.OK;
  }

  /** CPU time of the whole process (all threads), or 0 where the JVM cannot tell. */
  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  private static FloodResult run(FloodScenario s) {
    return FloodSolver.run(s);
  }

  private FloodScenario scenario(int workers, double seconds) {
    GridGeometry g = GridGeometry.of(0, 0, 5, size, size);
    Random random = new Random(1);
    float[] z = new float[g.cellCount()];
    float[] level = new float[g.cellCount()];
    for (int r = 0; r < size; r++) {
      for (int c = 0; c < size; c++) {
        int i = r * size + c;
        z[i] = (float) (0.002 * c + 0.3 * Math.sin(r * 0.05) + 0.1 * random.nextDouble());
        level[i] = 1.5f;
      }
    }
    return FloodScenario.builder(TerrainGrid.of(g, z))
        .manning(0.03)
        .initialWaterLevel(Raster.of(g, level))
        .rain(TimeSeries.constant(50))
        .inflow(Inflow.at(g, g.centreX(size / 2), g.centreY(size / 2), TimeSeries.constant(10)))
        .duration(seconds)
        .gaugeInterval(seconds)
        .threads(workers)
        .build();
  }

  /**
   * Updates per second of {@code a = b + s*c} over float arrays split into the same number of
   * contiguous bands and threads as the solver, timed over many passes like the solver's run (an
   * average, not a best case, so both see the same machine load).
   */
  static double streaming(int n, int threads, int passes) throws InterruptedException {
    float[] a = new float[n];
    float[] b = new float[n];
    float[] c = new float[n];
    for (int i = 0; i < n; i++) {
      b[i] = i * 1e-6f;
      c[i] = 1 - i * 1e-7f;
    }
    Thread[] workers = new Thread[threads];
    long t0 = System.nanoTime();
    for (int w = 0; w < threads; w++) {
      int from = (int) ((long) n * w / threads);
      int to = (int) ((long) n * (w + 1) / threads);
      workers[w] =
          new Thread(
              () -> {
                for (int p = 0; p < passes; p++) {
                  triad(a, b, c, 0.5f + p * 1e-9f, from, to);
                }
              });
      workers[w].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    long t1 = System.nanoTime();
    if (Float.isNaN(a[n / 2])) {
      throw new IllegalStateException("NaN in the baseline");
    }
    return (double) n * passes / ((t1 - t0) / 1e9);
  }

  private static void triad(float[] a, float[] b, float[] c, float s, int from, int to) {
    for (int i = from; i < to; i++) {
      a[i] = b[i] + s * c[i];
    }
  }
}
