package org.citytwin.flood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.Raster;
import org.citytwin.terrain.TerrainGrid;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Leaving out rows that stay dry changes no output: a mostly dry run (a flood wave from a point
 * inflow and a small lake spreading over a tilted plain with a house, a rain zone that starts
 * later, an open edge) gives every output bit for bit the same with and without the shortcut, for
 * one and two threads, while computing clearly fewer rows.
 */
class DryRowSkippingTest {
  private static final int COLS = 40;
  private static final int ROWS = 90;

  @Test
  void skippingDryRowsChangesNoOutputBit() {
    for (int threads = 1; threads <= 2; threads++) {
      FloodSolver computingAll = new FloodSolver(plain(threads)).computingDryRows();
      FloodResult all = computingAll.run(FloodListener.NONE);
      FloodSolver skipping = new FloodSolver(plain(threads));
      FloodResult skipped = skipping.run(FloodListener.NONE);
      String where = threads + " thread(s)";

      assertBitsEqual(all.finalDepth(), skipped.finalDepth(), "final depth, " + where);
      assertBitsEqual(all.maxDepth(), skipped.maxDepth(), "maximum depth, " + where);
      assertBitsEqual(all.maxVelocity(), skipped.maxVelocity(), "maximum speed, " + where);
      assertBitsEqual(
          all.firstInundation(), skipped.firstInundation(), "first inundation, " + where);
      assertEquals(all.steps(), skipped.steps(), where);
      assertEquals(all.simulatedSeconds(), skipped.simulatedSeconds(), where);
      assertEquals(all.massBalance(), skipped.massBalance(), where);
      assertEquals(all.buildings(), skipped.buildings(), where);
      GaugeSeries a = all.gaugeSeries();
      GaugeSeries b = skipped.gaugeSeries();
      assertEquals(a.size(), b.size(), where);
      for (int s = 0; s < a.size(); s++) {
        assertEquals(a.timeSeconds(s), b.timeSeconds(s), where);
        for (int g = 0; g < a.gauges().size(); g++) {
          assertEquals(a.depthMetres(s, g), b.depthMetres(s, g), "gauge " + g + ", " + where);
        }
      }

      long everyCell = (long) COLS * ROWS * all.steps();
      assertEquals(everyCell, computingAll.computedCellUpdates(), where);
      // the wave reaches the far rows late and the rain zone starts at 600 s: many rows are dry
      // for many steps (73 % of the cell updates are computed), so a shortcut that never fired
      // would show here
      assertTrue(
          skipping.computedCellUpdates() < everyCell * 8 / 10,
          skipping.computedCellUpdates() + " of " + everyCell + ", " + where);
      float[] maxDepth = skipped.maxDepth().values();
      // the wave really crossed the plain: 60 rows (300 m) south of the inflow
      assertTrue(maxDepth[60 * COLS + COLS / 3] > 0.05, "wave arrived, " + where);
    }
  }

  private static void assertBitsEqual(Raster expected, Raster actual, String what) {
    float[] e = expected.values();
    float[] a = actual.values();
    assertEquals(e.length, a.length, what);
    int[] eb = new int[e.length];
    int[] ab = new int[a.length];
    for (int i = 0; i < e.length; i++) {
      eb[i] = Float.floatToRawIntBits(e[i]);
      ab[i] = Float.floatToRawIntBits(a[i]);
    }
    assertArrayEquals(eb, ab, what);
  }

  /**
   * A plain falling gently southwards with some roughness, dry but for a small lake in the
   * north-east corner; a point inflow near the north edge ramps up, a house blocks cells in its
   * path, rain falls on a southern patch from 600 s, and the south edge is open.
   */
  private static FloodScenario plain(int threads) {
    GridGeometry g = GridGeometry.of(0, 0, 5, COLS, ROWS);
    float[] z = new float[g.cellCount()];
    float[] level = new float[g.cellCount()];
    java.util.Random random = new java.util.Random(3);
    for (int r = 0; r < ROWS; r++) {
      for (int c = 0; c < COLS; c++) {
        int i = r * COLS + c;
        z[i] = (float) (10 - 0.004 * 5 * r + 0.02 * random.nextDouble());
        level[i] = r < 6 && c >= COLS - 8 ? 10.4f : -1f; // the lake; below the bed elsewhere
      }
    }
    GeometryFactory gf = new GeometryFactory();
    // y grows northwards from the grid's lower-left corner: rows 20-27 and 76-87
    Geometry house = gf.toGeometry(new Envelope(80, 120, 310, 350));
    Geometry rainPatch = gf.toGeometry(new Envelope(20, 180, 10, 70));
    TerrainGrid terrain = TerrainGrid.of(g, z);
    return FloodScenario.builder(terrain)
        .blocked(terrain.blockedBy(java.util.List.of(house)))
        .manning(0.05)
        .initialWaterLevel(Raster.of(g, level))
        .inflow(
            Inflow.at(
                g,
                g.centreX(COLS / 3),
                g.centreY(2),
                TimeSeries.of(new double[] {0, 300, 1200}, new double[] {0, 0, 4})))
        .rain(
            RainZone.within(
                g, rainPatch, TimeSeries.of(new double[] {0, 600, 601}, new double[] {0, 0, 80})))
        .building(new BuildingFootprint("house", house))
        .open(Edge.SOUTH)
        .gauge(new Gauge("north", g.centreX(COLS / 3), g.centreY(10)))
        .gauge(new Gauge("south", g.centreX(COLS / 2), g.centreY(ROWS - 10)))
        .duration(1800)
        .gaugeInterval(60)
        .threads(threads)
        .build();
  }
}
