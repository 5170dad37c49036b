package org.citytwin.flood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColourRampTest {
  @Test
  void speedIsTransparentBelowItsFirstStopAndOpaquerAndDarkerWhenFaster() {
    ColourRamp speed = ColourRamp.SPEED;
    assertEquals(0, speed.colour(Double.NaN));
    assertEquals(0, speed.colour(0));
    assertEquals(0, speed.colour(0.0099));
    int previousAlpha = 0;
    int previousBrightness = Integer.MAX_VALUE;
    for (double v = 0.01; v <= 4; v *= 1.3) {
      int argb = speed.colour(v);
      int alpha = argb >>> 24;
      int brightness = (argb >> 16 & 0xff) + (argb >> 8 & 0xff) + (argb & 0xff);
      assertTrue(alpha >= previousAlpha, v + " m/s: opacity " + alpha);
      assertTrue(brightness <= previousBrightness, v + " m/s: brightness " + brightness);
      previousAlpha = alpha;
      previousBrightness = brightness;
    }
    for (ColourRamp.Stop stop : speed.stops()) {
      assertEquals(stop.argb(), speed.colour(stop.value()), "exact at " + stop.value());
    }
  }

  @Test
  void depthAndSpeedLookDifferent() {
    for (double v : new double[] {0.05, 0.5, 1, 3}) {
      int depth = ColourRamp.DEPTH.colour(v);
      int speed = ColourRamp.SPEED.colour(v);
      assertNotEquals(depth & 0xffffff, speed & 0xffffff);
      assertTrue((depth & 0xff) > (depth >> 16 & 0xff), "depth is blue");
      assertTrue((speed >> 16 & 0xff) > (speed & 0xff), "speed is warm");
    }
    assertEquals(DepthTiles.ramp().size(), ColourRamp.DEPTH.stops().size());
  }

  @Test
  void refusesStopsOutOfOrder() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ColourRamp(List.of(new ColourRamp.Stop(1, 0), new ColourRamp.Stop(1, 0))));
    assertThrows(
        IllegalArgumentException.class, () -> new ColourRamp(List.of(new ColourRamp.Stop(1, 0))));
  }
}
