package org.citytwin.analysis;

/**
 * An aggregation that would grow past a bound: too many groups (grouping by a near-unique
 * attribute) or too many histogram bins (a bin width small for the range of values).
 */
public final class AggregationLimitException extends RuntimeException {
  /** Which bound was passed. */
  public enum Limit {
    GROUPS,
    BINS
  }

  private final Limit limit;

  AggregationLimitException(Limit limit, String message) {
    super(message);
    this.limit = limit;
  }

  public Limit limit() {
    return limit;
  }
}
