package org.citytwin.geom;

import static org.citytwin.geom.TestPolygons.dot;
import static org.citytwin.geom.TestPolygons.length;
import static org.citytwin.geom.TestPolygons.metres;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.citytwin.model.Polygon3D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TriangulatorTest {

  /**
   * Shapes in metres with their triangle count, n - 2 + 2h for n vertices over all rings and h
   * holes, and their analytic area.
   */
  static Stream<Arguments> shapes() {
    double slope = Math.hypot(5, 5);
    return Stream.of(
        Arguments.of(
            "unit square", metres(new double[] {0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0}), 2, 1.0),
        Arguments.of(
            "L-shape",
            metres(new double[] {0, 0, 0, 2, 0, 0, 2, 1, 0, 1, 1, 0, 1, 2, 0, 0, 2, 0}),
            4,
            3.0),
        Arguments.of(
            "square with a hole",
            metres(
                new double[] {0, 0, 0, 10, 0, 0, 10, 10, 0, 0, 10, 0},
                new double[] {3, 3, 0, 3, 7, 0, 7, 7, 0, 7, 3, 0}),
            8,
            84.0),
        Arguments.of(
            "two holes",
            metres(
                new double[] {0, 0, 0, 10, 0, 0, 10, 10, 0, 0, 10, 0},
                new double[] {1, 1, 0, 1, 3, 0, 3, 3, 0, 3, 1, 0},
                new double[] {5, 5, 0, 5, 8, 0, 8, 8, 0}),
            13,
            100 - 4 - 4.5),
        Arguments.of(
            "vertical wall in the east-up plane",
            metres(new double[] {0, 0, 0, 8, 0, 0, 8, 0, 3, 0, 0, 3}),
            2,
            24.0),
        Arguments.of(
            "vertical wall with a window",
            metres(
                new double[] {0, 5, 0, 0, 5, 3, 0, 0, 3, 0, 0, 0},
                new double[] {0, 1, 1, 0, 2, 1, 0, 2, 2, 0, 1, 2}),
            8,
            14.0),
        Arguments.of(
            "sloped roof",
            metres(new double[] {0, 0, 10, 10, 0, 10, 10, 5, 15, 0, 5, 15}),
            2,
            10 * slope),
        Arguments.of(
            "clockwise floor", metres(new double[] {0, 0, 0, 0, 4, 0, 5, 4, 0, 5, 0, 0}), 2, 20.0),
        Arguments.of("triangle", metres(new double[] {0, 0, 0, 3, 0, 0, 0, 4, 0}), 1, 6.0),
        Arguments.of(
            "repeated vertices are dropped",
            metres(new double[] {0, 0, 0, 0, 0, 0, 2, 0, 0, 2, 2, 0, 0, 2, 0, 0, 0, 0}),
            2,
            4.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void triangulatesWithTheExpectedCountAreaAndWinding(
      String name, Polygon3D polygon, int triangles, double area) throws Exception {
    int[] indices = Triangulator.triangulate(polygon);
    assertEquals(3 * triangles, indices.length, name + ": " + Arrays.toString(indices));
    assertCoversPolygon(polygon, indices);
    // Against the analytic area the degree round trip of the fixture costs ~1e-9 m per vertex.
    assertEquals(area, TestPolygons.area(polygon), area * 1e-7, name);
  }

  @Test
  void seededRandomConvexAndStarPolygonsMatchTheShoelaceArea() throws Exception {
    Random random = new Random(20240601);
    for (int trial = 0; trial < 300; trial++) {
      boolean star = trial % 2 == 1;
      int n = 3 + random.nextInt(30);
      double[] angles = new double[n];
      for (int i = 0; i < n; i++) {
        angles[i] = random.nextDouble() * 2 * Math.PI;
      }
      Arrays.sort(angles);
      double[] xy = new double[2 * n];
      double radius = 5 + random.nextDouble() * 50;
      for (int i = 0; i < n; i++) {
        // Convex: all on one ellipse. Star: random radius per vertex, visible from the centre.
        double r = star ? radius * (0.3 + 0.7 * random.nextDouble()) : radius;
        xy[2 * i] = r * Math.cos(angles[i]);
        xy[2 * i + 1] = 0.6 * r * Math.sin(angles[i]);
      }
      double shoelace = 0;
      for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        shoelace += (xy[2 * i] * xy[2 * j + 1] - xy[2 * j] * xy[2 * i + 1]) / 2;
      }
      if (shoelace < 1e-3) {
        continue; // random angles bunched on one side can make a sliver; not what is tested
      }
      Polygon3D polygon = metres(embed(xy, random));
      int[] indices = Triangulator.triangulate(polygon);
      assertEquals(3 * (n - 2), indices.length, "trial " + trial);
      assertCoversPolygon(polygon, indices);
      // The plane embedding is a rotation, so the planar area is the 2D shoelace area.
      assertEquals(shoelace, TestPolygons.area(polygon), shoelace * 1e-7, "trial " + trial);
    }
  }

  @Test
  void rejectsTooFewPoints() {
    InvalidPolygonException e =
        assertThrows(
            InvalidPolygonException.class,
            () -> Triangulator.triangulate(metres(new double[] {0, 0, 0, 1, 0, 0, 1, 0, 0})));
    assertEquals(GeometryProblem.Kind.TOO_FEW_POINTS, e.kind());
  }

  @Test
  void rejectsCollinearPointsAsDegenerate() {
    InvalidPolygonException e =
        assertThrows(
            InvalidPolygonException.class,
            () ->
                Triangulator.triangulate(
                    metres(new double[] {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3})));
    assertEquals(GeometryProblem.Kind.DEGENERATE, e.kind());
  }

  @Test
  void aSymmetricBowTieHasNoNetAreaAndIsDegenerate() {
    Polygon3D bowTie = metres(new double[] {0, 0, 0, 2, 2, 0, 2, 0, 0, 0, 2, 0});
    InvalidPolygonException e =
        assertThrows(InvalidPolygonException.class, () -> Triangulator.triangulate(bowTie));
    assertEquals(GeometryProblem.Kind.DEGENERATE, e.kind());
  }

  @Test
  void anUnevenBowTieEitherTriangulatesOrFailsWithAKind() {
    // Lobes of 4 m^2 and 1 m^2 wound opposite ways, crossing at (2, 2).
    Polygon3D bowTie = metres(new double[] {0, 0, 0, 4, 0, 0, 1, 3, 0, 3, 3, 0});
    try {
      int[] indices = Triangulator.triangulate(bowTie);
      assertEquals(0, indices.length % 3);
    } catch (InvalidPolygonException e) {
      assertEquals(GeometryProblem.Kind.TRIANGULATION_FAILED, e.kind());
    }
  }

  /**
   * Asserts the triangles tile the polygon: their areas sum to its area (1e-9 relative, both
   * measured from the same vertices) and each faces the way its exterior ring does.
   */
  private static void assertCoversPolygon(Polygon3D polygon, int[] indices) {
    double[] enu = TestPolygons.local(polygon);
    int exteriorCount = polygon.exterior().length / 3;
    double[] normal = TestPolygons.vectorArea(enu, 0, exteriorCount);
    double sum = 0;
    for (int t = 0; t < indices.length; t += 3) {
      for (int k = 0; k < 3; k++) {
        assertTrue(indices[t + k] >= 0 && indices[t + k] < polygon.vertexCount());
      }
      double[] triangle =
          TestPolygons.triangleVectorArea(enu, indices[t], indices[t + 1], indices[t + 2]);
      double cos = dot(triangle, normal) / (length(triangle) * length(normal));
      assertTrue(cos > 0.999, "triangle " + t / 3 + " faces the other way: cos " + cos);
      sum += length(triangle);
    }
    double area = TestPolygons.area(polygon);
    assertEquals(area, sum, area * 1e-9, "sum of triangle areas");
  }

  /** Puts 2D metre coordinates into a random plane through a point near the origin. */
  private static double[] embed(double[] xy, Random random) {
    double[] n = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
    double nl = length(n);
    n = new double[] {n[0] / nl, n[1] / nl, n[2] / nl};
    double[] u =
        Math.abs(n[0]) < 0.9 ? cross(new double[] {1, 0, 0}, n) : cross(new double[] {0, 1, 0}, n);
    double ul = length(u);
    u = new double[] {u[0] / ul, u[1] / ul, u[2] / ul};
    double[] v = cross(n, u);
    double[] out = new double[xy.length / 2 * 3];
    for (int i = 0; i < xy.length / 2; i++) {
      for (int k = 0; k < 3; k++) {
        out[3 * i + k] = 20 + xy[2 * i] * u[k] + xy[2 * i + 1] * v[k];
      }
    }
    return out;
  }

  private static double[] cross(double[] a, double[] b) {
    return new double[] {
      a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]
    };
  }
}
