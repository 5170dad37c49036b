package org.citytwin.geom;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * The area on the WGS 84 ellipsoid of a lon/lat polygon, in square metres, for footprints of any
 * size from a shed to a terrain tile of several kilometres.
 *
 * <p>Method: Lambert's cylindrical equal-area projection of the ellipsoid (x = longitude in
 * radians, y = a^2/2 * q(lat) with q the authalic function, Snyder 1987 eq. 3-12) preserves area
 * exactly, so the shoelace formula in (x, y) is the ellipsoidal area of the polygon whose edges are
 * straight in that projection. Real edges are geodesics, straight lines in no particular
 * projection; the difference grows with the cube of edge length and is below 1e-5 relative for
 * edges up to 1 km and about 1e-4 for 10 km edges at mid latitudes. Edges along meridians and
 * parallels are exact. Coordinates are taken relative to the first vertex so that small polygons
 * keep full precision.
 */
public final class GroundArea {

  private static final double E = Math.sqrt(LocalTangentPlane.E2);

  private GroundArea() {}

  /**
   * The ground area of every polygon in {@code lonLat} (holes subtracted); 0 for points and lines.
   */
  public static double squareMetres(Geometry lonLat) {
    double sum = 0;
    for (int i = 0; i < lonLat.getNumGeometries(); i++) {
      Geometry part = lonLat.getGeometryN(i);
      if (part instanceof Polygon polygon) {
        sum += ringArea(polygon.getExteriorRing());
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
          sum -= ringArea(polygon.getInteriorRingN(h));
        }
      } else if (part != lonLat) {
        sum += squareMetres(part);
      }
    }
    return sum;
  }

  /** The unsigned area enclosed by a closed lon/lat ring. */
  static double ringArea(LineString ring) {
    Coordinate[] points = ring.getCoordinates();
    if (points.length < 4) {
      return 0;
    }
    double lon0 = points[0].x;
    double q0 = authalic(points[0].y);
    double twiceArea = 0;
    for (int i = 0; i < points.length - 1; i++) {
      double x1 = Math.toRadians(points[i].x - lon0);
      double y1 = authalic(points[i].y) - q0;
      double x2 = Math.toRadians(points[i + 1].x - lon0);
      double y2 = authalic(points[i + 1].y) - q0;
      twiceArea += x1 * y2 - x2 * y1;
    }
    return Math.abs(twiceArea) / 2 * LocalTangentPlane.A * LocalTangentPlane.A / 2;
  }

  /** Snyder's q(phi): the authalic function, whose difference times a^2/2 is area per radian. */
  private static double authalic(double latDegrees) {
    double sin = Math.sin(Math.toRadians(latDegrees));
    double esin = E * sin;
    return (1 - LocalTangentPlane.E2)
        * (sin / (1 - esin * esin) - Math.log((1 - esin) / (1 + esin)) / (2 * E));
  }
}
