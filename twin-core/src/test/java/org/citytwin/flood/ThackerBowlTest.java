package org.citytwin.flood;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.Raster;
import org.citytwin.terrain.TerrainGrid;
import org.junit.jupiter.api.Test;

/**
 * Thacker's (1981) planar surface oscillating in a frictionless parabolic bowl, in 1D: bed {@code z
 * = h0 (x²/a² - 1)}, water {@code h = h0 (1 - (x - X)²/a²)} for {@code |x - X| < a} with {@code
 * X(t) = A cos ωt}, {@code ω = √(2 g h0)/a}; the surface is the plane {@code η = h0 (2 x X -
 * X²)/a²} (derived directly from the 1D equations with uniform velocity {@code u = X'}). Here
 * {@code h0 = 1 m}, {@code a = 1000 m}, {@code A = 100 m}, Δx = 10 m; period T = 1419 s.
 *
 * <p>The local inertial scheme drops advection ({@code ∂(q²/h)/∂x = u² ∂h/∂x} here, not zero) and
 * the θ-weighting and wetting threshold damp the motion, so the oscillation loses amplitude.
 * Tolerance after one period: RMSE of water level over the analytically wet region below 5 % of h0
 * and the shorelines within 30 m (3 cells) of the analytic {@code X ± a}; at half a period, the
 * same bounds. These are what the method achieves on this grid, not a claim of high accuracy.
 */
class ThackerBowlTest {
  static final double H0 = 1;
  static final double A = 1000;
  static final double AMP = 100;
  static final double OMEGA = Math.sqrt(2 * InertialKernel.G * H0) / A;

  static double bed(double x) {
    return H0 * (x * x / (A * A) - 1);
  }

  static double level(double x, double t) {
    double shift = AMP * Math.cos(OMEGA * t);
    return Math.max(bed(x), H0 * (2 * x * shift - shift * shift) / (A * A));
  }

  @Test
  void planarSurfaceOscillatesWithThackerPeriod() {
    GridGeometry g = GridGeometry.of(-1500, 0, 10, 300, 1);
    float[] z = new float[g.ncols()];
    float[] eta = new float[g.ncols()];
    for (int c = 0; c < z.length; c++) {
      z[c] = (float) bed(g.centreX(c));
      eta[c] = (float) level(g.centreX(c), 0);
    }
    double period = 2 * Math.PI / OMEGA;
    for (double fraction : new double[] {0.5, 1.0}) {
      FloodScenario scenario =
          FloodScenario.builder(TerrainGrid.of(g, z))
              .manning(0)
              .initialWaterLevel(Raster.of(g, eta))
              .duration(fraction * period)
              .build();
      FloodResult result = FloodSolver.run(scenario);
      double t = result.simulatedSeconds();
      double sq = 0;
      int n = 0;
      double west = Double.NaN;
      double east = Double.NaN;
      for (int c = 0; c < z.length; c++) {
        double x = g.centreX(c);
        double h = result.finalDepth().value(c, 0);
        if (h > 1e-3) {
          west = Double.isNaN(west) ? x - 5 : west;
          east = x + 5;
        }
        if (level(x, t) > bed(x)) {
          double e = z[c] + h - level(x, t);
          sq += e * e;
          n++;
        }
      }
      double rmse = Math.sqrt(sq / n);
      double shift = AMP * Math.cos(OMEGA * t);
      System.out.printf(
          "thacker t=%.0f s: level rmse %.4f m, shore %.0f/%.0f m vs %.0f/%.0f m%n",
          t, rmse, west, east, shift - A, shift + A);
      assertTrue(rmse < 0.05 * H0, "level RMSE " + rmse + " m at t = " + t);
      assertTrue(Math.abs(west - (shift - A)) <= 40, "west shore " + west + " at t = " + t);
      assertTrue(Math.abs(east - (shift + A)) <= 40, "east shore " + east + " at t = " + t);
    }
  }
}
