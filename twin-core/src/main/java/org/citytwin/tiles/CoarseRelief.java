package org.citytwin.tiles;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.List;
import org.citytwin.model.Envelope3D;
import org.citytwin.model.Mesh;

/**
 * A simplified terrain surface for an inner relief tile: the TINs below it resampled on a regular
 * lon/lat grid over their box, each grid vertex taking the height of the TIN triangle it lies in
 * (linear interpolation, so every coarse vertex lies on the full surface), each grid cell split
 * into two triangles along its south-west to north-east diagonal. A cell triangle is drawn only
 * where all three corners lie on a TIN, so the coarse surface never reaches past the terrain it
 * stands for.
 *
 * <p>{@link #deviation} measures how far it is from the full surface, exactly: both surfaces are
 * linear inside every face of the overlay of the two triangulations, so their vertical difference
 * is largest at an overlay vertex, and those are the TIN vertices, the grid vertices (difference 0
 * by construction) and the crossings of TIN edges with grid lines and cell diagonals. Each of those
 * points is evaluated on both surfaces.
 */
final class CoarseRelief {
  /** Metres per degree of latitude (mean); sizes only choose the grid and bound the error. */
  private static final double METRES_PER_DEGREE = 111_195;

  /** Barycentric slack, so a grid vertex exactly on a shared TIN edge is inside both triangles. */
  private static final double EDGE_SLACK = 1e-9;

  private final Envelope3D box;
  private final int columns;
  private final int rows;
  private final double[] heights;
  private final int[] owners;

  /**
   * How far the coarse surface is from the full one.
   *
   * @param verticalMetres the largest vertical difference where both surfaces exist
   * @param uncovered whether some of the full surface has no coarse surface above or below it
   *     (where the TIN outline cuts through a grid cell)
   * @param cellDiagonalMetres a grid cell's diagonal: how far an uncovered point is from the coarse
   *     surface at most
   */
  record Deviation(double verticalMetres, boolean uncovered, double cellDiagonalMetres) {
    /**
     * The 3D Tiles geometric error of drawing the coarse surface instead of the full one: the
     * vertical deviation, or the cell diagonal when the coarse surface leaves part of the terrain
     * uncovered (a gap the size of a cell shows as much on screen as a step that high).
     */
    double geometricErrorMetres() {
      return uncovered ? Math.max(verticalMetres, cellDiagonalMetres) : verticalMetres;
    }
  }

  private CoarseRelief(Envelope3D box, int columns, int rows) {
    this.box = box;
    this.columns = columns;
    this.rows = rows;
    this.heights = new double[(columns + 1) * (rows + 1)];
    this.owners = new int[heights.length];
    Arrays.fill(heights, Double.NaN);
    Arrays.fill(owners, -1);
  }

  /**
   * Resamples {@code tins} (lon, lat, orthometric height per vertex) over {@code box} with {@code
   * cellsPerSide} cells along its longer side (in metres), fewer along the shorter one, and fewer
   * on both while the grid would have more than half as many triangles as the TINs. Where TINs
   * overlap, a later one wins.
   */
  static CoarseRelief sample(Envelope3D box, List<Mesh> tins, int cellsPerSide) {
    if (cellsPerSide < 1) {
      throw new IllegalArgumentException("cells per side must be >= 1, was " + cellsPerSide);
    }
    int triangles = tins.stream().mapToInt(Mesh::triangleCount).sum();
    double width = (box.maxLon() - box.minLon()) * metresPerDegreeLon(box);
    double height = (box.maxLat() - box.minLat()) * METRES_PER_DEGREE;
    int cells = cellsPerSide;
    int[] shape = gridShape(width, height, cells);
    while (cells > 1 && 2L * shape[0] * shape[1] > triangles / 2) {
      cells--;
      shape = gridShape(width, height, cells);
    }
    CoarseRelief grid = new CoarseRelief(box, shape[0], shape[1]);
    for (int owner = 0; owner < tins.size(); owner++) {
      grid.burn(tins.get(owner), owner);
    }
    return grid;
  }

  private static int[] gridShape(double width, double height, int cells) {
    if (width >= height) {
      return new int[] {
        cells, Math.max(1, (int) Math.round(cells * height / Math.max(width, 1e-9)))
      };
    }
    return new int[] {Math.max(1, (int) Math.round(cells * width / height)), cells};
  }

