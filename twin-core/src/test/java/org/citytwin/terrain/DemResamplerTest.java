package org.citytwin.terrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.citytwin.crs.LocalMetricFrame;
import org.junit.jupiter.api.Test;

/**
 * DEM resampling against answers known exactly: planes (bilinear and aligned area averages
 * reproduce them, also across CRSs), the ground volume of an area average, and NODATA cells.
 */
class DemResamplerTest {
  static final LocalMetricFrame JGD_VI = LocalMetricFrame.ofEpsg(6674);
  // Osaka in JGD2011 zone VI: about 135.5E, 34.7N.
  static final double X0 = -45_000;
  static final double Y0 = -145_002; // a multiple of 1.5, 2 and 6: the lattices align

  static double plane(double x, double y) {
    return 0.03 * (x - X0) - 0.02 * (y - Y0) + 12;
  }

  /** A DEM of {@code cell} metres holding the plane at its cell centres. */
  static Raster planeDem(double cell, int ncols, int nrows) {
    GridGeometry g = GridGeometry.of(X0, Y0, cell, ncols, nrows);
    float[] z = new float[g.cellCount()];
    for (int r = 0; r < nrows; r++) {
      for (int c = 0; c < ncols; c++) {
        z[r * ncols + c] = (float) plane(g.centreX(c), g.centreY(r));
      }
    }
    return Raster.of(g, z);
  }

  @Test
  void aPlaneIsReproducedAtThreeCellSizes() throws Exception {
    Raster dem = planeDem(2, 150, 120); // 300 m x 240 m
    for (double cell : new double[] {1, 1.5, 6}) {
      GridGeometry target = DemResampler.runGrid(dem.geometry(), JGD_VI, JGD_VI, cell);
      DemResampler.Resampled out = DemResampler.resample(dem, JGD_VI, target, JGD_VI);
      assertEquals(
          cell > 2 ? DemResampler.Method.AREA_AVERAGE : DemResampler.Method.BILINEAR, out.method());
      assertFalse(out.reprojected());
      int checked = 0;
      double worst = 0;
      for (int r = 0; r < target.nrows(); r++) {
        for (int c = 0; c < target.ncols(); c++) {
          float v = out.raster().value(c, r);
          assertFalse(Float.isNaN(v), "cell " + c + "," + r + " at " + cell + " m");
          worst = Math.max(worst, Math.abs(v - plane(target.centreX(c), target.centreY(r))));
          checked++;
        }
      }
      // Float elevations of 12..21 m carry about 1e-6 m; the sums add a little.
      assertTrue(worst < 1e-4, cell + " m: off the plane by " + worst);
      assertEquals(target.cellCount(), checked);
      System.out.printf("plane at %s m: %s, worst %.2e m%n", cell, out.describe(), worst);
    }
  }

  @Test
  void aPlaneIsReproducedInAnotherCrs() throws Exception {
    Raster dem = planeDem(2, 150, 120);
    LocalMetricFrame utm = LocalMetricFrame.ofEpsg(32653);
    GridGeometry target = DemResampler.runGrid(dem.geometry(), JGD_VI, utm, 1);
    DemResampler.Resampled out = DemResampler.resample(dem, JGD_VI, target, utm);
    assertTrue(out.reprojected());
    assertEquals(DemResampler.Method.BILINEAR, out.method());
    double[] p = new double[3];
    double worst = 0;
    int inside = 0;
    for (int r = 0; r < target.nrows(); r++) {
      for (int c = 0; c < target.ncols(); c++) {
        p[0] = target.centreX(c);
        p[1] = target.centreY(r);
        p[2] = 0;
        utm.fromMetric(p, 0, 1);
        JGD_VI.toMetric(p, 0, 1);
        float v = out.raster().value(c, r);
        boolean onDem = dem.geometry().colOf(p[0]) >= 0 && dem.geometry().rowOf(p[1]) >= 0;
        GridGeometry d = dem.geometry();
        double edge =
            Math.min(
                Math.min(Math.abs(p[0] - d.originX()), Math.abs(p[0] - d.originX() - 300)),
                Math.min(Math.abs(p[1] - d.originY()), Math.abs(p[1] - d.originY() - 240)));
        if (edge < 1e-3) {
          continue; // within a millimetre of the DEM's edge: either answer is right
        }
        assertEquals(onDem, !Float.isNaN(v), "cell " + c + "," + r);
        if (onDem) {
          inside++;
          worst = Math.max(worst, Math.abs(v - plane(p[0], p[1])));
        }
      }
    }
    assertTrue(inside > 60_000, inside + " cells on the DEM");
    assertTrue(worst < 1e-4, "off the plane by " + worst);
  }

