package org.citytwin.flood;

import java.util.Objects;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.Raster;

/**
 * The depth-averaged water velocity of every cell at one moment, in m/s: the speed and its east and
 * north components in the grid's CRS (x towards increasing easting, y towards increasing northing,
 * so that {@code vy > 0} is water flowing north even though rows count southwards).
 *
 * <p>Each cell's velocity is the mean of the discharges on its two opposite faces over its depth:
 * {@code vx = (q_w + q_e) / (2 h)}, {@code vy = −(q_n + q_s) / (2 h)} (discharges are positive east
 * and south), {@code speed = √((q_w + q_e)² + (q_n + q_s)²) / (2 h)}, with the same float
 * arithmetic, the same limited discharges and the same depth as the kernel's maximum-velocity grid,
 * so a snapshot never exceeds {@link FloodResult#maxVelocity()} and equals it at the step that set
 * it. Cells at or below the depth threshold (dry, or a film too thin to flow) and walls are 0 in
 * all three grids; NODATA cells are NaN.
 *
 * @param speed magnitude, m/s, never negative
 * @param eastward x component, m/s
 * @param northward y component, m/s
 */
public record VelocityField(Raster speed, Raster eastward, Raster northward) {
  public VelocityField {
    Objects.requireNonNull(speed, "speed");
    Objects.requireNonNull(eastward, "eastward");
    Objects.requireNonNull(northward, "northward");
    if (!speed.geometry().equals(eastward.geometry())
        || !speed.geometry().equals(northward.geometry())) {
      throw new IllegalArgumentException("speed and components must share one grid");
    }
  }

  /**
   * The velocity of the state the kernel holds between steps (depth and the limited discharges of
   * the last step). Allocates the three grids and nothing else.
   */
  static VelocityField of(FloodScenario scenario, InertialKernel k) {
    GridGeometry grid = scenario.terrain().geometry();
    Raster bed = scenario.terrain().raster();
    int nc = k.nc;
    int nr = k.nr;
    float[] speed = new float[nc * nr];
    float[] east = new float[nc * nr];
    float[] north = new float[nc * nr];
    float threshold = k.thresholdF;
    for (int r = 0; r < nr; r++) {
      int fx = r * (nc + 1);
      int fy = r * nc;
      for (int c = 0; c < nc; c++) {
        int i = fy + c;
        if (!bed.hasData(i)) {
          speed[i] = Float.NaN;
          east[i] = Float.NaN;
          north[i] = Float.NaN;
          continue;
        }
        // exactly BandSweep's maximum-speed arithmetic, so snapshots and maxima agree bit for bit
        float ux = k.qx[fx + c] + k.qx[fx + c + 1];
        float uy = k.qy[i] + k.qy[i + nc];
        float magnitude = (float) Math.sqrt(ux * ux + uy * uy);
        float depth = k.h[i];
        float wet = Math.min(1f, Math.max(0f, (depth - threshold) * InertialKernel.FLAG));
        float deep = Math.max(depth, threshold);
        speed[i] = magnitude * 0.5f / deep * wet;
        // + 0f and 0f − x turn a −0 (a still cell's component) into 0, so files read 0, not -0
        east[i] = ux * 0.5f / deep * wet + 0f;
        north[i] = 0f - uy * 0.5f / deep * wet;
      }
    }
    return new VelocityField(Raster.of(grid, speed), Raster.of(grid, east), Raster.of(grid, north));
  }
}
