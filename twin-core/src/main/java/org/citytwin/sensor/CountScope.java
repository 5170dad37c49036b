package org.citytwin.sensor;

import java.time.Duration;

/**
 * What a people count counts: the persons present in an area of {@code areaSquareMetres} at the
 * phenomenon time, or the persons that crossed a line during {@code interval} ending then. Exactly
 * one of the two is set.
 */
public record CountScope(Double areaSquareMetres, Duration interval) {
  public CountScope {
    InvalidSensorDataException.require(
        (areaSquareMetres == null) != (interval == null),
        "countScope",
        "countScope needs exactly one of areaSquareMetres (persons in an area) or interval (persons"
            + " through a line)");
    InvalidSensorDataException.require(
        areaSquareMetres == null || (Double.isFinite(areaSquareMetres) && areaSquareMetres > 0),
        "countScope.areaSquareMetres",
        "countScope.areaSquareMetres must be a finite number > 0, was " + areaSquareMetres);
    InvalidSensorDataException.require(
        interval == null || (!interval.isNegative() && !interval.isZero()),
        "countScope.interval",
        "countScope.interval must be positive, was " + interval);
  }

  public static CountScope area(double squareMetres) {
    return new CountScope(squareMetres, null);
  }

  public static CountScope line(Duration interval) {
    return new CountScope(null, interval);
  }

  /** Persons per square metre for a count in an area; empty for a line count. */
  public java.util.OptionalDouble density(double persons) {
    return areaSquareMetres == null
        ? java.util.OptionalDouble.empty()
        : java.util.OptionalDouble.of(persons / areaSquareMetres);
  }
}
