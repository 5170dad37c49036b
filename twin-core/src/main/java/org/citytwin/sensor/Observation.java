package org.citytwin.sensor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One result of a datastream. Identified by {@code (datastreamId, phenomenonTime)}: posting the
 * same pair again replaces the result. Times are kept to the microsecond (the store's resolution).
 *
 * @param phenomenonTime when the value was true in the world
 * @param resultTime when the result was produced (often the same)
 */
public record Observation(
    String datastreamId, Instant phenomenonTime, Instant resultTime, double result) {
  public Observation {
    InvalidSensorDataException.requireId(datastreamId, "datastream");
    InvalidSensorDataException.require(
        phenomenonTime != null, "phenomenonTime", "phenomenonTime is required");
    InvalidSensorDataException.require(
        !phenomenonTime.isBefore(TimeRange.EARLIEST) && phenomenonTime.isBefore(TimeRange.LATEST),
        "phenomenonTime",
        "phenomenonTime " + phenomenonTime + " must be in the years 1900..2999");
    phenomenonTime = phenomenonTime.truncatedTo(ChronoUnit.MICROS);
    resultTime = resultTime == null ? phenomenonTime : resultTime.truncatedTo(ChronoUnit.MICROS);
    InvalidSensorDataException.require(
        Double.isFinite(result), "result", "result must be a finite number, was " + result);
  }
}
