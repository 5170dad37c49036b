package org.citytwin.flood;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.Raster;

/**
 * Renders a depth raster as 256 × 256 PNG map tiles of the WebMercatorQuad tile matrix set (the
 * {@code z/x/y} scheme of web maps, EPSG:3857, row 0 at the north). Each pixel takes the depth of
 * the grid cell under its centre (pixel centre → longitude, latitude → the grid's metric frame);
 * dry cells (below {@link #MIN_DEPTH_METRES}), NODATA and everything outside the grid are fully
 * transparent. Colours follow a blue ramp, {@link #colour(double)}; the same tiles of another
 * quantity (speed) take its own {@link ColourRamp}, below whose first stop pixels are transparent.
 */
public final class DepthTiles {
  /** Tile side in pixels. */
  public static final int SIZE = 256;

  /** Shallower water is drawn as dry. */
  public static final double MIN_DEPTH_METRES = 0.01;

  /** Deepest zoom level accepted. */
  public static final int MAX_ZOOM = 24;

  /** A stop of the depth ramp: from {@code depthMetres} on, pixels blend towards {@code argb}. */
  public record RampStop(double depthMetres, int argb) {}

  /** The depth ramp's stops, shallowest first, for legends (colours between stops are linear). */
  public static List<RampStop> ramp() {
    return ColourRamp.DEPTH.stops().stream().map(s -> new RampStop(s.value(), s.argb())).toList();
  }

  private final LocalMetricFrame frame;
  private final ColourRamp ramp;

  /** A renderer for depth rasters whose grid lies in {@code frame}, in {@link ColourRamp#DEPTH}. */
  public DepthTiles(LocalMetricFrame frame) {
    this(frame, ColourRamp.DEPTH);
  }

  /**
   * A renderer for rasters whose grid lies in {@code frame}, painted with {@code ramp} (for example
   * speeds with {@link ColourRamp#SPEED}).
   */
  public DepthTiles(LocalMetricFrame frame, ColourRamp ramp) {
    this.frame = Objects.requireNonNull(frame, "frame");
    this.ramp = Objects.requireNonNull(ramp, "ramp");
  }

  /**
   * The PNG of tile {@code z/x/y}.
   *
   * @throws IllegalArgumentException when the tile is not in the tile matrix set
   */
  public byte[] render(Raster depth, int z, int x, int y) throws CoordinateConversionException {
    requireTile(z, x, y);
    double[] xyz = pixelCentres(z, x, y);
    frame.toMetric(xyz, 0, SIZE * SIZE);
    GridGeometry g = depth.geometry();
    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
    for (int p = 0; p < SIZE * SIZE; p++) {
      int col = g.colOf(xyz[3 * p]);
      int row = g.rowOf(xyz[3 * p + 1]);
      if (col >= 0 && row >= 0) {
        image.setRGB(p % SIZE, p / SIZE, ramp.colour(depth.value(col, row)));
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding into memory failed", e);
    }
    return png.toByteArray();
  }

  /** Checks {@code 0 <= z <= MAX_ZOOM} and {@code 0 <= x, y < 2^z}. */
  public static void requireTile(int z, int x, int y) {
    if (z < 0 || z > MAX_ZOOM) {
      throw new IllegalArgumentException("zoom " + z + " must be 0.." + MAX_ZOOM);
    }
    long n = 1L << z;
    if (x < 0 || x >= n || y < 0 || y >= n) {
      throw new IllegalArgumentException(
          "tile " + x + "/" + y + " must have x and y in 0.." + (n - 1) + " at zoom " + z);
    }
  }

  /** lon, lat, 0 of every pixel centre, row by row from the north-west. */
  static double[] pixelCentres(int z, int x, int y) {
    double n = 1L << z;
    double[] xyz = new double[SIZE * SIZE * 3];
    for (int py = 0; py < SIZE; py++) {
      double mercatorY = Math.PI * (1 - 2 * (y + (py + 0.5) / SIZE) / n);
      double lat = Math.toDegrees(Math.atan(Math.sinh(mercatorY)));
      for (int px = 0; px < SIZE; px++) {
        int i = 3 * (py * SIZE + px);
        xyz[i] = (x + (px + 0.5) / SIZE) / n * 360 - 180;
        xyz[i + 1] = lat;
      }
    }
    return xyz;
  }

  /** ARGB of a depth in {@link ColourRamp#DEPTH}: transparent when dry (or NaN). */
  public static int colour(double depthMetres) {
    return ColourRamp.DEPTH.colour(depthMetres);
  }
}
