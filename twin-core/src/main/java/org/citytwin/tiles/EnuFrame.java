package org.citytwin.tiles;

/**
 * A local east/north/up frame in metres, tangent to the WGS 84 ellipsoid at an origin: the frame a
 * tile's content is written in, placed on the globe by {@link #transform()}. Exact (a rigid motion
 * of ECEF), unlike a flat lon/lat scaling, so content converts back without loss.
 */
public final class EnuFrame {
  private final double[] origin = new double[3];
  private final double[] east;
  private final double[] north;
  private final double[] up;

  private EnuFrame(double lon, double lat, double ellipsoidalHeight) {
    Wgs84.toEcef(lon, lat, ellipsoidalHeight, origin);
    double lambda = Math.toRadians(lon);
    double phi = Math.toRadians(lat);
    double sinL = Math.sin(lambda);
    double cosL = Math.cos(lambda);
    double sinP = Math.sin(phi);
    double cosP = Math.cos(phi);
    east = new double[] {-sinL, cosL, 0};
    north = new double[] {-sinP * cosL, -sinP * sinL, cosP};
    up = new double[] {cosP * cosL, cosP * sinL, sinP};
  }

  /** The frame at a geodetic origin (degrees, ellipsoidal metres). */
  public static EnuFrame at(double lon, double lat, double ellipsoidalHeight) {
    if (!(Math.abs(lat) <= 90) || !Double.isFinite(lon) || !Double.isFinite(ellipsoidalHeight)) {
      throw new IllegalArgumentException(
          "frame origin must be finite with latitude in -90..90, was ("
              + lon
              + ", "
              + lat
              + ", "
              + ellipsoidalHeight
              + ")");
    }
    return new EnuFrame(lon, lat, ellipsoidalHeight);
  }

  /** Writes east, north, up metres of a geodetic point into {@code out[0..2]}. */
  public void toLocal(double lon, double lat, double ellipsoidalHeight, double[] out) {
    Wgs84.toEcef(lon, lat, ellipsoidalHeight, out);
    double dx = out[0] - origin[0];
    double dy = out[1] - origin[1];
    double dz = out[2] - origin[2];
    out[0] = dx * east[0] + dy * east[1] + dz * east[2];
    out[1] = dx * north[0] + dy * north[1] + dz * north[2];
    out[2] = dx * up[0] + dy * up[1] + dz * up[2];
  }

  /** Writes lon, lat, ellipsoidal height of a local east, north, up point into {@code out}. */
  public void toGeodetic(double e, double n, double u, double[] out) {
    double x = origin[0] + e * east[0] + n * north[0] + u * up[0];
    double y = origin[1] + e * east[1] + n * north[1] + u * up[1];
    double z = origin[2] + e * east[2] + n * north[2] + u * up[2];
    Wgs84.toGeodetic(x, y, z, out);
  }

  /**
   * The 4x4 matrix from this frame to ECEF, column-major as 3D Tiles {@code transform} and glTF
   * {@code matrix} expect: columns east, north, up, origin.
   */
  public double[] transform() {
    return new double[] {
      east[0], east[1], east[2], 0,
      north[0], north[1], north[2], 0,
      up[0], up[1], up[2], 0,
      origin[0], origin[1], origin[2], 1
    };
  }
}
