package org.citytwin.sensor;

import java.time.Instant;
import java.util.Objects;

/**
 * A crowd area's congestion level changed with a new count of its walkable ground.
 *
 * @param from the level of the previous count, null for the area's first count
 * @param to the level of the new count
 */
public record CongestionChange(
    String areaId,
    String datastreamId,
    Instant phenomenonTime,
    double persons,
    double personsPerSquareMetre,
    CongestionLevel from,
    CongestionLevel to) {
  public CongestionChange {
    Objects.requireNonNull(areaId, "area id");
    Objects.requireNonNull(datastreamId, "datastream id");
    Objects.requireNonNull(phenomenonTime, "phenomenon time");
    Objects.requireNonNull(to, "new level");
    if (to == from) {
      throw new IllegalArgumentException("a change needs two different levels, both were " + to);
    }
  }
}
