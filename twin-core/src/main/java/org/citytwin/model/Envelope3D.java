package org.citytwin.model;

/** An axis-aligned box in the canonical frame: degrees for lon/lat, metres for height. */
public record Envelope3D(
    double minLon,
    double minLat,
    double minHeight,
    double maxLon,
    double maxLat,
    double maxHeight) {

  public Envelope3D {
    if (!(minLon <= maxLon) || !(minLat <= maxLat) || !(minHeight <= maxHeight)) {
      throw new IllegalArgumentException(
          "envelope min must be <= max: ("
              + minLon
              + ", "
              + minLat
              + ", "
              + minHeight
              + ") .. ("
              + maxLon
              + ", "
              + maxLat
              + ", "
              + maxHeight
              + ")");
    }
  }

  public static Envelope3D of(
      double minLon,
      double minLat,
      double minHeight,
      double maxLon,
      double maxLat,
      double maxHeight) {
    return new Envelope3D(minLon, minLat, minHeight, maxLon, maxLat, maxHeight);
  }

  public boolean intersects(Envelope3D other) {
    return minLon <= other.maxLon
        && other.minLon <= maxLon
        && minLat <= other.maxLat
        && other.minLat <= maxLat
        && minHeight <= other.maxHeight
        && other.minHeight <= maxHeight;
  }

  public Envelope3D union(Envelope3D other) {
    return new Envelope3D(
        Math.min(minLon, other.minLon),
        Math.min(minLat, other.minLat),
        Math.min(minHeight, other.minHeight),
        Math.max(maxLon, other.maxLon),
        Math.max(maxLat, other.maxLat),
        Math.max(maxHeight, other.maxHeight));
  }
}
