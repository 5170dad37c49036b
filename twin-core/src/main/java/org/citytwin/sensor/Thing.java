package org.citytwin.sensor;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * A gauge, camera or station: bound to a city object by its gml:id ({@code cityObjectId}, null when
 * free-standing) and placed at {@code location}. A bound thing without coordinates of its own is
 * placed at its city object by the service when it is created.
 *
 * @param area the ground the thing watches, a CRS84 lon/lat (Multi)Polygon, for a people counter
 *     the crowd area its counts are spread over; null when the thing is a point (or its area is the
 *     footprint of its city object, see {@link SensorService#crowdStates})
 */
public record Thing(
    String id,
    String name,
    String description,
    String cityObjectId,
    Location location,
    Geometry area) {

  /** The most vertices an area may have: a plaza or a street, not a district boundary. */
  public static final int MAX_AREA_VERTICES = 10_000;

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
    if (area != null) {
      requireValidArea(area);
      area = area.copy();
    }
  }

  /** A thing at a point, without an area. */
  public Thing(String id, String name, String description, String cityObjectId, Location location) {
    this(id, name, description, cityObjectId, location, null);
  }

  public Thing withLocation(Location newLocation) {
    return new Thing(
        id, name, description, cityObjectId, Objects.requireNonNull(newLocation), area);
  }

  /** The area's lon/lat (Multi)Polygon, copied so the record stays immutable. */
  @Override
  public Geometry area() {
    return area == null ? null : area.copy();
  }

  private static void requireValidArea(Geometry area) {
    InvalidSensorDataException.require(
        area instanceof Polygonal && !area.isEmpty(),
        "location",
        "an area must be a non-empty Polygon or MultiPolygon, was " + area.getGeometryType());
    InvalidSensorDataException.require(
        area.getNumPoints() <= MAX_AREA_VERTICES,
        "location",
        "an area may have at most " + MAX_AREA_VERTICES + " vertices, has " + area.getNumPoints());
    var box = area.getEnvelopeInternal();
    InvalidSensorDataException.require(
        box.getMinX() >= -180
            && box.getMaxX() <= 180
            && box.getMinY() >= -90
            && box.getMaxY() <= 90,
        "location",
        "an area's coordinates must be CRS84 longitude, latitude; its box is " + box);
    InvalidSensorDataException.require(
        area.isValid(),
        "location",
        "the area polygon is not valid (self-intersecting, or rings not closed or crossing): "
            + new org.locationtech.jts.operation.valid.IsValidOp(area).getValidationError());
  }
}
