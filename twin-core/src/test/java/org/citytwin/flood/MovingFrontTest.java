package org.citytwin.flood;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.TerrainGrid;
import org.junit.jupiter.api.Test;

/**
 * Wetting front advancing over a flat frictional plane at constant speed (Hunter et al. 2005, used
 * by Bates et al. 2010, section 4.1): {@code h(x, t) = [7/3 (C - n² u² (x - u t))]^(3/7)} with
 * {@code C = 0}, {@code u = 1 m/s}, {@code n = 0.01}. The west edge carries the analytic level at
 * the ghost cell centre; after one hour the front is at 3600 m and the depth at the inflow 0.93 m.
 *
 * <p>Tolerance: RMSE of depth behind the front (x < 0.9 u t) below 5 % of the maximum depth, and
 * the wet extent (depth > 1 cm) within 3 % of u t. The analytic form drops local acceleration (u
 * ∂h/∂t, about u²/(g h) ≈ 11 % of the slope term here), which the scheme keeps, so it is not an
 * exact solution of the discrete equations; Bates et al. report agreement of this order.
 */
class MovingFrontTest {
  static final double N = 0.01;
  static final double U = 1.0;

  static double analyticDepth(double x, double t) {
    double s = 7.0 / 3.0 * (-N * N * U * U * (x - U * t));
    return s > 0 ? Math.pow(s, 3.0 / 7.0) : 0;
  }

  @Test
  void depthProfileMatchesHunterSolution() {
    double dx = 25;
    double duration = 3600;
    GridGeometry g = GridGeometry.of(0, 0, dx, 200, 1);
    double[] t = new double[401];
    double[] stage = new double[t.length];
    for (int s = 0; s < t.length; s++) {
      t[s] = s * 10.0;
      stage[s] = analyticDepth(-dx / 2, t[s]);
    }
    FloodScenario scenario =
        FloodScenario.builder(TerrainGrid.flat(g, 0f))
            .manning(N)
            .stage(new StageBoundary(Edge.WEST, TimeSeries.of(t, stage)))
            .duration(duration)
            .build();

    FloodResult result = FloodSolver.run(scenario);

    double sq = 0;
    int n = 0;
    int wet = 0;
    double maxDepth = analyticDepth(0, duration);
    for (int c = 0; c < g.ncols(); c++) {
      double x = g.centreX(c);
      double h = result.finalDepth().value(c, 0);
      if (h > 0.01) {
        wet = c + 1;
      }
      if (x < 0.9 * U * duration) {
        double e = h - analyticDepth(x, duration);
        sq += e * e;
        n++;
      }
    }
    double rmse = Math.sqrt(sq / n);
    double front = wet * dx;
    System.out.printf(
        "moving front: rmse %.4f m (%.2f %%), front %.0f m%n", rmse, 100 * rmse / maxDepth, front);
    assertTrue(rmse < 0.05 * maxDepth, "RMSE " + rmse + " m vs max depth " + maxDepth);
    assertTrue(Math.abs(front - U * duration) < 0.10 * U * duration, "front at " + front + " m");
  }
}
