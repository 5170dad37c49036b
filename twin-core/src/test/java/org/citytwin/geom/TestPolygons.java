package org.citytwin.geom;

import java.util.ArrayList;
import java.util.List;
import org.citytwin.model.Polygon3D;

/** Builds model polygons from east/north/up metres around a place, and measures them back. */
final class TestPolygons {

  /** Osaka, where PLATEAU sample data lives: about 35 degrees north. */
  static final LocalTangentPlane OSAKA = LocalTangentPlane.at(135.4368793472134, 34.6165, 2.5);

  private TestPolygons() {}

  /** A polygon whose rings are given as flat {@code e, n, u} metre triples around {@code OSAKA}. */
  static Polygon3D metres(double[]... rings) {
    return metres(OSAKA, rings);
  }

  static Polygon3D metres(LocalTangentPlane plane, double[]... rings) {
    List<double[]> lonLat = new ArrayList<>();
    for (double[] ring : rings) {
      double[] out = new double[ring.length];
      for (int i = 0; i < ring.length; i += 3) {
        out[i] = plane.lon(ring[i]);
        out[i + 1] = plane.lat(ring[i + 1]);
        out[i + 2] = ring[i + 2] + plane.originHeight();
      }
      lonLat.add(out);
    }
    return new Polygon3D(lonLat);
  }

  /** The vertices of a polygon in {@code OSAKA}'s frame, rings concatenated. */
  static double[] local(Polygon3D polygon) {
    double[] enu = new double[3 * polygon.vertexCount()];
    int k = 0;
    for (double[] ring : polygon.rings()) {
      for (int i = 0; i < ring.length; i += 3) {
        enu[k++] = OSAKA.east(ring[i]);
        enu[k++] = OSAKA.north(ring[i + 1]);
        enu[k++] = OSAKA.up(ring[i + 2]);
      }
    }
    return enu;
  }

  /** Newell vector area of the vertices {@code from..to-1} of {@code enu}, as a closed ring. */
  static double[] vectorArea(double[] enu, int from, int to) {
    double[] n = new double[3];
    for (int i = from; i < to; i++) {
      int a = 3 * i;
      int b = 3 * (i + 1 < to ? i + 1 : from);
      n[0] += (enu[a + 1] * enu[b + 2] - enu[a + 2] * enu[b + 1]) / 2;
      n[1] += (enu[a + 2] * enu[b] - enu[a] * enu[b + 2]) / 2;
      n[2] += (enu[a] * enu[b + 1] - enu[a + 1] * enu[b]) / 2;
    }
    return n;
  }

  /** The planar area: exterior vector area minus the holes', all measured in the same frame. */
  static double area(Polygon3D polygon) {
    double[] enu = local(polygon);
    double area = 0;
    int start = 0;
    for (double[] ring : polygon.rings()) {
      int end = start + ring.length / 3;
      area += (start == 0 ? 1 : -1) * length(vectorArea(enu, start, end));
      start = end;
    }
    return area;
  }

  /** Vector area of one triangle of a polygon's vertices. */
  static double[] triangleVectorArea(double[] enu, int a, int b, int c) {
    double[] ab = {
      enu[3 * b] - enu[3 * a], enu[3 * b + 1] - enu[3 * a + 1], enu[3 * b + 2] - enu[3 * a + 2]
    };
    double[] ac = {
      enu[3 * c] - enu[3 * a], enu[3 * c + 1] - enu[3 * a + 1], enu[3 * c + 2] - enu[3 * a + 2]
    };
    return new double[] {
      (ab[1] * ac[2] - ab[2] * ac[1]) / 2,
      (ab[2] * ac[0] - ab[0] * ac[2]) / 2,
      (ab[0] * ac[1] - ab[1] * ac[0]) / 2
    };
  }

  static double length(double[] v) {
    return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
  }

  static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }
}
