package org.citytwin.analysis;

import java.util.Objects;

/**
 * How to bin a numeric attribute: either {@code binCount} equal bins from the smallest to the
 * largest value seen, or bins of {@code binWidth} aligned on multiples of the width (so {@code
 * binWidth=0.5} gives edges 0, 0.5, 1.0...). Exactly one of the two is set: the other is 0.
 *
 * @param attribute a numeric attribute name (fixed or generic)
 */
public record HistogramSpec(String attribute, int binCount, double binWidth) {
  /** The most bins a histogram may have, whichever way it is asked for. */
  public static final int MAX_BINS = 100;

  public static final int DEFAULT_BINS = 10;

  public HistogramSpec {
    Objects.requireNonNull(attribute, "histogram attribute");
    if (attribute.isBlank()) {
      throw new IllegalArgumentException("histogram attribute must not be blank");
    }
    boolean byCount = binCount != 0;
    boolean byWidth = binWidth != 0;
    if (byCount == byWidth) {
      throw new IllegalArgumentException(
          "a histogram needs either a bin count or a bin width, got "
              + binCount
              + " bins and width "
              + binWidth);
    }
    if (byCount && (binCount < 1 || binCount > MAX_BINS)) {
      throw new IllegalArgumentException(
          "bin count must be between 1 and " + MAX_BINS + ", was " + binCount);
    }
    if (byWidth && !(binWidth > 0 && Double.isFinite(binWidth))) {
      throw new IllegalArgumentException("bin width must be a finite number > 0, was " + binWidth);
    }
  }

  public static HistogramSpec bins(String attribute, int count) {
    return new HistogramSpec(attribute, count, 0);
  }

  public static HistogramSpec width(String attribute, double width) {
    return new HistogramSpec(attribute, 0, width);
  }

  public boolean byWidth() {
    return binWidth != 0;
  }
}
