package org.citytwin.http.ogc;

/**
 * An independent oracle for the JGD2011 plane rectangular zones: the transverse Mercator forward
 * projection by Krüger's series in the third flattening n, to n^4, on the GRS80 ellipsoid with the
 * scale factor 0.9999 of the Japanese zones (Kawase 2011, as published by the Geospatial
 * Information Authority of Japan). Accurate to well under a millimetre within a zone.
 */
final class GaussKruger {
  private static final double A = 6_378_137.0;
  private static final double F = 298.257222101;
  private static final double SCALE = 0.9999;

  private GaussKruger() {}

  /** (northing, easting) in metres in zone VI (origin 36°N 136°E, EPSG:6674). */
  static double[] zoneSix(double latitude, double longitude) {
    return project(latitude, longitude, 36, 136);
  }

  static double[] project(double latitude, double longitude, double originLat, double originLon) {
    double n = 1 / (2 * F - 1);
    double n2 = n * n;
    double n3 = n2 * n;
    double n4 = n3 * n;
    double[] alpha = {
      0,
      n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180,
      13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440,
      61 * n3 / 240 - 103 * n4 / 140,
      49561 * n4 / 161280
    };
    double radius = SCALE * A / (1 + n) * (1 + n2 / 4 + n4 / 64);
    double phi = Math.toRadians(latitude);
    double dLambda = Math.toRadians(longitude - originLon);
    double k = 2 * Math.sqrt(n) / (1 + n);
    double t = Math.sinh(atanh(Math.sin(phi)) - k * atanh(k * Math.sin(phi)));
    double xi = Math.atan2(t, Math.cos(dLambda));
    double eta = atanh(Math.sin(dLambda) / Math.sqrt(1 + t * t));
    double x = xi;
    double y = eta;
    for (int j = 1; j <= 4; j++) {
      x += alpha[j] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
      y += alpha[j] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
    }
    return new double[] {radius * x - meridianArc(Math.toRadians(originLat), n), radius * y};
  }

  /** The scaled meridian arc from the equator to latitude {@code phi0}. */
  private static double meridianArc(double phi0, double n) {
    double n2 = n * n;
    double n3 = n2 * n;
    double n4 = n3 * n;
    double n5 = n4 * n;
    double[] coefficients = {
      1 + n2 / 4 + n4 / 64,
      -1.5 * (n - n3 / 8 - n5 / 64),
      15.0 / 16 * (n2 - n4 / 4),
      -35.0 / 48 * (n3 - 5 * n5 / 16),
      315.0 / 512 * n4,
      -693.0 / 1280 * n5
    };
    double sum = coefficients[0] * phi0;
    for (int j = 1; j <= 5; j++) {
      sum += coefficients[j] * Math.sin(2 * j * phi0);
    }
    return SCALE * A / (1 + n) * sum;
  }

  private static double atanh(double x) {
    return 0.5 * Math.log((1 + x) / (1 - x));
  }
}
