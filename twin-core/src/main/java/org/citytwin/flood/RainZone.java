package org.citytwin.flood;

import java.util.List;
import java.util.Objects;
import org.citytwin.terrain.CellMask;
import org.citytwin.terrain.GridGeometry;
import org.locationtech.jts.geom.Geometry;

/**
 * Rain over part of the grid: a hyetograph (mm/h over simulated time) falling on a set of cells, in
 * addition to any uniform rain and to other zones. Walls among the cells receive nothing.
 *
 * @param cells flat indexes of the cells it falls on
 * @param millimetresPerHour intensity over simulated time; negative values count as 0
 */
public record RainZone(int[] cells, TimeSeries millimetresPerHour) {
  public RainZone {
    Objects.requireNonNull(millimetresPerHour, "millimetresPerHour");
    if (cells.length == 0) {
      throw new IllegalArgumentException("a rain zone needs at least one cell");
    }
    cells = cells.clone();
  }

  @Override
  public int[] cells() {
    return cells.clone();
  }

  /**
   * The zone of the cells whose centre lies inside (or on the boundary of) {@code polygon}, in the
   * grid's CRS.
   *
   * @throws IllegalArgumentException when the polygon holds no cell centre
   */
  public static RainZone within(GridGeometry grid, Geometry polygon, TimeSeries mmPerHour) {
    int[] cells = CellMask.within(grid, List.of(polygon)).indexes();
    if (cells.length == 0) {
      throw new IllegalArgumentException(
          "the rain zone holds no cell centre of the " + grid.cellSizeMetres() + " m grid");
    }
    return new RainZone(cells, mmPerHour);
  }
}
