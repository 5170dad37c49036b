package org.citytwin.flood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InertialKernelTest {
  /** The fast cube root against {@link Math#cbrt}: relative error below 1e-10 over 1e-6..1e3 m. */
  @Test
  void fastCubeRootMatchesMathCbrt() {
    Random random = new Random(3);
    for (int i = 0; i < 100_000; i++) {
      double x = Math.pow(10, -6 + 9 * random.nextDouble());
      double exact = Math.cbrt(x);
      assertEquals(exact, InertialKernel.cbrt(x), 1e-10 * exact, "cbrt " + x);
    }
  }

  /**
   * The float cube root of the interior faces against {@link Math#cbrt}: relative error below 1e-6
   * (a few float roundings) over 1e-6..1e4 m, and the row form bit for bit equal to the scalar one.
   */
  @Test
  void floatCubeRootMatchesMathCbrtAndItsRowForm() {
    Random random = new Random(5);
    int n = 100_000;
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) Math.pow(10, -6 + 10 * random.nextDouble());
    }
    float[] rows = new float[n];
    InertialKernel.cbrtRow(x, rows, new float[n], 0, n);
    for (int i = 0; i < n; i++) {
      double exact = Math.cbrt(x[i]);
      float fast = InertialKernel.cbrtFloat(x[i]);
      assertEquals(exact, fast, 1e-6 * exact, "cbrt " + x[i]);
      assertEquals(fast, rows[i], 0f, "row form at " + x[i]);
    }
  }

  /**
   * Outside the range its first guess was fitted on (1e-6..1e4 m), the one Halley step of the float
   * cube root still lands close: within 1e-5 up to 1e5 m and 1 % up to 1e8 m (a first guess that
   * ran away there would give water that deep a wildly wrong friction).
   */
  @Test
  void floatCubeRootDegradesGentlyBeyondItsFittedRange() {
    for (double x = 1e4; x <= 1e8; x *= 1.01) {
      float f = (float) x;
      double exact = Math.cbrt(f);
      double relative = Math.abs(InertialKernel.cbrtFloat(f) / exact - 1);
      assertTrue(relative < (f <= 1e5 ? 1e-5 : 1e-2), "cbrt " + f + " off by " + relative);
    }
  }
}
