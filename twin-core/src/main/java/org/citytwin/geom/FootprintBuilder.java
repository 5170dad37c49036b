package org.citytwin.geom;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.citytwin.model.LodGeometry;
import org.citytwin.model.Polygon3D;
import org.citytwin.model.SurfaceRole;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The 2D lon/lat footprint of an object, from the best source it has:
 *
 * <ol>
 *   <li>its LOD0 footprint polygons;
 *   <li>else its ground surfaces, from the lowest LOD that has them;
 *   <li>else the lowest LOD with surfaces that are not vertical (the projection of a wall has no
 *       area; a surface counts as vertical when its normal is within 0.06 degrees of horizontal);
 *   <li>else, for line and point objects, the 2D lines and points of their vertices;
 *   <li>else (only vertical or unusable surfaces) the convex hull of all vertices.
 * </ol>
 *
 * Polygons are unioned. When the union throws or comes out invalid (crossing input rings), the
 * convex hull of the chosen polygons' vertices is used instead and a FOOTPRINT_FALLBACK problem is
 * counted: too big rather than missing. Geometries use SRID 4326 with x = longitude.
 */
final class FootprintBuilder {

  /** Below this upward component of the unit normal a surface is a wall. */
  private static final double MIN_UP_COMPONENT = 1e-3;

  static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

  private final List<LodGeometry> geometries;
  private final SurfaceInspection inspection;
  private final List<GeometryProblem> problems;

  FootprintBuilder(
      List<LodGeometry> geometries, SurfaceInspection inspection, List<GeometryProblem> problems) {
    this.geometries = geometries;
    this.inspection = inspection;
    this.problems = problems;
  }

  /** The footprint, or an empty geometry when the object has no finite vertex at all. */
  Geometry build() {
    List<Polygon> polygons = polygons(g -> g.lod() == 0 && g.role() == SurfaceRole.FOOTPRINT);
    for (int lod = 0; lod <= 4 && polygons.isEmpty(); lod++) {
      int level = lod;
      polygons = polygons(g -> g.lod() == level && g.role() == SurfaceRole.GROUND);
    }
    for (int lod = 0; lod <= 4 && polygons.isEmpty(); lod++) {
      int level = lod;
      polygons = polygons(g -> g.lod() == level && g.isSurface());
    }
    if (!polygons.isEmpty()) {
      return union(polygons);
    }
    Geometry lines = linesAndPoints();
    if (!lines.isEmpty()) {
      return lines;
    }
    Geometry hull = hull(allSurfaceVertices());
    if (!hull.isEmpty()) {
      problems.add(
          GeometryProblem.ofObject(
              GeometryProblem.Kind.FOOTPRINT_FALLBACK,
              "no usable non-vertical surface; footprint is the convex hull of the vertices"));
    }
    return hull;
  }

  /** The usable, non-vertical polygons of the matching geometries, as 2D lon/lat polygons. */
  private List<Polygon> polygons(Predicate<LodGeometry> which) {
    List<Polygon> polygons = new ArrayList<>();
    for (int g = 0; g < geometries.size(); g++) {
      if (!which.test(geometries.get(g))) {
        continue;
      }
      List<Polygon3D> source = geometries.get(g).polygons();
      for (int p = 0; p < source.size(); p++) {
        int index = p;
        inspection
            .usable(g, p)
            .filter(planar -> Math.abs(planar.unitNormal()[2]) >= MIN_UP_COMPONENT)
            .ifPresent(planar -> polygons.add(flat(source.get(index))));
      }
    }
    return polygons;
  }

  private Geometry union(List<Polygon> polygons) {
    String why;
    try {
      Geometry union = UnaryUnionOp.union(polygons);
      if (union != null && !union.isEmpty() && union.isValid()) {
        return union;
      }
      why = "the union of " + polygons.size() + " polygons is invalid";
    } catch (RuntimeException e) {
      // OverlayNG reports crossing rings with TopologyException; the hull below is the fallback.
      why = "the union of " + polygons.size() + " polygons failed: " + e.getMessage();
    }
    problems.add(
        GeometryProblem.ofObject(
            GeometryProblem.Kind.FOOTPRINT_FALLBACK, why + "; using their convex hull"));
    List<Coordinate> vertices = new ArrayList<>();
    for (Polygon polygon : polygons) {
      vertices.addAll(List.of(polygon.getCoordinates()));
    }
    return hull(vertices);
  }

  private static Polygon flat(Polygon3D polygon) {
    LinearRing shell = ring(polygon.exterior());
    List<LinearRing> holes = new ArrayList<>();
    for (double[] hole : polygon.rings().subList(1, polygon.rings().size())) {
      if (hole.length >= 9) {
        holes.add(ring(hole));
      }
    }
    return FACTORY.createPolygon(shell, holes.toArray(LinearRing[]::new));
  }

  private static LinearRing ring(double[] xyz) {
    int n = xyz.length / 3;
    boolean closed = xyz[0] == xyz[3 * n - 3] && xyz[1] == xyz[3 * n - 2];
    Coordinate[] points = new Coordinate[closed ? n : n + 1];
    for (int i = 0; i < n; i++) {
      points[i] = new Coordinate(xyz[3 * i], xyz[3 * i + 1]);
    }
    points[points.length - 1] = points[0].copy();
    return FACTORY.createLinearRing(points);
  }

  private Geometry linesAndPoints() {
    List<Geometry> parts = new ArrayList<>();
    for (LodGeometry geometry : geometries) {
      if (geometry.isSurface()) {
        continue;
      }
      for (Polygon3D polygon : geometry.polygons()) {
        Coordinate[] points = finiteVertices(polygon).toArray(Coordinate[]::new);
        if (geometry.role() == SurfaceRole.CURVE && points.length >= 2) {
          parts.add(FACTORY.createLineString(points));
        } else {
          for (Coordinate point : points) {
            parts.add(FACTORY.createPoint(point));
          }
        }
      }
    }
    return FACTORY.buildGeometry(parts);
  }

  private List<Coordinate> allSurfaceVertices() {
    List<Coordinate> vertices = new ArrayList<>();
    for (LodGeometry geometry : geometries) {
      for (Polygon3D polygon : geometry.polygons()) {
        vertices.addAll(finiteVertices(polygon));
      }
    }
    return vertices;
  }

  private static List<Coordinate> finiteVertices(Polygon3D polygon) {
    List<Coordinate> vertices = new ArrayList<>();
    for (double[] ring : polygon.rings()) {
      for (int i = 0; i < ring.length; i += 3) {
        if (Double.isFinite(ring[i]) && Double.isFinite(ring[i + 1])) {
          vertices.add(new Coordinate(ring[i], ring[i + 1]));
        }
      }
    }
    return vertices;
  }

  private static Geometry hull(List<Coordinate> vertices) {
    return FACTORY.createMultiPointFromCoords(vertices.toArray(Coordinate[]::new)).convexHull();
  }
}
