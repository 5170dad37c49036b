package org.citytwin.flood;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
