package org.citytwin.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.citytwin.flood.FloodListener;
import org.citytwin.flood.FloodResult;
import org.citytwin.flood.FloodScenario;
import org.citytwin.flood.FloodSolver;
import org.citytwin.flood.VelocityField;
import org.citytwin.terrain.Raster;

/**
 * Runs a scenario and writes its files into a directory: depth and velocity snapshots as they come
 * (depth_&lt;t&gt;, velocity_&lt;t&gt; for the speed, vx_&lt;t&gt; and vy_&lt;t&gt; for its east
 * and north components), then max_depth.asc, max_velocity.asc, first_inundation.asc, gauges.csv and
 * mass_balance.txt. Prints a progress line on stderr about once a second.
 */
final class FloodOutputs implements FloodListener {
  private final Path dir;
  private final PrintStream err;
  private final double duration;
  private final GridFiles format;
  private final int epsgCode;
  private long lastPrint;

  private FloodOutputs(Path dir, PrintStream err, double duration, GridFiles format, int epsg) {
    this.dir = dir;
    this.err = err;
    this.duration = duration;
    this.format = format;
    this.epsgCode = epsg;
  }

  /** Runs {@code scenario}, writing ESRI ASCII grids and the rest into {@code dir}. */
  static FloodResult run(FloodScenario scenario, Path dir, PrintStream err) throws IOException {
    return run(scenario, dir, err, GridFiles.ASC, -1);
  }

  /**
   * Runs {@code scenario}, writing grids in {@code format} (GeoTIFF needs {@code epsgCode}) and the
   * rest into {@code dir}; returns the result.
   */
  static FloodResult run(
      FloodScenario scenario, Path dir, PrintStream err, GridFiles format, int epsgCode)
      throws IOException {
    Files.createDirectories(dir);
    FloodOutputs outputs = new FloodOutputs(dir, err, scenario.durationSeconds(), format, epsgCode);
    FloodResult result;
    try {
      result = new FloodSolver(scenario).run(outputs);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    err.println();
    format.write(result.maxDepth(), epsgCode, dir, "max_depth");
    format.write(result.maxVelocity(), epsgCode, dir, "max_velocity");
    format.write(result.firstInundation(), epsgCode, dir, "first_inundation");
    result.gaugeSeries().writeCsv(dir.resolve("gauges.csv"));
    if (!result.buildings().isEmpty()) {
      writeBuildings(result, dir.resolve("buildings.csv"));
    }
    Files.writeString(
        dir.resolve("mass_balance.txt"),
        String.format(
                Locale.ROOT,
                "state %s%nsimulated_s %.3f%nsteps %d%nwall_s %.3f%n",
                result.state(),
                result.simulatedSeconds(),
                result.steps(),
                result.wallSeconds())
            + result.massBalance().report());
    return result;
  }

  private static void writeBuildings(FloodResult result, Path file) throws IOException {
    StringBuilder sb =
        new StringBuilder(
            "id,max_depth_m,first_over_0.1m_s,first_over_0.5m_s,time_over_0.1m_s,time_over_0.5m_s\n");
    for (var b : result.buildings()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%s,%.4f,%.1f,%.1f,%.1f,%.1f%n",
              b.id(),
              b.maxDepthMetres(),
              b.firstOver10cmSeconds(),
              b.firstOver50cmSeconds(),
              b.secondsOver10cm(),
              b.secondsOver50cm()));
    }
    Files.writeString(file, sb);
  }

  @Override
  public void progress(double simulatedSeconds, double stepSeconds, long steps, long wallNanos) {
    if (wallNanos - lastPrint < 1_000_000_000L && simulatedSeconds < duration) {
      return;
    }
    lastPrint = wallNanos;
    err.printf(
        Locale.ROOT,
        "\rflood: t = %.0f / %.0f s, dt = %.3f s, %d steps, wall %.1f s   ",
        simulatedSeconds,
        duration,
        stepSeconds,
        steps,
        wallNanos / 1e9);
  }

  @Override
  public void snapshot(double simulatedSeconds, Raster depthMetres) {
    write(depthMetres, "depth", simulatedSeconds);
  }

  @Override
  public void velocity(double simulatedSeconds, VelocityField velocity) {
    write(velocity.speed(), "velocity", simulatedSeconds);
    write(velocity.eastward(), "vx", simulatedSeconds);
    write(velocity.northward(), "vy", simulatedSeconds);
  }

  private void write(Raster grid, String prefix, double simulatedSeconds) {
    String name = String.format(Locale.ROOT, "%s_%d", prefix, Math.round(simulatedSeconds));
    try {
      format.write(grid, epsgCode, dir, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
