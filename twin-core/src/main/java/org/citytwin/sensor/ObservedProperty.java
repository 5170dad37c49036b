package org.citytwin.sensor;

/** The phenomenon observed, as in SensorThings (e.g. "river water level" with a definition URI). */
public record ObservedProperty(String id, String name, String definition, String description) {
  public ObservedProperty {
    InvalidSensorDataException.requireId(id, "id");
    InvalidSensorDataException.requireText(name, "name", 200);
    definition = definition == null ? "" : definition;
    InvalidSensorDataException.requireText(definition, "definition", 500);
    description = description == null ? "" : description;
    InvalidSensorDataException.requireText(description, "description", 2000);
  }
}
