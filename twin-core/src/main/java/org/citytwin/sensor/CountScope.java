package org.citytwin.sensor;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * What a people count counts, exactly one of: the persons present in a declared area of {@code
 * areaSquareMetres} at the phenomenon time; the persons present in the walkable part of the thing's
 * area ({@code walkableArea}: the area polygon minus the city model's building footprints, measured
 * by {@link WalkableGround}); or the persons that crossed a line during {@code interval} ending at
 * the phenomenon time (a flow, which has no density).
 */
public record CountScope(Double areaSquareMetres, Duration interval, boolean walkableArea) {
  public CountScope {
    int set =
        (areaSquareMetres != null ? 1 : 0) + (interval != null ? 1 : 0) + (walkableArea ? 1 : 0);
    InvalidSensorDataException.require(
        set == 1,
        "countScope",
        "countScope needs exactly one of areaSquareMetres (persons in a declared area),"
            + " walkableArea: true (persons on the walkable ground of the thing's area) or interval"
            + " (persons through a line)");
    InvalidSensorDataException.require(
        areaSquareMetres == null || (Double.isFinite(areaSquareMetres) && areaSquareMetres > 0),
        "countScope.areaSquareMetres",
        "countScope.areaSquareMetres must be a finite number > 0, was " + areaSquareMetres);
    InvalidSensorDataException.require(
        interval == null || (!interval.isNegative() && !interval.isZero()),
        "countScope.interval",
        "countScope.interval must be positive, was " + interval);
  }

  /** A declared area or a line; {@code walkableArea} false. */
  public CountScope(Double areaSquareMetres, Duration interval) {
    this(areaSquareMetres, interval, false);
  }

  public static CountScope area(double squareMetres) {
    return new CountScope(squareMetres, null, false);
  }

  public static CountScope line(Duration interval) {
    return new CountScope(null, interval, false);
  }

  /** Persons on the walkable ground of the thing's area. */
  public static CountScope walkable() {
    return new CountScope(null, null, true);
  }

  /** Whether the count is of persons through a line during {@link #interval}. */
  public boolean isLine() {
    return interval != null;
  }

  /**
   * Persons per square metre for a count in a declared area; empty for a line count and for a
   * walkable-area count, whose area only the city model knows (see {@link CrowdState}).
   */
  public OptionalDouble density(double persons) {
    return areaSquareMetres == null
        ? OptionalDouble.empty()
        : OptionalDouble.of(persons / areaSquareMetres);
  }

  /** Persons per minute for a line count; empty for an area count. */
  public OptionalDouble flowPerMinute(double persons) {
    return interval == null
        ? OptionalDouble.empty()
        : OptionalDouble.of(persons * 60_000.0 / interval.toMillis());
  }
}
