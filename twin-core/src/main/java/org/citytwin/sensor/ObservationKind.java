package org.citytwin.sensor;

import java.util.Locale;
import java.util.Set;

/**
 * What a datastream measures, which fixes its accepted units and the range of its results. Results
 * are numbers in every kind; a congestion level is the integer code of {@link CongestionLevel}.
 */
public enum ObservationKind {
  /** River or sewer water level in metres above the gauge datum. */
  WATER_LEVEL(Set.of("m"), false, false),
  /** Rainfall intensity in millimetres per hour. */
  RAINFALL(Set.of("mm/h"), true, false),
  /** Tide level in metres above the tide gauge datum (may be negative). */
  TIDE_LEVEL(Set.of("m"), false, false),
  /** Persons in an area at a time, or through a line during an interval ({@link CountScope}). */
  PEOPLE_COUNT(Set.of("persons"), true, true),
  /** Congestion level code 0..3 ({@link CongestionLevel}). */
  CONGESTION_LEVEL(Set.of("level"), true, true);

  private final Set<String> unitSymbols;
  private final boolean nonNegative;
  private final boolean integral;

  ObservationKind(Set<String> unitSymbols, boolean nonNegative, boolean integral) {
    this.unitSymbols = unitSymbols;
    this.nonNegative = nonNegative;
    this.integral = integral;
  }

  /** The unit symbols a datastream of this kind may declare. */
  public Set<String> unitSymbols() {
    return unitSymbols;
  }

  /** The kind named {@code text} in any case, e.g. {@code water_level}. */
  public static ObservationKind parse(String text, String field) {
    InvalidSensorDataException.require(text != null, field, field + " is required");
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidSensorDataException(
          field, field + " '" + text + "' must be one of " + java.util.Arrays.toString(values()));
    }
  }

  /** Throws naming {@code field} when {@code result} is not a valid result of this kind. */
  public void requireValidResult(double result, String field) {
    InvalidSensorDataException.require(
        Double.isFinite(result), field, field + " must be a finite number, was " + result);
    InvalidSensorDataException.require(
        !nonNegative || result >= 0,
        field,
        field + " of a " + this + " must be >= 0, was " + result);
    InvalidSensorDataException.require(
        !integral || result == Math.rint(result),
        field,
        field + " of a " + this + " must be a whole number, was " + result);
    if (this == CONGESTION_LEVEL) {
      InvalidSensorDataException.require(
          result <= CongestionLevel.values().length - 1,
          field,
          field + " congestion level must be 0..3, was " + result);
    }
  }
}
