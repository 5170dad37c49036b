package org.citytwin.sensor;

/**
 * A series of observations of one property by one sensor on one thing, in one unit.
 *
 * @param thresholds water-level stages; only for {@link ObservationKind#WATER_LEVEL}, may be null
 * @param countScope area or line of a {@link ObservationKind#PEOPLE_COUNT}; required there, null
 *     for other kinds
 */
public record Datastream(
    String id,
    String name,
    String thingId,
    String sensorId,
    String observedPropertyId,
    ObservationKind kind,
    UnitOfMeasurement unit,
    WaterLevelThresholds thresholds,
    CountScope countScope) {

  public Datastream {
    InvalidSensorDataException.requireId(id, "id");
    InvalidSensorDataException.requireText(name, "name", 200);
    InvalidSensorDataException.requireId(thingId, "thing");
    InvalidSensorDataException.requireId(sensorId, "sensor");
    InvalidSensorDataException.requireId(observedPropertyId, "observedProperty");
    InvalidSensorDataException.require(kind != null, "kind", "kind is required");
    InvalidSensorDataException.require(
        unit != null, "unitOfMeasurement", "unitOfMeasurement is required");
    InvalidSensorDataException.require(
        kind.unitSymbols().contains(unit.symbol()),
        "unitOfMeasurement.symbol",
        "unitOfMeasurement.symbol '"
            + unit.symbol()
            + "' does not fit kind "
            + kind
            + "; use one of "
            + kind.unitSymbols());
    InvalidSensorDataException.require(
        thresholds == null || kind == ObservationKind.WATER_LEVEL,
        "thresholds",
        "thresholds are only for WATER_LEVEL datastreams, this one is " + kind);
    InvalidSensorDataException.require(
        (countScope != null) == (kind == ObservationKind.PEOPLE_COUNT),
        "countScope",
        kind == ObservationKind.PEOPLE_COUNT
            ? "countScope is required for PEOPLE_COUNT datastreams"
            : "countScope is only for PEOPLE_COUNT datastreams, this one is " + kind);
  }
}
