package org.citytwin.flood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.TerrainGrid;
import org.junit.jupiter.api.Test;

/**
 * Mass conservation in a closed basin. The scheme is conservative by construction (every face
 * discharge is added to one cell and taken from its neighbour, the limiter only scales discharges),
 * so the only loss is float round-off in the depth field. Tolerance: |in - out - Δstorage| < 1e-6
 * of the water that entered, storage summed in double from the float depths; source of the
 * expectation: the finite-volume continuity equation (Bates et al. 2010, eq. 6).
 */
class MassConservationTest {
  static TerrainGrid unevenBasin(int ncols, int nrows, double cell, long seed) {
    GridGeometry g = GridGeometry.of(1000, 2000, cell, ncols, nrows);
    Random random = new Random(seed);
    float[] z = new float[g.cellCount()];
    for (int r = 0; r < nrows; r++) {
      for (int c = 0; c < ncols; c++) {
        double hills = Math.sin(c * 0.31) * Math.cos(r * 0.23) + 0.02 * (c + r);
        z[r * ncols + c] = (float) (10 + hills + 0.3 * random.nextDouble());
      }
    }
    return TerrainGrid.of(g, z);
  }

  @Test
  void closedBasinWithRainAndInflowKeepsItsWater() {
    TerrainGrid terrain = unevenBasin(40, 30, 5, 42);
    GridGeometry g = terrain.geometry();
    FloodScenario scenario =
        FloodScenario.builder(terrain)
            .manning(0.03)
            .rain(TimeSeries.of(new double[] {0, 900, 1800}, new double[] {80, 40, 0}))
            .inflow(
                Inflow.at(
                    g,
                    g.centreX(5),
                    g.centreY(7),
                    TimeSeries.of(new double[] {0, 600, 1200}, new double[] {0, 0.5, 0.1})))
            .duration(2400)
            .threads(2)
            .build();

    FloodResult result = FloodSolver.run(scenario);
    MassBalance b = result.massBalance();
    System.out.println(b.report());

    assertEquals(FloodSolver.State.COMPLETED, result.state());
    assertEquals(0, b.outflowCubicMetres(), "closed basin lets nothing out");
    assertTrue(b.inflowCubicMetres() > 100 && b.rainCubicMetres() > 100, b.report());
    assertTrue(
        Math.abs(b.errorCubicMetres()) < 1e-6 * b.totalInCubicMetres(),
        "volume error " + b.errorCubicMetres() + " m3 of " + b.totalInCubicMetres());
    for (int i = 0; i < g.cellCount(); i++) {
      assertTrue(result.finalDepth().value(i) >= 0, "negative depth at cell " + i);
    }
  }
}
