package org.citytwin.query;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Ground distance in metres from a lon/lat geometry to a point, on a local equirectangular
 * projection centred at the point ({@code x = Δlon·cos(lat)·R}, {@code y = Δlat·R} on the mean
 * Earth sphere). Within a few kilometres of the point this is within 0.1% of the great-circle
 * distance, which is what radius and nearest queries over a city need; it is not meant for
 * continental distances and does not wrap at the antimeridian.
 */
public final class GroundDistance {

  /** Mean Earth radius (IUGG), metres. */
  public static final double EARTH_RADIUS_METRES = 6_371_008.8;

  private static final double METRES_PER_DEGREE = Math.PI * EARTH_RADIUS_METRES / 180;

  private GroundDistance() {}

  /** Distance in metres from the nearest point of {@code lonLat} to ({@code lon}, {@code lat}). */
  public static double metres(Geometry lonLat, double lon, double lat) {
    Geometry local = lonLat.copy();
    double lonScale = Math.cos(Math.toRadians(lat)) * METRES_PER_DEGREE;
    local.apply(new ToLocalMetres(lon, lat, lonScale));
    local.geometryChanged();
    return local.distance(new GeometryFactory().createPoint(new Coordinate(0, 0)));
  }

  /**
   * A lon/lat box that contains every point within {@code metres} of the point under this metric,
   * so a bounding-box index can prefilter candidates before the exact distance.
   */
  public static Envelope searchBox(double lon, double lat, double metres) {
    // A hair of slack so that rounding in the degree conversion never drops a boundary object.
    double dLat = metres / METRES_PER_DEGREE * (1 + 1e-9) + 1e-12;
    double cos = Math.cos(Math.toRadians(lat));
    double dLon = cos < 1e-9 ? 360 : dLat / cos;
    return new Envelope(
        Math.max(-180, lon - dLon),
        Math.min(180, lon + dLon),
        Math.max(-90, lat - dLat),
        Math.min(90, lat + dLat));
  }

  private record ToLocalMetres(double lon, double lat, double lonScale)
      implements CoordinateSequenceFilter {
    @Override
    public void filter(CoordinateSequence seq, int i) {
      seq.setOrdinate(i, 0, (seq.getX(i) - lon) * lonScale);
      seq.setOrdinate(i, 1, (seq.getY(i) - lat) * METRES_PER_DEGREE);
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public boolean isGeometryChanged() {
      return true;
    }
  }
}