  @Test
  void anAreaAverageKeepsTheGroundVolume() throws Exception {
    Random random = new Random(7);
    GridGeometry g = GridGeometry.of(X0, Y0, 1, 97, 83);
    float[] z = new float[g.cellCount()];
    double sum = 0;
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) (5 + 10 * random.nextDouble());
      sum += z[i];
    }
    Raster dem = Raster.of(g, z);
    // Aligned, 5 cells per side on a 95 x 80 part: the mean of the means is the mean.
    GridGeometry aligned = GridGeometry.of(X0, Y0 + 3, 5, 19, 16);
    float[] means = DemResampler.resample(dem, JGD_VI, aligned, JGD_VI).raster().values();
    double part = 0;
    for (int r = 0; r < 80; r++) {
      for (int c = 0; c < 95; c++) {
        part += z[r * 97 + c];
      }
    }
    double meanOfMeans = 0;
    for (float m : means) {
      meanOfMeans += m;
    }
    assertEquals(part / (95 * 80), meanOfMeans / means.length, 1e-5);
    // Shifted by 0.3 m and overhanging the DEM: each mean times the DEM area under its cell adds
    // up to the DEM's volume.
    GridGeometry shifted = GridGeometry.of(X0 - 0.3, Y0 - 0.3, 5, 21, 18);
    DemResampler.Resampled out = DemResampler.resample(dem, JGD_VI, shifted, JGD_VI);
    assertEquals(DemResampler.Method.AREA_AVERAGE, out.method());
    double volume = 0;
    for (int r = 0; r < shifted.nrows(); r++) {
      for (int c = 0; c < shifted.ncols(); c++) {
        double west = shifted.originX() + c * 5;
        double south = shifted.originY() + (shifted.nrows() - r - 1) * 5;
        double dx = Math.min(west + 5, X0 + 97) - Math.max(west, X0);
        double dy = Math.min(south + 5, Y0 + 83) - Math.max(south, Y0);
        float v = out.raster().value(c, r);
        if (dx > 0 && dy > 0) {
          volume += v * dx * dy;
        } else {
          assertTrue(Float.isNaN(v), "a cell beside the DEM has no ground");
        }
      }
    }
    assertEquals(sum, volume, sum * 1e-6);
  }

  @Test
  void nodataStaysNodataWhereAllSourcesAreAndIsLeftOutWhereSomeAre() throws Exception {
    GridGeometry g = GridGeometry.of(X0, Y0, 1, 10, 10);
    float[] z = new float[100];
    for (int i = 0; i < z.length; i++) {
      z[i] = 10 + i % 10; // rises eastwards by 1 m per cell
    }
    for (int r = 0; r < 5; r++) {
      for (int c = 0; c < 5; c++) {
        z[r * 10 + c] = Float.NaN; // the north-west 5 x 5 block
      }
    }
    z[9 * 10 + 9] = Float.NaN; // one cell in the south-east block
    Raster dem = Raster.of(g, z);
    GridGeometry coarse = GridGeometry.of(X0, Y0, 5, 2, 2);
    Raster out = DemResampler.resample(dem, JGD_VI, coarse, JGD_VI).raster();
    assertTrue(Float.isNaN(out.value(0, 0)), "all 25 sources NODATA: a wall");
    assertEquals(17, out.value(1, 0), 1e-5, "north-east: columns 5..9 hold 15..19");
    // South-east: 24 valid cells, columns 5..9 with one 19 missing.
    assertEquals((5 * (15 + 16 + 17 + 18 + 19) - 19) / 24.0, out.value(1, 1), 1e-5);
    // Bilinear to 0.5 m: a centre in a NODATA cell is NODATA; beside it the valid ones count.
    GridGeometry fine = GridGeometry.of(X0, Y0, 0.5, 20, 20);
    Raster bilinear = DemResampler.resample(dem, JGD_VI, fine, JGD_VI).raster();
    for (int r = 0; r < 20; r++) {
      for (int c = 0; c < 20; c++) {
        int source = (r / 2) * 10 + c / 2;
        float v = bilinear.value(c, r);
        assertEquals(Float.isNaN(z[source]), Float.isNaN(v), "fine cell " + c + "," + r);
        if (!Float.isNaN(v)) {
          assertTrue(v >= 10 - 0.5 && v <= 19 + 0.5, "within the DEM's range: " + v);
        }
      }
    }
    // Fine column 10, row 0 lies in source column 5, row 0, whose western neighbour is NODATA.
    float besideWall = bilinear.value(10, 0);
    assertEquals(15, besideWall, 1e-5, "only the valid eastern neighbour counts");
  }

  @Test
  void theRunsOwnGridIsUsedAsIs() throws Exception {
    Raster dem = planeDem(5, 20, 10);
    DemResampler.Resampled out =
        DemResampler.resample(dem, JGD_VI, dem.geometry(), LocalMetricFrame.ofEpsg(6674));
    assertEquals(DemResampler.Method.NONE, out.method());
    assertSame(dem, out.raster());
    assertTrue(out.describe().startsWith("DEM used as is"), out.describe());
  }
}
