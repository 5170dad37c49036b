package org.citytwin.crs;

/**
 * The origins of the 19 Japan Plane Rectangular CS zones (JGD2011: EPSG:6669 for zone I to 6687 for
 * zone XIX), from the Geospatial Information Authority of Japan's table of the system.
 */
final class JapanZones {
  /** Origin latitude and longitude of zones I..XIX, degrees. */
  private static final double[][] ORIGINS = {
    {33, 129.5},
    {33, 131},
    {36, 132 + 10 / 60.0},
    {33, 133.5},
    {36, 134 + 20 / 60.0},
    {36, 136},
    {36, 137 + 10 / 60.0},
    {36, 138.5},
    {36, 139 + 50 / 60.0},
    {40, 140 + 50 / 60.0},
    {44, 140.25},
    {44, 142.25},
    {44, 144.25},
    {26, 142},
    {26, 127.5},
    {26, 124},
    {26, 131},
    {20, 136},
    {26, 154}
  };

  /** EPSG code of zone I; zone k is this plus k - 1. */
  static final int FIRST_EPSG = 6669;

  private JapanZones() {}

  /** The EPSG code of the zone whose origin is nearest to the place (on a local flat scale). */
  static int nearest(double lon, double lat) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int z = 0; z < ORIGINS.length; z++) {
      double dLat = lat - ORIGINS[z][0];
      double dLon = (lon - ORIGINS[z][1]) * Math.cos(Math.toRadians(lat));
      double d = dLat * dLat + dLon * dLon;
      if (d < bestDistance) {
        bestDistance = d;
        best = z;
      }
    }
    return FIRST_EPSG + best;
  }
}
