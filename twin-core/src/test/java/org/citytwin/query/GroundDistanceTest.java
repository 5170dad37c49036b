package org.citytwin.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

class GroundDistanceTest {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  /** Within 5 km of the point, the local metric agrees with haversine to 0.1%. */
  @Test
  void agreesWithHaversineAtCityScale() {
    Random random = new Random(7);
    for (int i = 0; i < 1000; i++) {
      double lat0 = -60 + random.nextDouble() * 120;
      double lon0 = -170 + random.nextDouble() * 340;
      double lon = lon0 + (random.nextDouble() * 2 - 1) * 0.04;
      double lat = lat0 + (random.nextDouble() * 2 - 1) * 0.04;
      Point point = FACTORY.createPoint(new Coordinate(lon, lat));
      double expected = haversine(lon0, lat0, lon, lat);
      assertEquals(expected, GroundDistance.metres(point, lon0, lat0), expected * 1e-3 + 1e-6);
    }
  }

  /** Every point at distance <= r lies inside the search box (the index prefilter's promise). */
  @Test
  void searchBoxHoldsEveryPointWithinTheRadius() {
    Random random = new Random(8);
    for (int i = 0; i < 2000; i++) {
      double lat0 = -80 + random.nextDouble() * 160;
      double lon0 = -170 + random.nextDouble() * 340;
      double metres = random.nextDouble() * 3000;
      double lon = lon0 + (random.nextDouble() * 2 - 1) * 0.1;
      double lat = lat0 + (random.nextDouble() * 2 - 1) * 0.05;
      Point point = FACTORY.createPoint(new Coordinate(lon, lat));
      if (GroundDistance.metres(point, lon0, lat0) <= metres) {
        assertTrue(GroundDistance.searchBox(lon0, lat0, metres).contains(lon, lat));
      }
    }
  }

  private static double haversine(double lon1, double lat1, double lon2, double lat2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * GroundDistance.EARTH_RADIUS_METRES * Math.asin(Math.sqrt(a));
  }
}
