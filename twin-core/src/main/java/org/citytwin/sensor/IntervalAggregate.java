package org.citytwin.sensor;

import java.time.Instant;

/**
 * The observations of one datastream whose phenomenon time falls in {@code [start, start +
 * interval)}: how many, and their smallest, largest and mean result.
 */
public record IntervalAggregate(Instant start, long count, double min, double max, double mean) {
  public IntervalAggregate {
    if (count <= 0) {
      throw new IllegalArgumentException(
          "an aggregate covers at least one observation, was " + count);
    }
  }
}
