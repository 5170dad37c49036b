package org.citytwin.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The frames tiles are written in: geoid, ECEF, east/north/up, and quadtree paths. */
class GeometryFramesTest {

  /**
   * Expected values from PROJ 9.1.1 with the same grid: {@code echo "LON LAT 0" | cct -d 4
   * +proj=vgridshift +grids=egm96_15.gtx +multiplier=1}.
   */
  @ParameterizedTest
  @CsvSource({"135.45, 34.62, 37.0546", "139.7671, 35.6812, 36.4440", "0.0, 0.0, 17.1616"})
  void egm96MatchesProj(double lon, double lat, double expected) throws Exception {
    assertTrue(
        Files.isReadable(GeoidModel.DEBIAN_EGM96),
        "install Debian's proj-data for " + GeoidModel.DEBIAN_EGM96);
    GeoidModel egm96 = GeoidModel.grid(GeoidModel.DEBIAN_EGM96);
    assertEquals(expected, egm96.undulationMetres(lon, lat), 0.001);
  }

  @Test
  void ecefRoundTripIsExactToAMillimetreOverSeededPoints() {
    Random random = new Random(42);
    double[] ecef = new double[3];
    double[] back = new double[3];
    for (int i = 0; i < 10_000; i++) {
      double lon = random.nextDouble() * 360 - 180;
      double lat = random.nextDouble() * 178 - 89;
      double height = random.nextDouble() * 10_000 - 500;
      Wgs84.toEcef(lon, lat, height, ecef);
      Wgs84.toGeodetic(ecef[0], ecef[1], ecef[2], back);
      assertEquals(lon, back[0], 1e-9);
      assertEquals(lat, back[1], 1e-9);
      assertEquals(height, back[2], 1e-3);
    }
  }

  @Test
  void enuFrameUpPointsAwayFromTheEllipsoid() {
    EnuFrame frame = EnuFrame.at(135.45, 34.62, 40);
    double[] local = new double[3];
    frame.toLocal(135.45, 34.62, 140, local);
    assertEquals(0, local[0], 1e-6);
    assertEquals(0, local[1], 1e-6);
    assertEquals(100, local[2], 1e-6);
    frame.toLocal(135.46, 34.62, 40, local);
    assertTrue(local[0] > 900 && Math.abs(local[1]) < 1, "0.01 degree east is ~916 m east");
  }

  @Test
  void tilePathsNameQuadrantsAndEveryPointHasOneLeafPerLevel() {
    LonLatBounds root = new LonLatBounds(135.0, 34.0, 136.0, 35.0);
    assertEquals(TileId.parse("t03"), TileId.root().child(0).child(3));
    assertEquals(new LonLatBounds(135.25, 34.25, 135.5, 34.5), TileId.parse("t03").bounds(root));
    assertTrue(TileId.parse("t3").contains(root, 136.0, 35.0), "the root's max corner is inside");
    assertFalse(TileId.parse("t0").contains(root, 135.5, 34.2), "centre lines go east");
    assertThrows(IllegalArgumentException.class, () -> TileId.parse("t4"));
    assertThrows(IllegalArgumentException.class, () -> TileId.parse("012"));
  }
}
