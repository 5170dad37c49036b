package org.citytwin.sensor;

import java.time.Instant;

/** The span of phenomenon times the twin accepts: the years 1900 to 2999. */
final class TimeRange {
  static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

  private TimeRange() {}
}
