package org.citytwin.flood;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
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
 * transparent. Colours follow a blue ramp, {@link #colour(double)}.
 */
public final class DepthTiles {
  /** Tile side in pixels. */
  public static final int SIZE = 256;

  /** Shallower water is drawn as dry. */
  public static final double MIN_DEPTH_METRES = 0.01;

  /** Deepest zoom level accepted. */
  public static final int MAX_ZOOM = 24;

  /**
   * Ramp stops: depth in metres, then red, green, blue, alpha. Saturated blues from sky blue to
   * navy, so that even the shallowest water stands out from a grey or green base map, with the
   * opacity rising with depth (about half at 1 cm, nearly opaque at 3 m) so that shallow water
   * still lets the ground show through. The first palette started at a pale grey-blue (198, 219,
   * 239) that was hard to tell from the globe.
   */
  private static final double[][] RAMP = {
    {0.01, 107, 184, 255, 130},
    {0.1, 49, 140, 240, 165},
    {0.3, 25, 100, 220, 190},
    {0.5, 15, 75, 190, 205},
    {1.0, 10, 50, 150, 220},
    {2.0, 8, 30, 110, 235},
    {3.0, 30, 10, 85, 245}
  };

  /** A stop of the colour ramp: from {@code depthMetres} on, pixels blend towards {@code argb}. */
  public record RampStop(double depthMetres, int argb) {}

  /** The ramp's stops, shallowest first, for legends (colours between stops are linear). */
  public static List<RampStop> ramp() {
    return Arrays.stream(RAMP).map(s -> new RampStop(s[0], colour(s[0]))).toList();
  }

  private final LocalMetricFrame frame;

  /** A renderer for rasters whose grid lies in {@code frame}. */
  public DepthTiles(LocalMetricFrame frame) {
    this.frame = Objects.requireNonNull(frame, "frame");
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
        image.setRGB(p % SIZE, p / SIZE, colour(depth.value(col, row)));
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

  /** ARGB of a depth: transparent when dry or NaN, else linear between the ramp stops. */
  public static int colour(double depthMetres) {
    if (!(depthMetres >= MIN_DEPTH_METRES)) {
      return 0;
    }
    double[] hi = RAMP[RAMP.length - 1];
    if (depthMetres >= hi[0]) {
      return argb(hi, hi, 0);
    }
    int s = 1;
    while (RAMP[s][0] < depthMetres) {
      s++;
    }
    double[] lo = RAMP[s - 1];
    double[] up = RAMP[s];
    return argb(lo, up, (depthMetres - lo[0]) / (up[0] - lo[0]));
  }

  private static int argb(double[] lo, double[] hi, double f) {
    int r = (int) Math.round(lo[1] + f * (hi[1] - lo[1]));
    int g = (int) Math.round(lo[2] + f * (hi[2] - lo[2]));
    int b = (int) Math.round(lo[3] + f * (hi[3] - lo[3]));
    int a = (int) Math.round(lo[4] + f * (hi[4] - lo[4]));
    return a << 24 | r << 16 | g << 8 | b;
  }
}
