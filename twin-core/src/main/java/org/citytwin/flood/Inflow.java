package org.citytwin.flood;

import java.util.Arrays;
import java.util.Objects;
import org.citytwin.terrain.GridGeometry;

/**
 * A discharge entering the domain, shared equally by one or more cells: a point source (one cell)
 * or a line of cells (for instance a river entering through an edge, given as a total discharge
 * over the line's width).
 *
 * @param cells flat indexes of the receiving cells
 * @param flowCubicMetresPerSecond total discharge over all cells, m³/s, over simulated time
 */
public record Inflow(int[] cells, TimeSeries flowCubicMetresPerSecond) {
  public Inflow {
    Objects.requireNonNull(flowCubicMetresPerSecond, "flowCubicMetresPerSecond");
    if (cells.length == 0) {
      throw new IllegalArgumentException("an inflow needs at least one cell");
    }
    cells = cells.clone();
  }

  @Override
  public int[] cells() {
    return cells.clone();
  }

  /** A point inflow into the cell containing {@code (x, y)}. */
  public static Inflow at(GridGeometry grid, double x, double y, TimeSeries flow) {
    return new Inflow(new int[] {grid.cellAt(x, y)}, flow);
  }

  /**
   * An inflow spread over the distinct cells whose centres lie within half a cell of the segment
   * from {@code (x0, y0)} to {@code (x1, y1)}, sampled every quarter cell along it.
   */
  public static Inflow line(
      GridGeometry grid, double x0, double y0, double x1, double y1, TimeSeries flow) {
    double length = Math.hypot(x1 - x0, y1 - y0);
    int samples = Math.max(1, (int) Math.ceil(4 * length / grid.cellSizeMetres()));
    int[] cells = new int[samples + 1];
    for (int s = 0; s <= samples; s++) {
      double f = (double) s / samples;
      cells[s] = grid.cellAt(x0 + f * (x1 - x0), y0 + f * (y1 - y0));
    }
    return new Inflow(Arrays.stream(cells).distinct().sorted().toArray(), flow);
  }
}
