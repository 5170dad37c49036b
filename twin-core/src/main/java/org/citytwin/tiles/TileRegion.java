package org.citytwin.tiles;

import org.citytwin.model.Envelope3D;

/**
 * A 3D Tiles {@code region} bounding volume: west, south, east, north in radians and ellipsoidal
 * heights in metres. Made from a content box in the store's frame (orthometric heights) by adding
 * the geoid height sampled at its corners and centre, then a margin: {@link #MARGIN_RADIANS} (about
 * 0.6 m) around and {@link #MARGIN_METRES} above and below, which covers the geoid's variation
 * between the samples (EGM96 changes by centimetres per kilometre) and float rounding.
 */
public record TileRegion(
    double west, double south, double east, double north, double minHeight, double maxHeight) {
  public static final double MARGIN_RADIANS = 1e-7;
  public static final double MARGIN_METRES = 1.0;

  public static TileRegion of(Envelope3D content, GeoidModel geoid) {
    double minN = Double.MAX_VALUE;
    double maxN = -Double.MAX_VALUE;
    double[][] samples = {
      {content.minLon(), content.minLat()},
      {content.maxLon(), content.minLat()},
      {content.minLon(), content.maxLat()},
      {content.maxLon(), content.maxLat()},
      {(content.minLon() + content.maxLon()) / 2, (content.minLat() + content.maxLat()) / 2}
    };
    for (double[] sample : samples) {
      double n = geoid.undulationMetres(sample[0], sample[1]);
      minN = Math.min(minN, n);
      maxN = Math.max(maxN, n);
    }
    return new TileRegion(
        Math.toRadians(content.minLon()) - MARGIN_RADIANS,
        Math.toRadians(content.minLat()) - MARGIN_RADIANS,
        Math.toRadians(content.maxLon()) + MARGIN_RADIANS,
        Math.toRadians(content.maxLat()) + MARGIN_RADIANS,
        content.minHeight() + minN - MARGIN_METRES,
        content.maxHeight() + maxN + MARGIN_METRES);
  }

  /** Whether a geodetic point (degrees, ellipsoidal metres) lies inside. */
  public boolean contains(double lon, double lat, double ellipsoidalHeight) {
    double lambda = Math.toRadians(lon);
    double phi = Math.toRadians(lat);
    return lambda >= west
        && lambda <= east
        && phi >= south
        && phi <= north
        && ellipsoidalHeight >= minHeight
        && ellipsoidalHeight <= maxHeight;
  }

  /** The frame a tile's content is written in: at the region's centre, on its floor. */
  public EnuFrame frame() {
    return EnuFrame.at(
        Math.toDegrees((west + east) / 2), Math.toDegrees((south + north) / 2), minHeight);
  }

  /** The diagonal of the region's ground rectangle in metres (spherical approximation). */
  public double diagonalMetres() {
    double eastWest = (east - west) * Wgs84.A * Math.cos((south + north) / 2);
    double southNorth = (north - south) * Wgs84.A;
    return Math.hypot(eastWest, southNorth);
  }

  double[] toArray() {
    return new double[] {west, south, east, north, minHeight, maxHeight};
  }
}
