package org.citytwin.flood;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Depths recorded at gauges: one row per recording time, one column per gauge. */
public final class GaugeSeries {
  private final List<Gauge> gauges;
  private final double[] timesSeconds;
  private final float[][] depthsMetres;

  GaugeSeries(List<Gauge> gauges, double[] timesSeconds, float[][] depthsMetres) {
    this.gauges = List.copyOf(gauges);
    this.timesSeconds = timesSeconds;
    this.depthsMetres = depthsMetres;
  }

  /**
   * A series read back from storage: {@code depthsMetres[sample][gauge]}, one row per time.
   *
   * @throws IllegalArgumentException when the rows do not match the times and gauges
   */
  public static GaugeSeries of(List<Gauge> gauges, double[] timesSeconds, float[][] depthsMetres) {
    if (depthsMetres.length != timesSeconds.length) {
      throw new IllegalArgumentException(
          depthsMetres.length + " rows of depths for " + timesSeconds.length + " times");
    }
    for (float[] row : depthsMetres) {
      if (row.length != gauges.size()) {
        throw new IllegalArgumentException(
            "a row of " + row.length + " depths for " + gauges.size() + " gauges");
      }
    }
    return new GaugeSeries(gauges, timesSeconds.clone(), depthsMetres.clone());
  }

  public List<Gauge> gauges() {
    return gauges;
  }

  /** Number of recording times. */
  public int size() {
    return timesSeconds.length;
  }

  public double timeSeconds(int sample) {
    return timesSeconds[sample];
  }

  /** Depth at gauge {@code gauge} at recording {@code sample}, metres. */
  public double depthMetres(int sample, int gauge) {
    return depthsMetres[sample][gauge];
  }

  /** Writes {@code time_s,<gauge name>...} CSV. */
  public void writeCsv(Path file) throws IOException {
    Files.writeString(file, csv(), StandardCharsets.UTF_8);
  }

  /** The series as {@code time_s,<gauge name>...} CSV, one line per recording time. */
  public String csv() {
    StringBuilder sb = new StringBuilder("time_s");
    for (Gauge g : gauges) {
      sb.append(',').append(g.name());
    }
    sb.append('\n');
    for (int s = 0; s < timesSeconds.length; s++) {
      sb.append(String.format(Locale.ROOT, "%.3f", timesSeconds[s]));
      for (int g = 0; g < gauges.size(); g++) {
        sb.append(String.format(Locale.ROOT, ",%.5f", depthsMetres[s][g]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
