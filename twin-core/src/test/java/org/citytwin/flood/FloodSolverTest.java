package org.citytwin.flood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.Raster;
import org.citytwin.terrain.TerrainGrid;
import org.junit.jupiter.api.Test;

/** Threads, cancellation and open and staged edges. */
class FloodSolverTest {
  private static FloodScenario.Builder basin(int threads) {
    TerrainGrid terrain = MassConservationTest.unevenBasin(24, 17, 5, 11);
    GridGeometry g = terrain.geometry();
    return FloodScenario.builder(terrain)
        .manning(0.04)
        .rain(TimeSeries.constant(60))
        .inflow(Inflow.at(g, g.centreX(3), g.centreY(4), TimeSeries.constant(0.3)))
        .duration(900)
        .threads(threads);
  }

  @Test
  void depthsDoNotDependOnTheThreadCount() {
    float[] one = FloodSolver.run(basin(1).build()).finalDepth().values();
    float[] three = FloodSolver.run(basin(3).build()).finalDepth().values();
    float[] threeAgain = FloodSolver.run(basin(3).build()).finalDepth().values();
    assertArrayEquals(one, three);
    assertArrayEquals(three, threeAgain);
  }

  /**
   * Every output grid, not only the final depth, is the same bit for bit for one, two and three
   * bands: the sweep reuses each row's limited south discharges as the next row's north ones,
   * except at the first row of a band, and a slip there would show in the maxima and
   * first-inundation times of the rows next to a band boundary.
   */
  @Test
  void allOutputsDoNotDependOnTheThreadCount() {
    FloodResult one = FloodSolver.run(basin(1).build());
    for (int threads = 2; threads <= 3; threads++) {
      FloodResult more = FloodSolver.run(basin(threads).build());
      String bands = threads + " threads";
      assertArrayEquals(one.finalDepth().values(), more.finalDepth().values(), bands);
      assertArrayEquals(one.maxDepth().values(), more.maxDepth().values(), bands);
      assertArrayEquals(one.maxVelocity().values(), more.maxVelocity().values(), bands);
      assertArrayEquals(one.firstInundation().values(), more.firstInundation().values(), bands);
      assertEquals(one.steps(), more.steps(), bands);
    }
  }

  @Test
  void cancelStopsTheRun() {
    FloodSolver solver = new FloodSolver(basin(2).build());
    FloodResult r =
        solver.run(
            new FloodListener() {
              @Override
              public void progress(double t, double dt, long steps, long wall) {
                if (steps == 10) {
                  solver.cancel();
                }
              }
            });
    assertEquals(FloodSolver.State.CANCELLED, r.state());
    assertEquals(10, r.steps());
  }

  /** Open edges let water out and the budget still closes to 1e-6 of what entered. */
  @Test
  void openEdgesDrainAndBalance() {
    FloodResult r = FloodSolver.run(basin(2).open(Edge.EAST).open(Edge.SOUTH).build());
    MassBalance b = r.massBalance();
    assertTrue(b.outflowCubicMetres() > 0, b.report());
    assertTrue(Math.abs(b.relativeError()) < 1e-6, b.report());
  }

  /** A high stage on the west edge fills a flat dry plane towards that level, in balance. */
  @Test
  void stageEdgeFillsThePlane() {
    GridGeometry g = GridGeometry.of(0, 0, 10, 30, 5);
    FloodScenario s =
        FloodScenario.builder(TerrainGrid.flat(g, 2f))
            .manning(0.03)
            .stage(new StageBoundary(Edge.WEST, TimeSeries.constant(2.5)))
            .duration(3600)
            .build();
    FloodResult r = FloodSolver.run(s);
    MassBalance b = r.massBalance();
    assertTrue(b.boundaryInflowCubicMetres() > 0, b.report());
    assertTrue(Math.abs(b.relativeError()) < 1e-6, b.report());
    assertEquals(0.5, r.finalDepth().value(29, 2), 0.02, "far end nearly at the stage");
  }

  @Test
  void initialLevelBelowGroundIsDry() {
    GridGeometry g = GridGeometry.of(0, 0, 1, 4, 1);
    FloodResult r =
        FloodSolver.run(
            FloodScenario.builder(TerrainGrid.flat(g, 3f))
                .initialWaterLevel(Raster.filled(g, 2f))
                .duration(10)
                .build());
    assertEquals(0, r.massBalance().finalStorageCubicMetres());
  }
}
