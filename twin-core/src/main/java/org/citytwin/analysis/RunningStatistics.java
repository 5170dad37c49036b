package org.citytwin.analysis;

/** The mutable accumulator behind one {@link Statistics}; not thread-safe. */
final class RunningStatistics {
  private long count;
  private long nonNumeric;
  private double sum;
  private double compensation;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  void add(double value) {
    count++;
    double total = sum + value;
    // Neumaier's variant of Kahan summation: keep the low-order bits the addition lost.
    if (Math.abs(sum) >= Math.abs(value)) {
      compensation += (sum - total) + value;
    } else {
      compensation += (value - total) + sum;
    }
    sum = total;
    min = Math.min(min, value);
    max = Math.max(max, value);
  }

  void addNonNumeric() {
    nonNumeric++;
  }

  Statistics snapshot() {
    if (count == 0) {
      return new Statistics(0, nonNumeric, 0, Double.NaN, Double.NaN);
    }
    return new Statistics(count, nonNumeric, sum + compensation, min, max);
  }
}
