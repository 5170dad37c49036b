package org.citytwin.flood;

import java.util.Objects;

/** A point where the depth is recorded over time, in the grid's CRS. */
public record Gauge(String name, double x, double y) {
  public Gauge {
    Objects.requireNonNull(name, "name");
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException("gauge " + name + " at (" + x + ", " + y + ") not finite");
    }
  }
}
