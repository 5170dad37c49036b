package org.citytwin.cli;

import java.util.Arrays;
import org.citytwin.crs.CoordinateConversionException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * A polyline or polygon given on the command line as {@code X,Y,X,Y,...,LAST}: coordinates in the
 * grid's CRS (or lon,lat with {@code --lonlat}) followed by one more value, a CSV file or a level.
 *
 * @param xy the points, {@code x0, y0, x1, y1, ...} in the grid's CRS
 * @param last the value after the points
 */
record OptionShape(double[] xy, String last) {
  private static final GeometryFactory FACTORY = new GeometryFactory();

  /**
   * Parses {@code spec} with at least {@code minPoints} points.
   *
   * @throws IllegalArgumentException naming {@code option} when the form is wrong
   */
  static OptionShape parse(
      String spec, int minPoints, String option, FloodTerrain terrain, boolean lonLat)
      throws CoordinateConversionException {
    String[] p = spec.split(",");
    int values = p.length - 1;
    if (values < 2 * minPoints || values % 2 != 0) {
      throw new IllegalArgumentException(
          option
              + " '"
              + spec
              + "' must be at least "
              + minPoints
              + " points X,Y followed by one value");
    }
    double[] xyz = new double[values / 2 * 3];
    for (int i = 0; i < values / 2; i++) {
      xyz[3 * i] = number(p[2 * i], option);
      xyz[3 * i + 1] = number(p[2 * i + 1], option);
    }
    if (lonLat) {
      terrain.frame(option + " with --lonlat").toMetric(xyz, 0, values / 2);
    }
    double[] xy = new double[values];
    for (int i = 0; i < values / 2; i++) {
      xy[2 * i] = xyz[3 * i];
      xy[2 * i + 1] = xyz[3 * i + 1];
    }
    return new OptionShape(xy, p[values].trim());
  }

  /** The points as a closed polygon; refused when it is not a valid one. */
  Polygon polygon() {
    int n = xy.length / 2;
    boolean closed = xy[0] == xy[xy.length - 2] && xy[1] == xy[xy.length - 1];
    Coordinate[] ring = new Coordinate[closed ? n : n + 1];
    for (int i = 0; i < n; i++) {
      ring[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
    }
    ring[ring.length - 1] = ring[0];
    Polygon p;
    try {
      p = FACTORY.createPolygon(ring);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("polygon " + Arrays.toString(xy) + ": " + e.getMessage());
    }
    if (!p.isValid() || p.getArea() == 0) {
      throw new IllegalArgumentException(
          "polygon " + Arrays.toString(xy) + " is not a valid polygon with an area");
    }
    return p;
  }

  static double number(String s, String option) {
    try {
      double v = Double.parseDouble(s.trim());
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": '" + s + "' is not a finite number", e);
    }
  }
}
