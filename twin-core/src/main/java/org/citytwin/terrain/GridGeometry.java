package org.citytwin.terrain;

/**
 * Where a raster lies: the lower-left corner of its lower-left cell in a metric projected CRS, the
 * square cell size and the number of columns and rows.
 *
 * <p>Cells are indexed like an ESRI ASCII grid: row 0 is the northernmost row, column 0 the
 * westernmost; the flat index is {@code row * ncols + col}.
 *
 * @param originX x of the grid's west edge, metres
 * @param originY y of the grid's south edge, metres
 * @param cellSizeMetres side of a square cell, metres
 * @param ncols number of columns (west to east)
 * @param nrows number of rows (north to south)
 */
public record GridGeometry(
    double originX, double originY, double cellSizeMetres, int ncols, int nrows) {

  public GridGeometry {
    if (!(cellSizeMetres > 0) || !Double.isFinite(cellSizeMetres)) {
      throw new IllegalArgumentException("cell size " + cellSizeMetres + " must be > 0 metres");
    }
    if (ncols < 1 || nrows < 1) {
      throw new IllegalArgumentException(
          "grid must have at least one cell, was " + ncols + " x " + nrows);
    }
    if ((long) ncols * nrows > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("grid " + ncols + " x " + nrows + " is too large");
    }
    if (!Double.isFinite(originX) || !Double.isFinite(originY)) {
      throw new IllegalArgumentException("origin " + originX + ", " + originY + " must be finite");
    }
  }

  /** A grid whose lower-left corner is at {@code (originX, originY)}. */
  public static GridGeometry of(
      double originX, double originY, double cellSizeMetres, int ncols, int nrows) {
    return new GridGeometry(originX, originY, cellSizeMetres, ncols, nrows);
  }

  /** Number of cells. */
  public int cellCount() {
    return ncols * nrows;
  }

  /** Area of one cell, square metres. */
  public double cellAreaSquareMetres() {
    return cellSizeMetres * cellSizeMetres;
  }

  /** x of the centre of column {@code col}. */
  public double centreX(int col) {
    return originX + (col + 0.5) * cellSizeMetres;
  }

  /** y of the centre of row {@code row} (row 0 is the northernmost). */
  public double centreY(int row) {
    return originY + (nrows - row - 0.5) * cellSizeMetres;
  }

  /** The column containing {@code x}, or -1 outside the grid. */
  public int colOf(double x) {
    double c = Math.floor((x - originX) / cellSizeMetres);
    return c >= 0 && c < ncols ? (int) c : -1;
  }

  /** The row containing {@code y}, or -1 outside the grid. */
  public int rowOf(double y) {
    double r = Math.floor((originY + nrows * cellSizeMetres - y) / cellSizeMetres);
    return r >= 0 && r < nrows ? (int) r : -1;
  }

  /**
   * The flat index of the cell containing {@code (x, y)}.
   *
   * @throws IllegalArgumentException if the point is outside the grid
   */
  public int cellAt(double x, double y) {
    int col = colOf(x);
    int row = rowOf(y);
    if (col < 0 || row < 0) {
      throw new IllegalArgumentException(
          "point (" + x + ", " + y + ") is outside the grid " + this);
    }
    return row * ncols + col;
  }

  /**
   * Points along the grid's outline, {@code perSide + 1} on each of its four edges, as x, y, 0
   * triples: what a transform to another CRS carries over to bound the grid there (a curved edge
   * can bulge past its corners).
   */
  public double[] edgePoints(int perSide) {
    double x0 = originX;
    double y0 = originY;
    double w = ncols * cellSizeMetres;
    double h = nrows * cellSizeMetres;
    double[] xyz = new double[4 * (perSide + 1) * 3];
    int k = 0;
    for (int i = 0; i <= perSide; i++) {
      double f = (double) i / perSide;
      double[][] edge = {
        {x0 + f * w, y0}, {x0 + f * w, y0 + h}, {x0, y0 + f * h}, {x0 + w, y0 + f * h}
      };
      for (double[] p : edge) {
        xyz[k++] = p[0];
        xyz[k++] = p[1];
        xyz[k++] = 0;
      }
    }
    return xyz;
  }
}
