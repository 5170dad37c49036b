package org.citytwin.crs;

/**
 * Textbook inverse projections on GRS 80 (J. P. Snyder, Map Projections: A Working Manual, USGS
 * Professional Paper 1395, 1987), written independently of SIS to check what SIS computes. ETRS89
 * and RGF93 use GRS 80; the difference to the WGS 84 ellipsoid (0.1 mm in b) is negligible.
 */
final class ProjectionOracle {

  private static final double A = 6378137.0;
  private static final double F = 1 / 298.257222101;
  private static final double E2 = F * (2 - F);
  private static final double E = Math.sqrt(E2);

  private ProjectionOracle() {}

  /**
   * Inverse transverse Mercator, Snyder eq. 8-12 to 8-25: {lon, lat} in degrees. Its series are
   * accurate to better than 1e-8 degree within 3 degrees of the central meridian.
   */
  static double[] inverseUtm(int zone, double easting, double northing) {
    double k0 = 0.9996;
    double ep2 = E2 / (1 - E2);
    double mu = northing / k0 / (A * (1 - E2 / 4 - 3 * E2 * E2 / 64 - 5 * E2 * E2 * E2 / 256));
    double e1 = (1 - Math.sqrt(1 - E2)) / (1 + Math.sqrt(1 - E2));
    double phi1 =
        mu
            + (3 * e1 / 2 - 27 * Math.pow(e1, 3) / 32) * Math.sin(2 * mu)
            + (21 * e1 * e1 / 16 - 55 * Math.pow(e1, 4) / 32) * Math.sin(4 * mu)
            + (151 * Math.pow(e1, 3) / 96) * Math.sin(6 * mu)
            + (1097 * Math.pow(e1, 4) / 512) * Math.sin(8 * mu);
    double sin1 = Math.sin(phi1);
    double c1 = ep2 * Math.cos(phi1) * Math.cos(phi1);
    double t1 = Math.tan(phi1) * Math.tan(phi1);
    double n1 = A / Math.sqrt(1 - E2 * sin1 * sin1);
    double r1 = A * (1 - E2) / Math.pow(1 - E2 * sin1 * sin1, 1.5);
    double d = (easting - 500000) / (n1 * k0);
    double lat =
        phi1
            - (n1 * Math.tan(phi1) / r1)
                * (d * d / 2
                    - (5 + 3 * t1 + 10 * c1 - 4 * c1 * c1 - 9 * ep2) * Math.pow(d, 4) / 24
                    + (61 + 90 * t1 + 298 * c1 + 45 * t1 * t1 - 252 * ep2 - 3 * c1 * c1)
                        * Math.pow(d, 6)
                        / 720);
    double lon =
        (d
                - (1 + 2 * t1 + c1) * Math.pow(d, 3) / 6
                + (5 - 2 * c1 + 28 * t1 - 3 * c1 * c1 + 8 * ep2 + 24 * t1 * t1)
                    * Math.pow(d, 5)
                    / 120)
            / Math.cos(phi1);
    return new double[] {zone * 6 - 183 + Math.toDegrees(lon), Math.toDegrees(lat)};
  }

  /**
   * Inverse Lambert conformal conic with two standard parallels, Snyder eq. 15-9 to 15-11 and 7-9
   * iterated to convergence: exact up to rounding. Arguments in degrees and metres.
   */
  static double[] inverseLambert(
      double lat0,
      double lon0,
      double lat1,
      double lat2,
      double falseEasting,
      double falseNorthing,
      double easting,
      double northing) {
    double m1 = m(Math.toRadians(lat1));
    double m2 = m(Math.toRadians(lat2));
    double t1 = t(Math.toRadians(lat1));
    double t2 = t(Math.toRadians(lat2));
    double n = (Math.log(m1) - Math.log(m2)) / (Math.log(t1) - Math.log(t2));
    double f = m1 / (n * Math.pow(t1, n));
    double rho0 = A * f * Math.pow(t(Math.toRadians(lat0)), n);
    double x = easting - falseEasting;
    double y = rho0 - (northing - falseNorthing);
    double rho = Math.hypot(x, y);
    double t = Math.pow(rho / (A * f), 1 / n);
    double lon = Math.toRadians(lon0) + Math.atan2(x, y) / n;
    double lat = Math.PI / 2 - 2 * Math.atan(t);
    for (int i = 0; i < 20; i++) {
      double esin = E * Math.sin(lat);
      lat = Math.PI / 2 - 2 * Math.atan(t * Math.pow((1 - esin) / (1 + esin), E / 2));
    }
    return new double[] {Math.toDegrees(lon), Math.toDegrees(lat)};
  }

  private static double m(double phi) {
    double sin = Math.sin(phi);
    return Math.cos(phi) / Math.sqrt(1 - E2 * sin * sin);
  }

  private static double t(double phi) {
    double esin = E * Math.sin(phi);
    return Math.tan(Math.PI / 4 - phi / 2) / Math.pow((1 - esin) / (1 + esin), E / 2);
  }
}
