package org.citytwin.terrain;

/**
 * Burns planar 3D triangles into a grid: every cell whose centre lies inside a triangle (edges
 * included) takes the height of the triangle's plane at that centre, i.e. linear interpolation of
 * the three vertex heights. Used for CityGML TIN relief and for the Delaunay surface through ground
 * points. Later triangles overwrite earlier ones where they overlap.
 */
public final class TriangleRasteriser {
  /** Barycentric slack, so a centre exactly on a shared edge is inside both neighbours. */
  private static final double EDGE_SLACK = 1e-9;

  private final GridGeometry grid;
  private final float[] values;
  private int cellsWritten;

  /** A rasteriser writing into {@code values} (row-major over {@code grid}), in place. */
  public TriangleRasteriser(GridGeometry grid, float[] values) {
    if (values.length != grid.cellCount()) {
      throw new IllegalArgumentException(
          values.length + " values do not fill a grid of " + grid.cellCount() + " cells");
    }
    this.grid = grid;
    this.values = values;
  }

  /** Burns one triangle given by its vertices (x, y in the grid's CRS, z in metres). */
  public void burn(
      double x0,
      double y0,
      double z0,
      double x1,
      double y1,
      double z1,
      double x2,
      double y2,
      double z2) {
    double det = (y1 - y2) * (x0 - x2) + (x2 - x1) * (y0 - y2);
    if (det == 0 || !Double.isFinite(det)) {
      return; // degenerate: no area, no cell centre strictly inside
    }
    double cell = grid.cellSizeMetres();
    int c0 = Math.max(0, (int) Math.floor((min(x0, x1, x2) - grid.originX()) / cell - 0.5));
    int c1 = Math.min(grid.ncols() - 1, (int) Math.ceil((max(x0, x1, x2) - grid.originX()) / cell));
    double top = grid.originY() + grid.nrows() * cell;
    int r0 = Math.max(0, (int) Math.floor((top - max(y0, y1, y2)) / cell - 0.5));
    int r1 = Math.min(grid.nrows() - 1, (int) Math.ceil((top - min(y0, y1, y2)) / cell));
    for (int r = r0; r <= r1; r++) {
      double y = grid.centreY(r);
      for (int c = c0; c <= c1; c++) {
        double x = grid.centreX(c);
        double a = ((y1 - y2) * (x - x2) + (x2 - x1) * (y - y2)) / det;
        double b = ((y2 - y0) * (x - x2) + (x0 - x2) * (y - y2)) / det;
        double g = 1 - a - b;
        if (a >= -EDGE_SLACK && b >= -EDGE_SLACK && g >= -EDGE_SLACK) {
          values[r * grid.ncols() + c] = (float) (a * z0 + b * z1 + g * z2);
          cellsWritten++;
        }
      }
    }
  }

  /** How many cell writes so far (a cell on a shared edge counts once per triangle). */
  public int cellsWritten() {
    return cellsWritten;
  }

  private static double min(double a, double b, double c) {
    return Math.min(a, Math.min(b, c));
  }

  private static double max(double a, double b, double c) {
    return Math.max(a, Math.max(b, c));
  }
}
