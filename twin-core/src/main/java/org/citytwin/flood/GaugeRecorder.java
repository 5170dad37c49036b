package org.citytwin.flood;

import java.util.Arrays;

/** Collects gauge depths into arrays sized up front, so recording allocates nothing. */
final class GaugeRecorder {
  private final FloodScenario scenario;
  private final int[] cells;
  private final double[] times;
  private final float[][] depths;
  private int size;

  GaugeRecorder(FloodScenario scenario, int[] cells) {
    this.scenario = scenario;
    this.cells = cells;
    int capacity =
        (int) Math.ceil(scenario.durationSeconds() / scenario.gaugeIntervalSeconds()) + 2;
    times = new double[capacity];
    depths = new float[capacity][cells.length];
  }

  void record(double time, float[] h) {
    if (size == times.length) {
      return; // cannot happen: capacity covers every interval
    }
    times[size] = time;
    for (int g = 0; g < cells.length; g++) {
      depths[size][g] = h[cells[g]];
    }
    size++;
  }

  GaugeSeries series() {
    return new GaugeSeries(
        scenario.gauges(), Arrays.copyOf(times, size), Arrays.copyOf(depths, size));
  }
}
