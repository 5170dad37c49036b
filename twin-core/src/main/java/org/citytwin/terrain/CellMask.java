package org.citytwin.terrain;

import java.util.Objects;

/** A set of cells of a grid, for instance those blocked by buildings. Immutable. */
public final class CellMask {
  private final GridGeometry geometry;
  private final boolean[] cells;

  private CellMask(GridGeometry geometry, boolean[] cells) {
    this.geometry = geometry;
    this.cells = cells;
  }

  /** A mask holding a copy of {@code cells} (row-major, row 0 northernmost). */
  public static CellMask of(GridGeometry geometry, boolean[] cells) {
    Objects.requireNonNull(geometry, "geometry");
    if (cells.length != geometry.cellCount()) {
      throw new IllegalArgumentException(
          cells.length + " flags do not fill a grid of " + geometry.cellCount() + " cells");
    }
    return new CellMask(geometry, cells.clone());
  }

  /** The empty mask. */
  public static CellMask none(GridGeometry geometry) {
    return new CellMask(geometry, new boolean[geometry.cellCount()]);
  }

  /**
   * The cells whose centre lies inside (or on the boundary of) any of the polygons, which must be
   * in the grid's CRS.
   *
   * @throws IllegalArgumentException when a geometry is not a Polygon or MultiPolygon
   */
  public static CellMask within(
      GridGeometry geometry, Iterable<? extends org.locationtech.jts.geom.Geometry> polygons) {
    boolean[] inside = new boolean[geometry.cellCount()];
    for (org.locationtech.jts.geom.Geometry polygon : polygons) {
      FootprintCells.forEach(geometry, polygon, cell -> inside[cell] = true);
    }
    return new CellMask(geometry, inside);
  }

  public GridGeometry geometry() {
    return geometry;
  }

  /** Whether the cell at a flat index is in the mask. */
  public boolean contains(int index) {
    return cells[index];
  }

  /** The flat indexes of the cells in the mask, ascending. */
  public int[] indexes() {
    return java.util.stream.IntStream.range(0, cells.length).filter(i -> cells[i]).toArray();
  }

  /** How many cells are in the mask. */
  public int count() {
    int n = 0;
    for (boolean b : cells) {
      n += b ? 1 : 0;
    }
    return n;
  }
}
