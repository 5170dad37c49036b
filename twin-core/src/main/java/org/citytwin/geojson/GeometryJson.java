package org.citytwin.geojson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes a JTS geometry as a GeoJSON geometry object straight to a Jackson generator, reading the
 * coordinates from the geometry's sequences without building strings or maps on the way.
 *
 * <p>The numbers are those JTS's {@code GeoJsonWriter} writes at the same precision, so responses
 * keep their bytes: an ordinate from 0.001 up to 10^7 (and every negative one up to -0.001) is
 * rounded half up to {@code decimals} places and written without a fraction when whole; any other
 * ordinate is written as it is. A Z that is NaN is left out, so a 2D point of a 3D sequence stays
 * 2D. Axis order is the geometry's own: callers swap axes before, as the response CRS requires.
 */
public final class GeometryJson {
  private static final double ROUNDED_FROM = 1e-3;
  private static final double ROUNDED_BELOW = 1e7;

  private final double scale;

  /**
   * @param decimals decimal places kept of each ordinate in the rounded range
   */
  public GeometryJson(int decimals) {
    if (decimals < 0 || decimals > 15) {
      throw new IllegalArgumentException("decimals must be within 0..15, was " + decimals);
    }
    this.scale = Math.pow(10, decimals);
  }

  /** Writes {@code geometry}, which must not be empty, as one GeoJSON geometry object. */
  public void write(JsonGenerator json, Geometry geometry) throws IOException {
    json.writeStartObject();
    json.writeStringField("type", geometry.getGeometryType());
    if (geometry instanceof GeometryCollection collection
        && !(geometry instanceof MultiPoint
            || geometry instanceof MultiLineString
            || geometry instanceof MultiPolygon)) {
      json.writeArrayFieldStart("geometries");
      for (int i = 0; i < collection.getNumGeometries(); i++) {
        write(json, collection.getGeometryN(i));
      }
      json.writeEndArray();
    } else {
      json.writeFieldName("coordinates");
      writeCoordinates(json, geometry);
    }
    json.writeEndObject();
  }

  private void writeCoordinates(JsonGenerator json, Geometry geometry) throws IOException {
    if (geometry instanceof Point point) {
      writePosition(json, point.getCoordinateSequence());
    } else if (geometry instanceof LineString line) {
      writePositions(json, line.getCoordinateSequence());
    } else if (geometry instanceof Polygon polygon) {
      writeRings(json, polygon);
    } else if (geometry instanceof GeometryCollection multi) {
      json.writeStartArray();
      for (int i = 0; i < multi.getNumGeometries(); i++) {
        writeCoordinates(json, multi.getGeometryN(i));
      }
      json.writeEndArray();
    } else {
      throw new IllegalArgumentException("cannot write a " + geometry.getGeometryType());
    }
  }

  private void writeRings(JsonGenerator json, Polygon polygon) throws IOException {
    json.writeStartArray();
    if (!polygon.isEmpty()) {
      writePositions(json, polygon.getExteriorRing().getCoordinateSequence());
      for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
        writePositions(json, polygon.getInteriorRingN(i).getCoordinateSequence());
      }
    }
    json.writeEndArray();
  }

  private void writePositions(JsonGenerator json, CoordinateSequence sequence) throws IOException {
    json.writeStartArray();
    for (int i = 0; i < sequence.size(); i++) {
      writePosition(json, sequence, i);
    }
    json.writeEndArray();
  }

  /** A point's one position, or an empty array for an empty point. */
  private void writePosition(JsonGenerator json, CoordinateSequence sequence) throws IOException {
    if (sequence.size() == 0) {
      json.writeStartArray();
      json.writeEndArray();
    } else {
      writePosition(json, sequence, 0);
    }
  }

  private void writePosition(JsonGenerator json, CoordinateSequence sequence, int index)
      throws IOException {
    json.writeStartArray();
    writeOrdinate(json, sequence.getX(index));
    writeOrdinate(json, sequence.getY(index));
    if (sequence.hasZ()) {
      double z = sequence.getZ(index);
      if (!Double.isNaN(z)) {
        writeOrdinate(json, z);
      }
    }
    json.writeEndArray();
  }

  private void writeOrdinate(JsonGenerator json, double value) throws IOException {
    if (Math.abs(value) >= ROUNDED_FROM && value < ROUNDED_BELOW) {
      double rounded = Math.floor(value * scale + 0.5) / scale;
      long whole = (long) rounded;
      if (whole == rounded) {
        json.writeNumber(whole);
      } else {
        json.writeNumber(rounded);
      }
    } else {
      json.writeNumber(value);
    }
  }
}