  int columns() {
    return columns;
  }

  int rows() {
    return rows;
  }

  /** A grid cell's diagonal in metres. */
  double cellDiagonalMetres() {
    double east = (box.maxLon() - box.minLon()) / columns * metresPerDegreeLon(box);
    double north = (box.maxLat() - box.minLat()) / rows * METRES_PER_DEGREE;
    return Math.hypot(east, north);
  }

  private void burn(Mesh tin, int owner) {
    double[] p = tin.positions();
    int[] indices = tin.indices();
    for (int t = 0; t < indices.length; t += 3) {
      int a = indices[t] * 3;
      int b = indices[t + 1] * 3;
      int c = indices[t + 2] * 3;
      double ua = u(p[a]);
      double va = v(p[a + 1]);
      double ub = u(p[b]);
      double vb = v(p[b + 1]);
      double uc = u(p[c]);
      double vc = v(p[c + 1]);
      double det = (vb - vc) * (ua - uc) + (uc - ub) * (va - vc);
      if (det == 0 || !Double.isFinite(det)) {
        continue; // no area: every grid vertex on it also lies on a neighbour
      }
      int i0 = Math.max(0, (int) Math.floor(Math.min(ua, Math.min(ub, uc))));
      int i1 = Math.min(columns, (int) Math.ceil(Math.max(ua, Math.max(ub, uc))));
      int j0 = Math.max(0, (int) Math.floor(Math.min(va, Math.min(vb, vc))));
      int j1 = Math.min(rows, (int) Math.ceil(Math.max(va, Math.max(vb, vc))));
      for (int j = j0; j <= j1; j++) {
        for (int i = i0; i <= i1; i++) {
          double wa = ((vb - vc) * (i - uc) + (uc - ub) * (j - vc)) / det;
          double wb = ((vc - va) * (i - uc) + (ua - uc) * (j - vc)) / det;
          double wc = 1 - wa - wb;
          if (wa >= -EDGE_SLACK && wb >= -EDGE_SLACK && wc >= -EDGE_SLACK) {
            int vertex = j * (columns + 1) + i;
            heights[vertex] = wa * p[a + 2] + wb * p[b + 2] + wc * p[c + 2];
            owners[vertex] = owner;
          }
        }
      }
    }
  }

  /**
   * The coarse triangles grouped by the TIN that gave their south-west corner its height (the
   * feature a viewer picks there), one mesh per TIN index; an entry is null when that TIN owns no
   * coarse triangle. Vertices are lon, lat, orthometric height like the TINs'.
   */
  Mesh[] meshesByOwner(int owners, int lod) {
    DoubleArrayList[] positions = new DoubleArrayList[owners];
    IntArrayList[] indices = new IntArrayList[owners];
    int[][] numbers = new int[owners][];
    for (int j = 0; j < rows; j++) {
      for (int i = 0; i < columns; i++) {
        int v00 = j * (columns + 1) + i;
        int v10 = v00 + 1;
        int v01 = v00 + columns + 1;
        int v11 = v01 + 1;
        for (int[] triangle : new int[][] {{v00, v10, v11}, {v00, v11, v01}}) {
          if (Double.isNaN(heights[triangle[0]])
              || Double.isNaN(heights[triangle[1]])
              || Double.isNaN(heights[triangle[2]])) {
            continue;
          }
          int owner = this.owners[triangle[0]];
          if (positions[owner] == null) {
            positions[owner] = new DoubleArrayList();
            indices[owner] = new IntArrayList();
            numbers[owner] = new int[heights.length];
            Arrays.fill(numbers[owner], -1);
          }
          for (int vertex : triangle) {
            if (numbers[owner][vertex] < 0) {
              numbers[owner][vertex] = positions[owner].size() / 3;
              positions[owner].add(lon(vertex % (columns + 1)));
              positions[owner].add(lat(vertex / (columns + 1)));
              positions[owner].add(heights[vertex]);
            }
            indices[owner].add(numbers[owner][vertex]);
          }
        }
      }
    }
    Mesh[] meshes = new Mesh[owners];
    for (int owner = 0; owner < owners; owner++) {
      if (positions[owner] != null) {
        meshes[owner] =
            new Mesh(lod, positions[owner].toDoubleArray(), indices[owner].toIntArray());
      }
    }
    return meshes;
  }

