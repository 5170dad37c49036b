package org.citytwin.geom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.citytwin.model.Polygon3D;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * A {@link Polygon3D} laid flat in its own plane: vertices in a {@link LocalTangentPlane} at the
 * first vertex (metres, so JTS tolerances make sense), then projected onto a 2D basis {@code (u,
 * v)} of the plane whose Newell normal {@code n} completes it to a right-handed frame. A ring that
 * is counter-clockwise seen from the side {@code n} points to is therefore counter-clockwise in 2D.
 *
 * <p>Consecutive repeated vertices and a repeated closing vertex are dropped; holes with fewer than
 * three distinct vertices enclose nothing and are ignored. Each 2D position remembers the index of
 * its vertex in the polygon (rings concatenated, exterior first), so results can point back at the
 * original coordinates instead of copies.
 */
final class PlanarPolygon {

  /** Polygons smaller than this (1 mm^2) are degenerate. */
  static final double MIN_AREA_SQUARE_METRES = 1e-6;

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private final Polygon polygon;
  private final Map<Coordinate, Integer> vertexIndex;
  private final double[] unitNormal;
  private final double areaSquareMetres;
  private final double maxPlaneDistanceMetres;
  private final int[] triangle;

  private PlanarPolygon(
      Polygon polygon,
      Map<Coordinate, Integer> vertexIndex,
      double[] unitNormal,
      double areaSquareMetres,
      double maxPlaneDistanceMetres,
      int[] triangle) {
    this.polygon = polygon;
    this.vertexIndex = vertexIndex;
    this.unitNormal = unitNormal;
    this.areaSquareMetres = areaSquareMetres;
    this.maxPlaneDistanceMetres = maxPlaneDistanceMetres;
    this.triangle = triangle;
  }

  /**
   * Lays a polygon flat.
   *
   * @throws InvalidPolygonException of kind NON_FINITE_COORDINATE, TOO_FEW_POINTS or DEGENERATE
   */
  static PlanarPolygon of(Polygon3D source) throws InvalidPolygonException {
    double[] enu = localCoordinates(source);
    List<int[]> rings = distinctRings(source);
    int[] exterior = rings.get(0);
    if (exterior.length < 3) {
      throw new InvalidPolygonException(
          GeometryProblem.Kind.TOO_FEW_POINTS,
          "exterior ring has " + exterior.length + " distinct vertices, needs 3");
    }
    double[] normal = newellNormal(enu, exterior);
    double length = Math.sqrt(dot(normal, normal));
    if (!(length / 2 >= MIN_AREA_SQUARE_METRES)) {
      throw new InvalidPolygonException(
          GeometryProblem.Kind.DEGENERATE,
          "exterior ring encloses " + length / 2 + " m^2, less than 1 mm^2");
    }
    double[] n = {normal[0] / length, normal[1] / length, normal[2] / length};
    double[][] basis = basis(n);
    Map<Coordinate, Integer> index = new HashMap<>();
    LinearRing shell = ring(enu, exterior, basis, index);
    List<LinearRing> holes = new ArrayList<>();
    for (int[] hole : rings.subList(1, rings.size())) {
      if (hole.length >= 3) {
        holes.add(ring(enu, hole, basis, index));
      }
    }
    Polygon flat = FACTORY.createPolygon(shell, holes.toArray(LinearRing[]::new));
    int[] fan = holes.isEmpty() && isStrictlyConvex(shell) ? fan(exterior) : null;
    return new PlanarPolygon(flat, index, n, flat.getArea(), planeDistance(enu, exterior, n), fan);
  }

  /** The polygon in plane coordinates (metres). */
  Polygon polygon() {
    return polygon;
  }

  /** The index of the source vertex at a 2D position of {@link #polygon()}, if it is one. */
  Optional<Integer> vertexAt(Coordinate position) {
    return Optional.ofNullable(vertexIndex.get(position));
  }

  /** The unit Newell normal of the exterior ring, east/north/up. */
  double[] unitNormal() {
    return unitNormal.clone();
  }

  /** Area in the plane, holes subtracted (JTS area of {@link #polygon()}). */
  double areaSquareMetres() {
    return areaSquareMetres;
  }

  /** The largest distance of an exterior vertex from the plane through their mean, in metres. */
  double maxPlaneDistanceMetres() {
    return maxPlaneDistanceMetres;
  }

  /**
   * The triangles of a strictly convex polygon without holes (most LOD1 and many LOD2 faces) as a
   * fan from its first vertex, in ring order; empty for any other polygon. A fan of a strictly
   * convex ring is a valid triangulation over its own vertices, so JTS's triangulator is not
   * needed.
   */
  Optional<int[]> convexFan() {
    return Optional.ofNullable(triangle).map(int[]::clone);
  }

  /** Why JTS finds the flat polygon invalid (self-intersection, bad hole), if it does. */
  Optional<String> invalidity() {
    if (triangle != null) {
      return Optional.empty(); // a strictly convex ring cannot cross itself
    }
    TopologyValidationError error = new IsValidOp(polygon).getValidationError();
    Coordinate first = polygon.getExteriorRing().getCoordinateN(0);
    if (error == null) {
      return Optional.empty();
    }
    Coordinate at = error.getCoordinate();
    return Optional.of(
        String.format(
            Locale.ROOT,
            "%s about %.2f m from the first vertex",
            error.getMessage(),
            at == null ? Double.NaN : Math.hypot(at.x - first.x, at.y - first.y)));
  }

