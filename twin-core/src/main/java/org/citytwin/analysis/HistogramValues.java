package org.citytwin.analysis;

import java.util.Arrays;

/**
 * The histogram attribute's values with their group index, kept in primitive arrays until the bin
 * edges are known (12 bytes per value).
 */
final class HistogramValues {
  private double[] values = new double[1024];
  private int[] groups = new int[1024];
  private int size;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  void add(double value, int group) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
      groups = Arrays.copyOf(groups, size * 2);
    }
    values[size] = value;
    groups[size] = group;
    size++;
    min = Math.min(min, value);
    max = Math.max(max, value);
  }

  Binning binning(HistogramSpec spec) {
    if (size == 0) {
      return new Binning(spec.attribute(), new double[0]);
    }
    return spec.byWidth()
        ? Binning.alignedBins(spec.attribute(), min, max, spec.binWidth())
        : Binning.equalBins(spec.attribute(), min, max, spec.binCount());
  }

  /**
   * Counts every value into {@code binning}; fills {@code groupCounts[g]} for each group that has
   * values and returns the counts over all values.
   */
  long[] count(Binning binning, long[][] groupCounts) {
    long[] total = new long[binning.bins()];
    for (int i = 0; i < size; i++) {
      int bin = binning.index(values[i]);
      total[bin]++;
      int group = groups[i];
      if (group >= 0) {
        if (groupCounts[group] == null) {
          groupCounts[group] = new long[total.length];
        }
        groupCounts[group][bin]++;
      }
    }
    return total;
  }
}