  /** The largest vertical difference between this surface and {@code tins}; see the class. */
  Deviation deviation(List<Mesh> tins) {
    double worst = 0;
    boolean uncovered = false;
    for (Mesh tin : tins) {
      double[] p = tin.positions();
      for (int vertex = 0; vertex < p.length; vertex += 3) {
        double coarse = heightAt(u(p[vertex]), v(p[vertex + 1]));
        if (Double.isNaN(coarse)) {
          uncovered = true;
        } else {
          worst = Math.max(worst, Math.abs(coarse - p[vertex + 2]));
        }
      }
      int[] indices = tin.indices();
      for (int t = 0; t < indices.length; t += 3) {
        for (int corner = 0; corner < 3; corner++) {
          int a = indices[t + corner] * 3;
          int b = indices[t + (corner + 1) % 3] * 3;
          double[] found = crossings(p, a, b);
          worst = Math.max(worst, found[0]);
          uncovered |= found[1] > 0;
        }
      }
    }
    return new Deviation(worst, uncovered, cellDiagonalMetres());
  }

  /**
   * The largest vertical difference where TIN edge a-b crosses a grid line or a cell diagonal, and
   * whether some crossing has no coarse surface (1) or not (0).
   */
  private double[] crossings(double[] p, int a, int b) {
    double ua = u(p[a]);
    double va = v(p[a + 1]);
    double ub = u(p[b]);
    double vb = v(p[b + 1]);
    double worst = 0;
    double uncovered = 0;
    // The grid lines are u = k and v = k, the cell diagonals u - v = k, for whole k.
    double[][] levels = {{ua, ub}, {va, vb}, {ua - va, ub - vb}};
    for (double[] level : levels) {
      double from = level[0];
      double to = level[1];
      if (from == to) {
        continue; // the edge runs along such a line: its points are covered by the other two
      }
      int k0 = (int) Math.ceil(Math.min(from, to));
      int k1 = (int) Math.floor(Math.max(from, to));
      for (int k = k0; k <= k1; k++) {
        double t = (k - from) / (to - from);
        double coarse = heightAt(ua + t * (ub - ua), va + t * (vb - va));
        if (Double.isNaN(coarse)) {
          uncovered = 1;
        } else {
          worst = Math.max(worst, Math.abs(coarse - (p[a + 2] + t * (p[b + 2] - p[a + 2]))));
        }
      }
    }
    return new double[] {worst, uncovered};
  }

  /** The coarse surface's height at grid point (u, v), NaN where it has no triangle. */
  double heightAt(double u, double v) {
    double slack = 1e-9;
    if (!(u >= -slack && u <= columns + slack && v >= -slack && v <= rows + slack)) {
      return Double.NaN;
    }
    int i = Math.min(columns - 1, Math.max(0, (int) Math.floor(u)));
    int j = Math.min(rows - 1, Math.max(0, (int) Math.floor(v)));
    double fu = Math.min(1, Math.max(0, u - i));
    double fv = Math.min(1, Math.max(0, v - j));
    int v00 = j * (columns + 1) + i;
    double h00 = heights[v00];
    double h11 = heights[v00 + columns + 2];
    if (fu >= fv) {
      double h10 = heights[v00 + 1];
      return h00 + fu * (h10 - h00) + fv * (h11 - h10);
    }
    double h01 = heights[v00 + columns + 1];
    return h00 + fv * (h01 - h00) + fu * (h11 - h01);
  }

  /** A longitude in grid units. */
  double u(double lon) {
    return (lon - box.minLon()) / (box.maxLon() - box.minLon()) * columns;
  }

  /** A latitude in grid units. */
  double v(double lat) {
    return (lat - box.minLat()) / (box.maxLat() - box.minLat()) * rows;
  }

  private double lon(int i) {
    return i == columns ? box.maxLon() : box.minLon() + (box.maxLon() - box.minLon()) * i / columns;
  }

  private double lat(int j) {
    return j == rows ? box.maxLat() : box.minLat() + (box.maxLat() - box.minLat()) * j / rows;
  }

  private static double metresPerDegreeLon(Envelope3D box) {
    return METRES_PER_DEGREE * Math.cos(Math.toRadians((box.minLat() + box.maxLat()) / 2));
  }
}
