package org.citytwin.analysis;

/**
 * Summary of one numeric attribute over a set of objects, in the attribute's own unit.
 *
 * @param count objects with a numeric value (missing values are not counted)
 * @param nonNumeric objects whose generic attribute of that name holds a text or a code instead
 * @param sum the sum of the values, compensated (Neumaier) so it does not drift over millions
 * @param min the smallest value, NaN when {@code count} is 0
 * @param max the largest value, NaN when {@code count} is 0
 */
public record Statistics(long count, long nonNumeric, double sum, double min, double max) {

  public Statistics {
    if (count < 0 || nonNumeric < 0) {
      throw new IllegalArgumentException(
          "counts must be >= 0, were " + count + " and " + nonNumeric);
    }
  }

  /** No values at all. */
  public static Statistics empty() {
    return new Statistics(0, 0, 0, Double.NaN, Double.NaN);
  }

  /** The arithmetic mean, NaN when {@code count} is 0. */
  public double mean() {
    return count == 0 ? Double.NaN : sum / count;
  }
}
