package org.citytwin.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.citytwin.flood.Gauge;
import org.citytwin.flood.GaugeSeries;

/**
 * Per gauge: the first recorded time the depth reached {@code arrivalDepthMetres}, the peak depth
 * and the time of the peak, from the recorded series (so to the gauge interval). These are the
 * quantities benchmark reports compare between models.
 */
record GaugeSummary(
    Gauge gauge, double arrivalSeconds, double peakDepthMetres, double peakSeconds) {

  static List<GaugeSummary> of(GaugeSeries series, double arrivalDepthMetres) {
    List<GaugeSummary> list = new ArrayList<>();
    for (int g = 0; g < series.gauges().size(); g++) {
      double arrival = Double.NaN;
      double peak = 0;
      double peakTime = Double.NaN;
      for (int s = 0; s < series.size(); s++) {
        double depth = series.depthMetres(s, g);
        if (Double.isNaN(arrival) && depth >= arrivalDepthMetres) {
          arrival = series.timeSeconds(s);
        }
        if (depth > peak) {
          peak = depth;
          peakTime = series.timeSeconds(s);
        }
      }
      list.add(new GaugeSummary(series.gauges().get(g), arrival, peak, peakTime));
    }
    return list;
  }

  static void write(List<GaugeSummary> rows, Path csv, PrintStream console, double arrivalDepth)
      throws IOException {
    StringBuilder text = new StringBuilder("gauge,x_m,y_m,arrival_s,peak_depth_m,peak_time_s\n");
    console.printf(
        Locale.ROOT,
        "%-5s %7s %7s %12s %12s %12s%n",
        "gauge",
        "x m",
        "y m",
        "arrival s",
        "peak m",
        "at s");
    for (GaugeSummary r : rows) {
      text.append(
          String.format(
              Locale.ROOT,
              "%s,%.1f,%.1f,%.0f,%.4f,%.0f%n",
              r.gauge().name(),
              r.gauge().x(),
              r.gauge().y(),
              r.arrivalSeconds(),
              r.peakDepthMetres(),
              r.peakSeconds()));
      console.printf(
          Locale.ROOT,
          "%-5s %7.0f %7.0f %12.0f %12.3f %12.0f%n",
          r.gauge().name(),
          r.gauge().x(),
          r.gauge().y(),
          r.arrivalSeconds(),
          r.peakDepthMetres(),
          r.peakSeconds());
    }
    console.printf(
        Locale.ROOT,
        "arrival = first recorded depth >= %.2f m. Published industry results for Test 4 are not"
            + " included: see docs/FLOOD.md.%n",
        arrivalDepth);
    Files.writeString(csv, text);
  }
}
