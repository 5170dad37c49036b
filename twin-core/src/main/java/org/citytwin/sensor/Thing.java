package org.citytwin.sensor;

import java.util.Objects;

/**
 * A gauge, camera or station: bound to a city object by its gml:id ({@code cityObjectId}, null when
 * free-standing) and placed at {@code location}. A bound thing without coordinates of its own is
 * placed at its city object by the service when it is created.
 */
public record Thing(
    String id, String name, String description, String cityObjectId, Location location) {
  public Thing {
    InvalidSensorDataException.requireId(id, "id");
    InvalidSensorDataException.requireText(name, "name", 200);
    description = description == null ? "" : description;
    InvalidSensorDataException.requireText(description, "description", 2000);
    if (cityObjectId != null) {
      InvalidSensorDataException.requireId(cityObjectId, "cityObject");
    }
    InvalidSensorDataException.require(
        location != null, "location", "location is required (or a cityObject to place it at)");
  }

  public Thing withLocation(Location newLocation) {
    return new Thing(id, name, description, cityObjectId, Objects.requireNonNull(newLocation));
  }
}
