package org.citytwin.tiles;

/**
 * Conversions between WGS 84 geodetic coordinates (degrees, ellipsoidal metres) and earth-centred,
 * earth-fixed (ECEF, EPSG:4978) metres. JGD2011 and WGS 84 (G1762) agree to a few centimetres,
 * below what a building tile shows, so JGD2011 coordinates go in unchanged.
 */
public final class Wgs84 {
  /** Semi-major axis in metres. */
  public static final double A = 6378137.0;

  /** Flattening. */
  public static final double F = 1 / 298.257223563;

  /** First eccentricity squared. */
  public static final double E2 = F * (2 - F);

  private Wgs84() {}

  /** Writes the ECEF x, y, z of a geodetic point into {@code out[0..2]}. */
  public static void toEcef(double lon, double lat, double height, double[] out) {
    double lambda = Math.toRadians(lon);
    double phi = Math.toRadians(lat);
    double sinPhi = Math.sin(phi);
    double cosPhi = Math.cos(phi);
    double n = A / Math.sqrt(1 - E2 * sinPhi * sinPhi);
    out[0] = (n + height) * cosPhi * Math.cos(lambda);
    out[1] = (n + height) * cosPhi * Math.sin(lambda);
    out[2] = (n * (1 - E2) + height) * sinPhi;
  }

  /**
   * Writes lon, lat (degrees) and ellipsoidal height (metres) of an ECEF point into {@code
   * out[0..2]}; iterates to well below a millimetre for points near the surface.
   */
  public static void toGeodetic(double x, double y, double z, double[] out) {
    double p = Math.hypot(x, y);
    double phi = Math.atan2(z, p * (1 - E2));
    double height = 0;
    for (int i = 0; i < 8; i++) {
      double sinPhi = Math.sin(phi);
      double n = A / Math.sqrt(1 - E2 * sinPhi * sinPhi);
      height = p / Math.cos(phi) - n;
      phi = Math.atan2(z, p * (1 - E2 * n / (n + height)));
    }
    out[0] = Math.toDegrees(Math.atan2(y, x));
    out[1] = Math.toDegrees(phi);
    out[2] = height;
  }
}
