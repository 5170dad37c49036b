package org.citytwin.vectortiles;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Spherical Web Mercator (EPSG:3857), the projection of the WebMercatorQuad tile matrix set: metres
 * on a sphere of the WGS 84 semi-major axis. Latitudes beyond {@link #MAX_LATITUDE} are clamped,
 * which is where the square world ends.
 */
public final class WebMercator {
  /** The sphere's radius, the WGS 84 semi-major axis in metres. */
  public static final double RADIUS_METRES = 6_378_137.0;

  /** Half the world's width (and height) in metres: the projected x of longitude 180. */
  public static final double HALF_WORLD_METRES = Math.PI * RADIUS_METRES;

  /** The latitude whose projected y is {@link #HALF_WORLD_METRES}. */
  public static final double MAX_LATITUDE = 85.05112877980659;

  private WebMercator() {}

  public static double x(double lonDegrees) {
    return Math.toRadians(lonDegrees) * RADIUS_METRES;
  }

  public static double y(double latDegrees) {
    double lat = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, latDegrees));
    return RADIUS_METRES * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
  }

  public static double lon(double xMetres) {
    return Math.toDegrees(xMetres / RADIUS_METRES);
  }

  public static double lat(double yMetres) {
    return Math.toDegrees(2 * Math.atan(Math.exp(yMetres / RADIUS_METRES)) - Math.PI / 2);
  }

  /** A copy of a CRS84 lon/lat geometry in Web Mercator metres (2D). */
  public static Geometry project(Geometry lonLat) {
    Geometry projected = lonLat.copy();
    projected.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence sequence, int i) {
            sequence.setOrdinate(i, 0, x(sequence.getX(i)));
            sequence.setOrdinate(i, 1, y(sequence.getY(i)));
          }

          @Override
          public boolean isDone() {
            return false;
          }

          @Override
          public boolean isGeometryChanged() {
            return true;
          }
        });
    return projected;
  }
}
