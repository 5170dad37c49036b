package org.citytwin.sensor;

/** An instrument type or procedure, as in SensorThings (e.g. "radar water-level gauge"). */
public record Sensor(String id, String name, String description, String metadata) {
  public Sensor {
    InvalidSensorDataException.requireId(id, "id");
    InvalidSensorDataException.requireText(name, "name", 200);
    description = description == null ? "" : description;
    InvalidSensorDataException.requireText(description, "description", 2000);
    metadata = metadata == null ? "" : metadata;
    InvalidSensorDataException.requireText(metadata, "metadata", 2000);
  }
}