  /**
   * Every turn of the counter-clockwise ring is a strict left turn (no reflex or straight corner).
   */
  private static boolean isStrictlyConvex(LinearRing ring) {
    Coordinate[] c = ring.getCoordinates(); // closed: the first coordinate repeats at the end
    int n = c.length - 1;
    for (int i = 0; i < n; i++) {
      Coordinate a = c[i];
      Coordinate b = c[(i + 1) % n];
      Coordinate d = c[(i + 2) % n];
      double cross = (b.x - a.x) * (d.y - b.y) - (b.y - a.y) * (d.x - b.x);
      if (!(cross > 1e-12)) {
        return false;
      }
    }
    return true;
  }

  private static int[] fan(int[] exterior) {
    int[] indices = new int[3 * (exterior.length - 2)];
    for (int i = 1; i + 1 < exterior.length; i++) {
      indices[3 * (i - 1)] = exterior[0];
      indices[3 * (i - 1) + 1] = exterior[i];
      indices[3 * (i - 1) + 2] = exterior[i + 1];
    }
    return indices;
  }

  private static double[] localCoordinates(Polygon3D source) throws InvalidPolygonException {
    double[] first = source.exterior();
    double[] enu = new double[3 * source.vertexCount()];
    for (double[] ring : source.rings()) {
      for (double value : ring) {
        if (!Double.isFinite(value)) {
          throw new InvalidPolygonException(
              GeometryProblem.Kind.NON_FINITE_COORDINATE, "a coordinate is " + value);
        }
      }
    }
    if (first.length == 0) {
      throw new InvalidPolygonException(
          GeometryProblem.Kind.TOO_FEW_POINTS, "exterior ring has no vertex");
    }
    LocalTangentPlane plane = LocalTangentPlane.at(first[0], first[1], first[2]);
    int k = 0;
    for (double[] ring : source.rings()) {
      for (int i = 0; i < ring.length; i += 3) {
        enu[k++] = plane.east(ring[i]);
        enu[k++] = plane.north(ring[i + 1]);
        enu[k++] = plane.up(ring[i + 2]);
      }
    }
    return enu;
  }

  /** Per ring, the polygon-wide indices of its vertices without consecutive repeats. */
  private static List<int[]> distinctRings(Polygon3D source) {
    List<int[]> rings = new ArrayList<>();
    int start = 0;
    for (double[] ring : source.rings()) {
      int count = ring.length / 3;
      List<Integer> kept = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        boolean repeat = !kept.isEmpty() && same(ring, kept.get(kept.size() - 1) - start, i);
        if (!repeat) {
          kept.add(start + i);
        }
      }
      while (kept.size() > 1
          && same(ring, kept.get(kept.size() - 1) - start, kept.get(0) - start)) {
        kept.remove(kept.size() - 1);
      }
      rings.add(kept.stream().mapToInt(Integer::intValue).toArray());
      start += count;
    }
    return rings;
  }

  private static boolean same(double[] ring, int a, int b) {
    return ring[3 * a] == ring[3 * b]
        && ring[3 * a + 1] == ring[3 * b + 1]
        && ring[3 * a + 2] == ring[3 * b + 2];
  }

  /** Newell's normal: twice the vector area of the ring, pointing where it looks CCW from. */
  private static double[] newellNormal(double[] enu, int[] ring) {
    double[] n = new double[3];
    for (int i = 0; i < ring.length; i++) {
      int a = 3 * ring[i];
      int b = 3 * ring[(i + 1) % ring.length];
      n[0] += (enu[a + 1] - enu[b + 1]) * (enu[a + 2] + enu[b + 2]);
      n[1] += (enu[a + 2] - enu[b + 2]) * (enu[a] + enu[b]);
      n[2] += (enu[a] - enu[b]) * (enu[a + 1] + enu[b + 1]);
    }
    return n;
  }

  /** Unit vectors u, v in the plane with u x v = n. */
  private static double[][] basis(double[] n) {
    // Start from the world axis least aligned with n, so the cross product is well conditioned.
    double ax = Math.abs(n[0]);
    double ay = Math.abs(n[1]);
    double az = Math.abs(n[2]);
    double[] axis =
        ax <= ay && ax <= az
            ? new double[] {1, 0, 0}
            : ay <= az ? new double[] {0, 1, 0} : new double[] {0, 0, 1};
    double[] u = cross(axis, n);
    double length = Math.sqrt(dot(u, u));
    u = new double[] {u[0] / length, u[1] / length, u[2] / length};
    return new double[][] {u, cross(n, u)};
  }

  private static LinearRing ring(
      double[] enu, int[] ring, double[][] basis, Map<Coordinate, Integer> index) {
    Coordinate[] points = new Coordinate[ring.length + 1];
    for (int i = 0; i < ring.length; i++) {
      int a = 3 * ring[i];
      double[] p = {enu[a], enu[a + 1], enu[a + 2]};
      points[i] = new Coordinate(dot(p, basis[0]), dot(p, basis[1]));
      index.putIfAbsent(points[i], ring[i]);
    }
    points[ring.length] = points[0].copy();
    return FACTORY.createLinearRing(points);
  }

  private static double planeDistance(double[] enu, int[] ring, double[] n) {
    double mean = 0;
    for (int i : ring) {
      mean += enu[3 * i] * n[0] + enu[3 * i + 1] * n[1] + enu[3 * i + 2] * n[2];
    }
    mean /= ring.length;
    double max = 0;
    for (int i : ring) {
      double d = enu[3 * i] * n[0] + enu[3 * i + 1] * n[1] + enu[3 * i + 2] * n[2] - mean;
      max = Math.max(max, Math.abs(d));
    }
    return max;
  }

  private static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  private static double[] cross(double[] a, double[] b) {
    return new double[] {
      a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]
    };
  }
}
