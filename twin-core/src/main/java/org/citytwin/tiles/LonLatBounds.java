package org.citytwin.tiles;

/** A lon/lat rectangle in degrees, split into quadrants at its centre. */
public record LonLatBounds(double minLon, double minLat, double maxLon, double maxLat) {
  public LonLatBounds {
    if (!(minLon <= maxLon) || !(minLat <= maxLat)) {
      throw new IllegalArgumentException(
          "bounds min must be <= max: lon "
              + minLon
              + ".."
              + maxLon
              + ", lat "
              + minLat
              + ".."
              + maxLat);
    }
  }

  public double centreLon() {
    return (minLon + maxLon) / 2;
  }

  public double centreLat() {
    return (minLat + maxLat) / 2;
  }

  /** The quadrant a point falls in: points on a centre line go east or north. */
  public int quadrantOf(double lon, double lat) {
    return (lon >= centreLon() ? 1 : 0) + (lat >= centreLat() ? 2 : 0);
  }

  /** Quadrant 0 south-west, 1 south-east, 2 north-west, 3 north-east. */
  public LonLatBounds quadrant(int quadrant) {
    double midLon = centreLon();
    double midLat = centreLat();
    boolean east = (quadrant & 1) != 0;
    boolean north = (quadrant & 2) != 0;
    return new LonLatBounds(
        east ? midLon : minLon,
        north ? midLat : minLat,
        east ? maxLon : midLon,
        north ? maxLat : midLat);
  }
}
