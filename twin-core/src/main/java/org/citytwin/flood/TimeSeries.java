package org.citytwin.flood;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A value over simulated time, linearly interpolated between samples and held constant before the
 * first and after the last. Units are the caller's (mm/h of rain, m³/s of inflow, m of stage).
 */
public final class TimeSeries {
  private final double[] timesSeconds;
  private final double[] values;

  private TimeSeries(double[] timesSeconds, double[] values) {
    this.timesSeconds = timesSeconds;
    this.values = values;
  }

  /** A series from samples; times must be finite and strictly increasing. */
  public static TimeSeries of(double[] timesSeconds, double[] values) {
    if (timesSeconds.length == 0 || timesSeconds.length != values.length) {
      throw new IllegalArgumentException(
          "time series needs as many values as times (at least one), had "
              + timesSeconds.length
              + " times and "
              + values.length
              + " values");
    }
    for (int i = 0; i < timesSeconds.length; i++) {
      if (!Double.isFinite(timesSeconds[i]) || !Double.isFinite(values[i])) {
        throw new IllegalArgumentException("sample " + i + " is not finite");
      }
      if (i > 0 && timesSeconds[i] <= timesSeconds[i - 1]) {
        throw new IllegalArgumentException(
            "time " + timesSeconds[i] + " s must be after " + timesSeconds[i - 1] + " s");
      }
    }
    return new TimeSeries(timesSeconds.clone(), values.clone());
  }

  /** A series that is {@code value} at all times. */
  public static TimeSeries constant(double value) {
    return of(new double[] {0}, new double[] {value});
  }

  /**
   * Reads a CSV file of {@code time_s,value} lines; a first line that is not numeric is a header
   * and blank lines and lines starting with {@code #} are skipped.
   */
  public static TimeSeries readCsv(Path file) throws IOException {
    double[] t = new double[16];
    double[] v = new double[16];
    int n = 0;
    int lineNo = 0;
    boolean header = false;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        String s = line.trim();
        if (s.isEmpty() || s.startsWith("#")) {
          continue;
        }
        String[] parts = s.split("\\s*[,;]\\s*");
        if (parts.length < 2) {
          throw new IOException(file + ":" + lineNo + ": expected 'time_s,value', got '" + s + "'");
        }
        try {
          if (n == t.length) {
            t = Arrays.copyOf(t, 2 * n);
            v = Arrays.copyOf(v, 2 * n);
          }
          t[n] = Double.parseDouble(parts[0]);
          v[n] = Double.parseDouble(parts[1]);
          n++;
        } catch (NumberFormatException e) {
          if (n == 0 && !header) {
            header = true; // a first non-numeric line is the header
            continue;
          }
          throw new IOException(file + ":" + lineNo + ": '" + s + "' is not 'time_s,value'", e);
        }
      }
    }
    try {
      return of(Arrays.copyOf(t, n), Arrays.copyOf(v, n));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Value at time {@code t} seconds. */
  public double valueAt(double t) {
    int n = timesSeconds.length;
    if (t <= timesSeconds[0]) {
      return values[0];
    }
    if (t >= timesSeconds[n - 1]) {
      return values[n - 1];
    }
    int i = Arrays.binarySearch(timesSeconds, t);
    if (i >= 0) {
      return values[i];
    }
    int hi = -i - 1;
    int lo = hi - 1;
    double f = (t - timesSeconds[lo]) / (timesSeconds[hi] - timesSeconds[lo]);
    return values[lo] + f * (values[hi] - values[lo]);
  }

  /** Time of the last sample, seconds. */
  public double endSeconds() {
    return timesSeconds[timesSeconds.length - 1];
  }

  /** Writes the series as {@code time_s,value} CSV with a header. */
  public void writeCsv(Path file) throws IOException {
    StringBuilder sb = new StringBuilder("time_s,value\n");
    for (int i = 0; i < timesSeconds.length; i++) {
      sb.append(timesSeconds[i]).append(',').append(values[i]).append('\n');
    }
    Files.writeString(file, sb, StandardCharsets.UTF_8);
  }
}
