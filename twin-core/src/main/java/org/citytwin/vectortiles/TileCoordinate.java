package org.citytwin.vectortiles;

import org.locationtech.jts.geom.Envelope;

/**
 * One tile of the WebMercatorQuad tile matrix set (OGC 17-083r4), as web maps number them: zoom
 * {@code z} has 2^z by 2^z tiles, {@code x} counts columns from longitude -180 eastwards and {@code
 * y} rows from the north edge (latitude 85.05) southwards.
 */
public record TileCoordinate(int zoom, int x, int y) {
  /** The deepest zoom a tile may have (2^30 columns still fit an int). */
  public static final int DEEPEST_ZOOM = 30;

  public TileCoordinate {
    if (zoom < 0 || zoom > DEEPEST_ZOOM) {
      throw new IllegalArgumentException(
          "zoom " + zoom + " is outside 0.." + DEEPEST_ZOOM + " of WebMercatorQuad");
    }
    int size = 1 << zoom;
    if (x < 0 || x >= size) {
      throw new IllegalArgumentException(
          "column x " + x + " is outside 0.." + (size - 1) + " at zoom " + zoom);
    }
    if (y < 0 || y >= size) {
      throw new IllegalArgumentException(
          "row y " + y + " is outside 0.." + (size - 1) + " at zoom " + zoom);
    }
  }

  /** The tile at {@code zoom} that holds the point (its west and north edges belong to it). */
  public static TileCoordinate containing(double lon, double lat, int zoom) {
    int size = 1 << zoom;
    double tileMetres = tileMetres(zoom);
    int column =
        (int) Math.floor((WebMercator.x(lon) + WebMercator.HALF_WORLD_METRES) / tileMetres);
    int row = (int) Math.floor((WebMercator.HALF_WORLD_METRES - WebMercator.y(lat)) / tileMetres);
    return new TileCoordinate(
        zoom, Math.max(0, Math.min(size - 1, column)), Math.max(0, Math.min(size - 1, row)));
  }

  /** The width of a tile at {@code zoom} in Web Mercator metres. */
  public static double tileMetres(int zoom) {
    return 2 * WebMercator.HALF_WORLD_METRES / (1L << zoom);
  }

  /** The tile's square in Web Mercator metres. */
  public Envelope mercatorEnvelope() {
    double size = tileMetres(zoom);
    double minX = -WebMercator.HALF_WORLD_METRES + x * size;
    double maxY = WebMercator.HALF_WORLD_METRES - y * size;
    return new Envelope(minX, minX + size, maxY - size, maxY);
  }

  @Override
  public String toString() {
    return zoom + "/" + x + "/" + y;
  }
}
