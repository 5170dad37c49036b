package org.citytwin.flood;

import java.util.List;

/**
 * A colour ramp for map tiles of one quantity: stops of increasing value, each with a colour and an
 * opacity, linear in between, held at the last stop above it; values below the first stop (and NaN)
 * are fully transparent. {@link #DEPTH} paints water depth, {@link #SPEED} water speed.
 *
 * @param stops ramp stops, values strictly increasing, at least two
 */
public record ColourRamp(List<Stop> stops) {
  /**
   * Depth in metres. Saturated blues from sky blue to navy, so that even the shallowest water
   * stands out from a grey or green base map, with the opacity rising with depth (about half at 1
   * cm, nearly opaque at 3 m) so that shallow water still lets the ground show through. The first
   * palette started at a pale grey-blue (198, 219, 239) that was hard to tell from the globe.
   */
  public static final ColourRamp DEPTH =
      of(
          new double[][] {
            {0.01, 107, 184, 255, 130},
            {0.1, 49, 140, 240, 165},
            {0.3, 25, 100, 220, 190},
            {0.5, 15, 75, 190, 205},
            {1.0, 10, 50, 150, 220},
            {2.0, 8, 30, 110, 235},
            {3.0, 30, 10, 85, 245}
          });

  /**
   * Speed in m/s. Warm colours from pale yellow through orange to dark red, unlike the depth blues
   * so the two cannot be mistaken, with stops at speeds that matter for people and cars in a flood:
   * about 0.5 m/s makes wading unsafe in knee-deep water, 1-2 m/s moves cars, over 2 m/s is
   * dangerous at any depth. Opacity rises with speed the same way as depth's.
   */
  public static final ColourRamp SPEED =
      of(
          new double[][] {
            {0.01, 255, 240, 150, 120},
            {0.1, 255, 205, 90, 155},
            {0.25, 250, 160, 50, 180},
            {0.5, 240, 110, 30, 200},
            {1.0, 215, 50, 25, 220},
            {2.0, 165, 10, 35, 235},
            {3.0, 100, 0, 40, 245}
          });

  /** A stop of the ramp: from {@code value} on, pixels blend towards {@code argb}. */
  public record Stop(double value, int argb) {}

  public ColourRamp {
    stops = List.copyOf(stops);
    if (stops.size() < 2) {
      throw new IllegalArgumentException("a ramp needs at least two stops");
    }
    for (int i = 1; i < stops.size(); i++) {
      if (!(stops.get(i).value() > stops.get(i - 1).value())) {
        throw new IllegalArgumentException("ramp stop values must increase: " + stops);
      }
    }
  }

  /** A ramp from rows {@code {value, red, green, blue, alpha}}, channels 0-255. */
  static ColourRamp of(double[][] rows) {
    return new ColourRamp(
        java.util.Arrays.stream(rows)
            .map(r -> new Stop(r[0], argb(r[1], r[2], r[3], r[4])))
            .toList());
  }

  /** The smallest value drawn. */
  public double minimum() {
    return stops.get(0).value();
  }

  /** ARGB of a value: transparent below the first stop or NaN, else linear between the stops. */
  public int colour(double value) {
    if (!(value >= minimum())) {
      return 0;
    }
    Stop last = stops.get(stops.size() - 1);
    if (value >= last.value()) {
      return last.argb();
    }
    int s = 1;
    while (stops.get(s).value() < value) {
      s++;
    }
    Stop lo = stops.get(s - 1);
    Stop hi = stops.get(s);
    double f = (value - lo.value()) / (hi.value() - lo.value());
    return argb(
        channel(lo, hi, 16, f),
        channel(lo, hi, 8, f),
        channel(lo, hi, 0, f),
        channel(lo, hi, 24, f));
  }

  private static double channel(Stop lo, Stop hi, int shift, double f) {
    int a = lo.argb() >>> shift & 0xff;
    int b = hi.argb() >>> shift & 0xff;
    return a + f * (b - a);
  }

  private static int argb(double r, double g, double b, double a) {
    return (int) Math.round(a) << 24
        | (int) Math.round(r) << 16
        | (int) Math.round(g) << 8
        | (int) Math.round(b);
  }
}
