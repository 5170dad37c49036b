package org.citytwin.geom;

import java.util.List;
import java.util.Optional;
import org.citytwin.model.Polygon3D;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.triangulate.polygon.ConstrainedDelaunayTriangulator;
import org.locationtech.jts.triangulate.tri.Tri;

/**
 * Triangulates a planar {@link Polygon3D}, with holes and in any orientation (roofs, walls,
 * ground), into triangles over its own vertices: no vertex is added or moved, so meshes keep the
 * source precision.
 *
 * <p>The polygon is laid flat in its plane (see {@link PlanarPolygon}) and triangulated with JTS's
 * {@link ConstrainedDelaunayTriangulator}, which joins holes to the shell and never adds Steiner
 * points: a valid polygon with {@code n} distinct vertices and {@code h} holes gives {@code n - 2 +
 * 2h} triangles. Every triangle is counter-clockwise seen from the side the polygon's Newell normal
 * points to, which is the side from which its exterior ring is counter-clockwise: the winding of
 * the source is kept (CityGML rings are counter-clockwise seen from outside).
 */
public final class Triangulator {

  private Triangulator() {}

  /**
   * Triangulates a polygon.
   *
   * @return three indices per triangle into the polygon's vertices, counted over its rings
   *     concatenated, exterior first
   * @throws InvalidPolygonException when the polygon has too few points, no area, non-finite
   *     coordinates, or JTS fails on it (kind TRIANGULATION_FAILED)
   */
  public static int[] triangulate(Polygon3D polygon) throws InvalidPolygonException {
    return triangulate(PlanarPolygon.of(polygon));
  }

  static int[] triangulate(PlanarPolygon planar) throws InvalidPolygonException {
    Optional<int[]> fan = planar.convexFan();
    if (fan.isPresent()) {
      return fan.get(); // wound like the ring, so like its own normal
    }
    List<Tri> tris;
    try {
      tris = new ConstrainedDelaunayTriangulator(planar.polygon()).getTriangles();
    } catch (RuntimeException e) {
      // JTS signals bad input (crossing rings, collapsed holes) with unchecked exceptions.
      throw new InvalidPolygonException(
          GeometryProblem.Kind.TRIANGULATION_FAILED, "JTS could not triangulate: " + e, e);
    }
    int[] indices = new int[3 * tris.size()];
    for (int t = 0; t < tris.size(); t++) {
      Tri tri = tris.get(t);
      Coordinate a = tri.getCoordinate(0);
      Coordinate b = tri.getCoordinate(1);
      Coordinate c = tri.getCoordinate(2);
      boolean clockwise = Orientation.index(a, b, c) == Orientation.CLOCKWISE;
      indices[3 * t] = vertex(planar, a);
      indices[3 * t + 1] = vertex(planar, clockwise ? c : b);
      indices[3 * t + 2] = vertex(planar, clockwise ? b : c);
    }
    return indices;
  }

  private static int vertex(PlanarPolygon planar, Coordinate position)
      throws InvalidPolygonException {
    return planar
        .vertexAt(position)
        .orElseThrow(
            () ->
                new InvalidPolygonException(
                    GeometryProblem.Kind.TRIANGULATION_FAILED,
                    "JTS returned a triangle corner " + position + " that is no polygon vertex"));
  }
}
