package org.citytwin.http.tiles;

import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.citytwin.http.HttpProblem;
import org.citytwin.vectortiles.TileCoordinate;
import org.citytwin.vectortiles.VectorTileEncoder;

/**
 * The {@code {z}/{x}/{y}.mvt} part of a vector tile URL. Text that is not a whole number is a bad
 * request (400) naming the part; numbers outside the tile matrix, or zooms deeper than the tiles
 * go, name a tile that does not exist (404), as OGC API - Tiles asks.
 */
final class TilePath {
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,10}");
  private static final String SUFFIX = ".mvt";

  private TilePath() {}

  static TileCoordinate parse(Context ctx) {
    String file = ctx.pathParam("y");
    if (!file.endsWith(SUFFIX)) {
      throw HttpProblem.notFound("no vector tile '" + file + "'; tile names end in " + SUFFIX);
    }
    long zoom = integer("z", ctx.pathParam("z"));
    long x = integer("x", ctx.pathParam("x"));
    long y = integer("y", file.substring(0, file.length() - SUFFIX.length()));
    if (zoom > VectorTileEncoder.MAX_ZOOM) {
      throw HttpProblem.notFound(
          "zoom z "
              + zoom
              + " is deeper than the tiles go ("
              + VectorTileEncoder.MAX_ZOOM
              + ", the TileJSON maxzoom); clients overzoom those tiles");
    }
    if (zoom < 0 || x < 0 || y < 0 || x > Integer.MAX_VALUE || y > Integer.MAX_VALUE) {
      throw HttpProblem.notFound(
          "tile " + zoom + "/" + x + "/" + y + " is outside the WebMercatorQuad tile matrix");
    }
    try {
      return new TileCoordinate((int) zoom, (int) x, (int) y);
    } catch (IllegalArgumentException e) {
      throw HttpProblem.notFound("no tile " + zoom + "/" + x + "/" + y + ": " + e.getMessage());
    }
  }

  private static long integer(String part, String text) {
    if (!INTEGER.matcher(text).matches()) {
      throw HttpProblem.badParameter(
          part, "tile " + part + " '" + text + "' is not a whole number");
    }
    return Long.parseLong(text);
  }
}
