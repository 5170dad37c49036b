package org.citytwin.terrain;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.triangulate.DelaunayTriangulationBuilder;

/**
 * A ground surface through scattered height points, rasterised onto a grid:
 *
 * <ol>
 *   <li>inside the convex hull of the points, <b>TIN linear</b> interpolation: the Delaunay
 *       triangulation of the points (JTS {@link DelaunayTriangulationBuilder}, points closer than
 *       {@link #MERGE_TOLERANCE_METRES} merged, the first one's height kept), each cell centre
 *       taking the height of the plane of the triangle it falls in;
 *   <li>outside the hull (and in cells a caller left unset), <b>inverse-distance weighting</b> of
 *       the {@link #IDW_NEIGHBOURS} nearest points with power 2.
 * </ol>
 *
 * Both reproduce the input heights exactly at the points and never leave the range of the input
 * heights, so no artificial pits or mounds appear between buildings. Cells that already hold a
 * value (for instance from CityGML relief) are kept.
 */
public final class GroundSurface {
  /** Points closer than this are one site of the triangulation, metres. */
  public static final double MERGE_TOLERANCE_METRES = 0.01;

  /** Neighbours used by the inverse-distance fallback. */
  public static final int IDW_NEIGHBOURS = 8;

  private GroundSurface() {}

  /**
   * Fills the NaN cells of {@code values} from {@code points} (flat x, y, z triples in the grid's
   * CRS). Cells already holding a number are left alone.
   *
   * @return how many cells were filled by the TIN and by inverse distance, in that order
   * @throws IllegalArgumentException when there are no points but cells to fill
   */
  public static int[] fill(GridGeometry grid, float[] values, double[] points) {
    if (points.length % 3 != 0) {
      throw new IllegalArgumentException("points must be x, y, z triples");
    }
    int unset = countNaN(values);
    if (unset == 0) {
      return new int[] {0, 0};
    }
    if (points.length == 0) {
      throw new IllegalArgumentException(
          "no ground points to interpolate " + unset + " cells from");
    }
    float[] tin = new float[values.length];
    java.util.Arrays.fill(tin, Float.NaN);
    if (points.length / 3 >= 3) {
      burnDelaunay(grid, tin, points);
    }
    int byTin = 0;
    int byIdw = 0;
    STRtree index = null;
    for (int i = 0; i < values.length; i++) {
      if (!Float.isNaN(values[i])) {
        continue;
      }
      if (!Float.isNaN(tin[i])) {
        values[i] = tin[i];
        byTin++;
      } else {
        index = index != null ? index : index(points);
        int row = i / grid.ncols();
        values[i] = (float) idw(index, grid.centreX(i - row * grid.ncols()), grid.centreY(row));
        byIdw++;
      }
    }
    return new int[] {byTin, byIdw};
  }

  private static void burnDelaunay(GridGeometry grid, float[] target, double[] points) {
    List<Coordinate> sites = new ArrayList<>(points.length / 3);
    for (int i = 0; i < points.length; i += 3) {
      sites.add(new Coordinate(points[i], points[i + 1], points[i + 2]));
    }
    DelaunayTriangulationBuilder builder = new DelaunayTriangulationBuilder();
    builder.setTolerance(MERGE_TOLERANCE_METRES);
    builder.setSites(sites);
    Geometry triangles = builder.getTriangles(new GeometryFactory());
    TriangleRasteriser raster = new TriangleRasteriser(grid, target);
    for (int t = 0; t < triangles.getNumGeometries(); t++) {
      Coordinate[] v = triangles.getGeometryN(t).getCoordinates();
      raster.burn(v[0].x, v[0].y, v[0].z, v[1].x, v[1].y, v[1].z, v[2].x, v[2].y, v[2].z);
    }
  }

  private static STRtree index(double[] points) {
    STRtree tree = new STRtree();
    for (int i = 0; i < points.length; i += 3) {
      Coordinate c = new Coordinate(points[i], points[i + 1], points[i + 2]);
      tree.insert(new Envelope(c), c);
    }
    tree.build();
    return tree;
  }

  private static double idw(STRtree index, double x, double y) {
    Coordinate at = new Coordinate(x, y);
    Object[] nearest =
        index.nearestNeighbour(
            new Envelope(at),
            at,
            (a, b) -> ((Coordinate) a.getItem()).distance((Coordinate) b.getItem()),
            IDW_NEIGHBOURS);
    double weights = 0;
    double sum = 0;
    for (Object o : nearest) {
      Coordinate p = (Coordinate) o;
      double d2 = (p.x - x) * (p.x - x) + (p.y - y) * (p.y - y);
      if (d2 == 0) {
        return p.z;
      }
      weights += 1 / d2;
      sum += p.z / d2;
    }
    return sum / weights;
  }

  private static int countNaN(float[] values) {
    int n = 0;
    for (float v : values) {
      n += Float.isNaN(v) ? 1 : 0;
    }
    return n;
  }
}
