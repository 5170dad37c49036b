package org.citytwin.geom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

class GroundAreaTest {

  /**
   * A lon/lat box against numerical integration of the area element M(phi) N(phi) cos(phi) dphi
   * dlambda (product of the WGS 84 radii of curvature, a formula independent of the authalic
   * function the code uses). Box edges follow meridians and parallels, where the method is exact,
   * so 1e-9 relative is asserted.
   */
  @ParameterizedTest(name = "{2} deg box at {1}N")
  @CsvSource({
    "135.43, 34.61, 0.0002",
    "135.43, 34.61, 0.01",
    "13.3, 52.5, 0.1",
    "4.83, 45.76, 1.0",
    "-70.0, -33.4, 0.05",
    "10.0, 0.0, 0.5",
    "25.0, 69.9, 0.02",
  })
  void boxAreaMatchesIntegratedRadiiOfCurvature(double lon, double lat, double size) {
    Polygon box =
        FootprintBuilder.FACTORY.createPolygon(
            new Coordinate[] {
              new Coordinate(lon, lat),
              new Coordinate(lon + size, lat),
              new Coordinate(lon + size, lat + size),
              new Coordinate(lon, lat + size),
              new Coordinate(lon, lat)
            });
    double expected = integratedArea(lat, lat + size) * Math.toRadians(size);
    assertEquals(expected, GroundArea.squareMetres(box), expected * 1e-9);
  }

  /** Simpson's rule over latitude of M N cos(phi), 2000 intervals. */
  private static double integratedArea(double lat1, double lat2) {
    int n = 2000;
    double a = Math.toRadians(lat1);
    double h = (Math.toRadians(lat2) - a) / n;
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double weight = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
      sum += weight * element(a + i * h);
    }
    return sum * h / 3;
  }

  private static double element(double phi) {
    double e2 = LocalTangentPlane.E2;
    double w = 1 - e2 * Math.sin(phi) * Math.sin(phi);
    double m = LocalTangentPlane.A * (1 - e2) / (w * Math.sqrt(w));
    double n = LocalTangentPlane.A / Math.sqrt(w);
    return m * n * Math.cos(phi);
  }
}
