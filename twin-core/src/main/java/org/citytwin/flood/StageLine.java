package org.citytwin.flood;

import java.util.Arrays;
import java.util.Objects;
import org.citytwin.terrain.GridGeometry;

/**
 * A water level imposed on the cells under a polyline, such as a river bank or a sea wall line with
 * a tide or river-stage series: at the start of every step each of these cells (walls excepted)
 * gets the depth {@code max(0, stage - z)}, the stage taken at mid-step. The water this adds or
 * removes is counted as boundary inflow or outflow in the {@link MassBalance}, so the budget still
 * closes; the cells then take part in the step like any other, so water flows from them into lower
 * neighbours and back. A stage below a cell's bed holds it dry, which drains water reaching it.
 *
 * @param cells flat indexes of the cells under the line
 * @param stageMetres water surface elevation over simulated time, same datum as the terrain
 */
public record StageLine(int[] cells, TimeSeries stageMetres) {
  public StageLine {
    Objects.requireNonNull(stageMetres, "stageMetres");
    if (cells.length == 0) {
      throw new IllegalArgumentException("a stage line needs at least one cell");
    }
    cells = cells.clone();
  }

  @Override
  public int[] cells() {
    return cells.clone();
  }

  /**
   * The distinct cells containing points sampled every quarter cell along a polyline of {@code x0,
   * y0, x1, y1, ...} in the grid's CRS.
   *
   * @throws IllegalArgumentException when the polyline has fewer than one point or leaves the grid
   */
  public static StageLine along(GridGeometry grid, double[] xy, TimeSeries stageMetres) {
    if (xy.length < 2 || xy.length % 2 != 0) {
      throw new IllegalArgumentException(
          "a polyline needs x, y pairs, was " + xy.length + " values");
    }
    java.util.stream.IntStream.Builder cells = java.util.stream.IntStream.builder();
    cells.add(grid.cellAt(xy[0], xy[1]));
    for (int i = 2; i < xy.length; i += 2) {
      double x0 = xy[i - 2];
      double y0 = xy[i - 1];
      double x1 = xy[i];
      double y1 = xy[i + 1];
      int samples =
          Math.max(1, (int) Math.ceil(4 * Math.hypot(x1 - x0, y1 - y0) / grid.cellSizeMetres()));
      for (int s = 1; s <= samples; s++) {
        double f = (double) s / samples;
        cells.add(grid.cellAt(x0 + f * (x1 - x0), y0 + f * (y1 - y0)));
      }
    }
    return new StageLine(
        Arrays.stream(cells.build().toArray()).distinct().sorted().toArray(), stageMetres);
  }
}
