package org.citytwin.analysis;

/**
 * Bin edges chosen for a histogram and the lookup of a value's bin; see {@link Histogram} for the
 * half-open bins and the closed last one.
 */
record Binning(String attribute, double[] edges) {

  int bins() {
    return Math.max(0, edges.length - 1);
  }

  /** The bin holding {@code value}, which must lie within the first and last edge. */
  int index(double value) {
    int last = bins() - 1;
    double width = edges[last + 1] - edges[0];
    int i = width > 0 ? (int) Math.floor((value - edges[0]) / width * bins()) : 0;
    i = Math.max(0, Math.min(last, i));
    // The estimate can be one off where an edge was rounded; the edges themselves decide.
    while (i < last && value >= edges[i + 1]) {
      i++;
    }
    while (i > 0 && value < edges[i]) {
      i--;
    }
    return i;
  }

  /** {@code count} equal bins from {@code min} to {@code max}; one bin when they are equal. */
  static Binning equalBins(String attribute, double min, double max, int count) {
    if (min == max) {
      return new Binning(attribute, new double[] {min, max});
    }
    double[] edges = new double[count + 1];
    double width = (max - min) / count;
    for (int i = 0; i < count; i++) {
      edges[i] = min + i * width;
    }
    edges[count] = max;
    return new Binning(attribute, edges);
  }

  /**
   * Bins of {@code width} on multiples of the width, covering {@code min .. max}.
   *
   * @throws AggregationLimitException when that takes more than {@link HistogramSpec#MAX_BINS}
   */
  static Binning alignedBins(String attribute, double min, double max, double width) {
    double start = Math.floor(min / width) * width;
    if (start > min) {
      start -= width;
    }
    double span = Math.floor((max - start) / width) + 1;
    if (start + span * width <= max) {
      span++; // the division rounded down onto an edge: the last bin must hold max
    }
    if (span > HistogramSpec.MAX_BINS) {
      throw new AggregationLimitException(
          AggregationLimitException.Limit.BINS,
          "bin width "
              + width
              + " over "
              + attribute
              + " values "
              + min
              + " .. "
              + max
              + " gives "
              + (long) span
              + " bins; at most "
              + HistogramSpec.MAX_BINS
              + " are allowed");
    }
    int count = (int) span;
    double[] edges = new double[count + 1];
    for (int i = 0; i <= count; i++) {
      edges[i] = start + i * width;
    }
    return new Binning(attribute, edges);
  }
}
