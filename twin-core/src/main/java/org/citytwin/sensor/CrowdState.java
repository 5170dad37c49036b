package org.citytwin.sensor;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The state of a crowd area at its latest count: persons, and for a count of the walkable ground
 * the density over it and the congestion level; for a line count the flow in persons per minute and
 * no density (persons through a line in an interval say nothing about how many stand on the
 * ground).
 *
 * @param latest the latest count, null when the area has none yet
 */
public record CrowdState(CrowdArea area, Observation latest) {
  /** Less walkable ground than this gives no density: a count there says nothing per m². */
  public static final double MIN_WALKABLE_SQUARE_METRES = 1.0;

  public CrowdState {
    Objects.requireNonNull(area, "area");
    if (latest != null && !latest.datastreamId().equals(area.count().id())) {
      throw new IllegalArgumentException(
          "observation of " + latest.datastreamId() + " is not the count " + area.count().id());
    }
  }

  public Optional<Instant> phenomenonTime() {
    return latest == null ? Optional.empty() : Optional.of(latest.phenomenonTime());
  }

  public OptionalDouble persons() {
    return latest == null ? OptionalDouble.empty() : OptionalDouble.of(latest.result());
  }

  /**
   * Persons per square metre of walkable ground; empty for a line count, without a count, or when
   * buildings cover (nearly) the whole area: under {@link #MIN_WALKABLE_SQUARE_METRES} of ground.
   */
  public OptionalDouble personsPerSquareMetre() {
    return latest == null ? OptionalDouble.empty() : density(area, latest.result());
  }

  public Optional<CongestionLevel> congestion() {
    OptionalDouble density = personsPerSquareMetre();
    return density.isPresent()
        ? Optional.of(CongestionLevel.ofDensity(density.getAsDouble()))
        : Optional.empty();
  }

  /** Persons per minute through the line; empty for a count of the ground or without a count. */
  public OptionalDouble personsPerMinute() {
    return latest == null
        ? OptionalDouble.empty()
        : area.count().countScope().flowPerMinute(latest.result());
  }

  /** The density of {@code persons} on the area's walkable ground, empty for a line count. */
  static OptionalDouble density(CrowdArea area, double persons) {
    double walkable = area.ground().walkableSquareMetres();
    return area.countsLine() || !(walkable >= MIN_WALKABLE_SQUARE_METRES)
        ? OptionalDouble.empty()
        : OptionalDouble.of(persons / walkable);
  }
}
