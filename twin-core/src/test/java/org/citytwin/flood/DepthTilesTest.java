package org.citytwin.flood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.Raster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DepthTilesTest {

  @Test
  void dryAndNoDataAreTransparentWetIsOpaqueAndDarkensWithDepth() {
    assertEquals(0, DepthTiles.colour(Double.NaN));
    assertEquals(0, DepthTiles.colour(0.009));
    int previousBlue = 256;
    int previousAlpha = 0;
    for (double d = 0.01; d < 4; d += 0.05) {
      int argb = DepthTiles.colour(d);
      int alpha = argb >>> 24;
      int blue = argb & 0xff;
      assertTrue(alpha >= previousAlpha && alpha > 0, "alpha grows with depth at " + d);
      assertTrue(blue <= previousBlue, "darker with depth at " + d);
      previousAlpha = alpha;
      previousBlue = blue;
    }
  }

  /**
   * Readable over a grey or green globe: every wet colour is a clear blue (blue channel at least 50
   * above red and green, so never a pale grey-blue) and at least half opaque.
   */
  @Test
  void everyWetColourIsASaturatedBlueAtLeastHalfOpaque() {
    for (double d = 0.01; d < 4; d += 0.01) {
      int argb = DepthTiles.colour(d);
      int red = argb >>> 16 & 0xff;
      int green = argb >>> 8 & 0xff;
      int blue = argb & 0xff;
      assertTrue(blue - Math.max(red, green) >= 50, "not a clear blue at " + d + " m");
      assertTrue((argb >>> 24) >= 128, "less than half opaque at " + d + " m");
    }
  }

  @Test
  void theRampForLegendsHasTheColoursOfItsStops() {
    List<DepthTiles.RampStop> ramp = DepthTiles.ramp();
    assertEquals(DepthTiles.MIN_DEPTH_METRES, ramp.get(0).depthMetres());
    for (int i = 0; i < ramp.size(); i++) {
      DepthTiles.RampStop stop = ramp.get(i);
      assertEquals(DepthTiles.colour(stop.depthMetres()), stop.argb());
      assertTrue(i == 0 || stop.depthMetres() > ramp.get(i - 1).depthMetres(), "ascending");
    }
  }

  /**
   * A 200 m square grid in JGD2011 zone VI around Osaka Castle, 1 m deep in its west half and dry
   * in its east half. At zoom 17 (pixels of about 1 m) the pixel 50 m west of the centre is wet,
   * the one 50 m east is transparent, and one 500 m away is outside the grid.
   */
  @Test
  void pixelsShowTheDepthOfTheCellUnderThem() throws Exception {
    LocalMetricFrame frame = LocalMetricFrame.ofEpsg(6674);
    double[] centre = {135.5259, 34.6873, 0};
    frame.toMetric(centre, 0, 1);
    GridGeometry g = GridGeometry.of(centre[0] - 100, centre[1] - 100, 5, 40, 40);
    float[] depth = new float[g.cellCount()];
    for (int i = 0; i < depth.length; i++) {
      depth[i] = i % 40 < 20 ? 1f : 0f;
    }
    Raster raster = Raster.of(g, depth);
    assertEquals(DepthTiles.colour(1.0), pixel(frame, raster, centre[0] - 50, centre[1]));
    assertEquals(0, pixel(frame, raster, centre[0] + 50, centre[1]));
    assertEquals(0, pixel(frame, raster, centre[0] - 500, centre[1]));
  }

  /** The ARGB of the zoom-17 pixel over a metric position, rendered through a PNG. */
  private static int pixel(LocalMetricFrame frame, Raster raster, double x, double y)
      throws Exception {
    double[] p = {x, y, 0};
    frame.fromMetric(p, 0, 1);
    int z = 17;
    double n = 1 << z;
    double tx = (p[0] + 180) / 360 * n;
    double lat = Math.toRadians(p[1]);
    double ty = (1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n;
    byte[] png = new DepthTiles(frame).render(raster, z, (int) tx, (int) ty);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(DepthTiles.SIZE, image.getWidth());
    return image.getRGB((int) ((tx - Math.floor(tx)) * 256), (int) ((ty - Math.floor(ty)) * 256));
  }

  @ParameterizedTest
  @CsvSource({"-1, 0, 0", "25, 0, 0", "2, 4, 0", "2, 0, -1", "0, 1, 0"})
  void tilesOutsideTheMatrixAreRefused(int z, int x, int y) {
    assertThrows(IllegalArgumentException.class, () -> DepthTiles.requireTile(z, x, y));
  }
}
