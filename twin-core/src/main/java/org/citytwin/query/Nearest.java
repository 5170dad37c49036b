package org.citytwin.query;

/**
 * Selects the {@code k} matching objects whose footprints are nearest to a point, nearest first,
 * with distance measured as {@link GroundDistance} does.
 */
public record Nearest(double lon, double lat, int k) {

  public Nearest {
    Degrees.requireLongitude(lon, "nearest point longitude");
    Degrees.requireLatitude(lat, "nearest point latitude");
    if (k < 1) {
      throw new IllegalArgumentException("nearest count k must be >= 1, was " + k);
    }
  }
}
