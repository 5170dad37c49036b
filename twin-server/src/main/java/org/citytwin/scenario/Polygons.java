package org.citytwin.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.crs.LocalMetricFrame;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Polygons of a scenario (rain zones, initial levels): read as a ring of {@code [lon, lat]}
 * positions, checked to be a simple, valid polygon, and moved into the grid's metric CRS.
 */
final class Polygons {
  private static final GeometryFactory FACTORY = new GeometryFactory();

  /** Most vertices of one polygon. */
  static final int MAX_VERTICES = 10_000;

  private Polygons() {}

  /**
   * A closed ring from {@code [[lon, lat], ...]}: at least three distinct positions, closed if the
   * client did not repeat the first one, without self-intersections.
   */
  static double[][] ring(JsonNode n, String field) {
    if (n == null || !n.isArray() || n.size() < 3 || n.size() > MAX_VERTICES) {
      throw ScenarioRejected.field(
          field,
          field
              + " must be an array of 3 to "
              + MAX_VERTICES
              + " [lon, lat] positions (the ring; closing it is optional)");
    }
    double[][] ring = new double[n.size()][];
    for (int i = 0; i < n.size(); i++) {
      ring[i] = ScenarioRequest.position(n.get(i), field + "[" + i + "]");
    }
    if (!Arrays.equals(ring[0], ring[ring.length - 1])) {
      ring = Arrays.copyOf(ring, ring.length + 1);
      ring[ring.length - 1] = ring[0];
    }
    if (ring.length < 4) {
      throw ScenarioRejected.field(field, field + " needs three distinct positions");
    }
    Polygon p = polygon(ring);
    TopologyValidationError error = new IsValidOp(p).getValidationError();
    if (error != null) {
      throw ScenarioRejected.field(
          field,
          String.format(
              java.util.Locale.ROOT,
              "%s is not a valid polygon: %s at (%.6f, %.6f)",
              field,
              error.getMessage().toLowerCase(java.util.Locale.ROOT),
              error.getCoordinate().x,
              error.getCoordinate().y));
    }
    if (p.getArea() == 0) {
      throw ScenarioRejected.field(field, field + " encloses no area");
    }
    return ring;
  }

  /** The ring as a polygon in {@code frame}'s metres. */
  static Polygon toMetric(LocalMetricFrame frame, double[][] ring)
      throws CoordinateConversionException {
    return polygon(toMetricPoints(frame, ring));
  }

  /** Positions moved into {@code frame}'s metres. */
  static double[][] toMetricPoints(LocalMetricFrame frame, double[][] lonLat)
      throws CoordinateConversionException {
    double[][] out = new double[lonLat.length][];
    for (int i = 0; i < lonLat.length; i++) {
      double[] xyz = {lonLat[i][0], lonLat[i][1], 0};
      frame.toMetric(xyz, 0, 1);
      out[i] = new double[] {xyz[0], xyz[1]};
    }
    return out;
  }

  private static Polygon polygon(double[][] ring) {
    Coordinate[] c = new Coordinate[ring.length];
    for (int i = 0; i < ring.length; i++) {
      c[i] = new Coordinate(ring[i][0], ring[i][1]);
    }
    return FACTORY.createPolygon(c);
  }
}
