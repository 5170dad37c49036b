package org.citytwin.sensor;

/**
 * A datastream's unit, as in SensorThings: a name, a symbol ({@code m}, {@code mm/h}, {@code
 * persons}, {@code level}) and a definition URI (may be empty).
 */
public record UnitOfMeasurement(String name, String symbol, String definition) {
  public UnitOfMeasurement {
    InvalidSensorDataException.requireText(name, "unitOfMeasurement.name", 200);
    InvalidSensorDataException.requireText(symbol, "unitOfMeasurement.symbol", 32);
    definition = definition == null ? "" : definition;
    InvalidSensorDataException.requireText(definition, "unitOfMeasurement.definition", 500);
  }

  /** The usual unit of {@code kind}: metres, millimetres per hour, persons or a level code. */
  public static UnitOfMeasurement standard(ObservationKind kind) {
    return switch (kind) {
      case WATER_LEVEL, TIDE_LEVEL ->
          new UnitOfMeasurement("metre", "m", "http://qudt.org/vocab/unit/M");
      case RAINFALL ->
          new UnitOfMeasurement(
              "millimetre per hour", "mm/h", "http://qudt.org/vocab/unit/MilliM-PER-HR");
      case PEOPLE_COUNT -> new UnitOfMeasurement("persons", "persons", "");
      case CONGESTION_LEVEL ->
          new UnitOfMeasurement("congestion level 0 empty .. 3 very crowded", "level", "");
    };
  }
}
