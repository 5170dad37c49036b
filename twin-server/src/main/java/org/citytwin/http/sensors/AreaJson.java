package org.citytwin.http.sensors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.citytwin.sensor.InvalidSensorDataException;
import org.citytwin.sensor.Location;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * A thing's area as a GeoJSON Polygon or MultiPolygon in CRS84 (SensorThings puts GeoJSON in a
 * location), read from {@code location} and written back as {@code area}.
 */
final class AreaJson {
  private static final Set<String> TYPES = Set.of("Polygon", "MultiPolygon");

  private AreaJson() {}

  /** Whether a {@code location} member is GeoJSON rather than {@code {lon, lat, height}}. */
  static boolean isGeoJson(JsonNode location) {
    return location != null && location.isObject() && location.has("type");
  }

  /** Reads the polygon of a GeoJSON {@code location}, naming {@code field} when it is wrong. */
  static Geometry read(JsonNode node, String field) {
    JsonFields.of(node, field, Set.of("type", "coordinates"));
    String type = node.get("type").asText();
    if (!TYPES.contains(type)) {
      throw new InvalidSensorDataException(
          field + ".type",
          field
              + ".type must be Polygon or MultiPolygon (or give {lon, lat} for a point), was '"
              + type
              + "'");
    }
    if (!node.path("coordinates").isArray()) {
      throw new InvalidSensorDataException(
          field + ".coordinates", field + ".coordinates must be an array of rings");
    }
    try {
      Geometry area = new GeoJsonReader().read(node.toString());
      area.setSRID(0);
      return area;
    } catch (ParseException | RuntimeException e) {
      // JTS refuses rings that are not closed or too short with an IllegalArgumentException.
      throw new InvalidSensorDataException(
          field + ".coordinates",
          field + ".coordinates is not a valid " + type + ": " + e.getMessage());
    }
  }

  /** The point a thing with this area is placed at: its centroid, or an inside point if outside. */
  static Location placeOf(Geometry area) {
    Point centroid = area.getCentroid();
    Point at = area.contains(centroid) ? centroid : area.getInteriorPoint();
    return new Location(at.getX(), at.getY(), null);
  }

  static JsonNode write(Geometry area) {
    GeoJsonWriter writer = new GeoJsonWriter(9);
    writer.setEncodeCRS(false);
    try {
      return EntityJson.MAPPER.readTree(writer.write(area));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JTS wrote GeoJSON Jackson cannot read", e);
    }
  }
}
