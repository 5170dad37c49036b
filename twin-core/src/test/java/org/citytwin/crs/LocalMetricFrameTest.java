package org.citytwin.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalMetricFrameTest {

  @ParameterizedTest(name = "{0},{1} -> {2}")
  @CsvSource({
    "139.76, 35.68, EPSG:32654",
    "135.44, 34.62, EPSG:32653",
    "13.3, 52.5, EPSG:32633",
    "4.83, 45.76, EPSG:32631",
    "-74.0, 40.7, EPSG:32618",
    "151.2, -33.9, EPSG:32756",
  })
  void picksTheUtmZoneOfThePlace(double lon, double lat, String identifier) {
    assertEquals(identifier, LocalMetricFrame.around(lon, lat).identifier());
  }

  @Test
  void northSouthDistanceMatchesTheMeridianArc() throws Exception {
    double lat = 35.0;
    double[] xyz = {139.76, lat, 0, 139.76, lat + 0.01, 0};
    LocalMetricFrame.around(139.76, lat).toMetric(xyz, 0, 2);
    double metres = Math.hypot(xyz[3] - xyz[0], xyz[4] - xyz[1]);
    // Meridian radius of curvature M = a(1-e2)/(1-e2 sin^2 phi)^1.5 on GRS 80 at 35.005N.
    double e2 = 0.0066943800229;
    double sin = Math.sin(Math.toRadians(lat + 0.005));
    double arc = 6378137 * (1 - e2) / Math.pow(1 - e2 * sin * sin, 1.5) * Math.toRadians(0.01);
    // UTM scale is within 0.9996..1.001 of true length: 0.1 %.
    assertEquals(arc, metres, arc * 1e-3);
  }

  @Test
  void roundTripIsWithinOneMillimetre() throws Exception {
    LocalMetricFrame frame = LocalMetricFrame.around(135.5, 34.7);
    Random random = new Random(7);
    double[] original = new double[300];
    for (int i = 0; i < original.length; i += 3) {
      original[i] = 135 + random.nextDouble() * 2;
      original[i + 1] = 34 + random.nextDouble() * 2;
      original[i + 2] = random.nextDouble() * 100;
    }
    double[] xyz = original.clone();
    frame.toMetric(xyz, 0, 100);
    frame.fromMetric(xyz, 0, 100);
    for (int i = 0; i < xyz.length; i++) {
      double metres = Math.abs(xyz[i] - original[i]) * (i % 3 == 2 ? 1 : 111_000);
      assertTrue(metres < 1e-3, "value " + i + " off by " + metres + " m");
    }
  }

  @Test
  void rejectsAPlaceOutOfRange() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LocalMetricFrame.around(35, 190));
    assertTrue(e.getMessage().contains("190"), e.getMessage());
  }

  /** The zone of the prefecture for these cities (GSI's table), by nearest origin. */
  @ParameterizedTest(name = "{0},{1} -> {2}")
  @CsvSource({
    "135.50, 34.69, EPSG:6674", // Osaka: zone VI
    "139.76, 35.68, EPSG:6677", // Tokyo: zone IX
    "141.35, 43.06, EPSG:6680", // Sapporo: zone XII
    "130.40, 33.59, EPSG:6670", // Fukuoka: zone II
    "127.68, 26.21, EPSG:6683", // Naha: zone XV
  })
  void picksTheJapanesePlaneRectangularZone(double lon, double lat, String identifier) {
    LocalMetricFrame frame = LocalMetricFrame.japanPlaneRectangular(lon, lat);
    assertEquals(identifier, frame.identifier());
    assertEquals(Integer.parseInt(identifier.substring(5)), frame.epsgCode());
  }

  /**
   * Osaka Castle in zone VI (origin 36N 136E): about 43.4 km west and 145.6 km south of the origin
   * (spherical estimate, so 0.5 km tolerance); easting comes first although EPSG orders the zone's
   * axes northing, easting.
   */
  @Test
  void planeRectangularAxesAreEastingNorthing() throws Exception {
    double[] xyz = {135.5259, 34.6873, 12.5};
    LocalMetricFrame frame = LocalMetricFrame.ofEpsg(6674);
    frame.toMetric(xyz, 0, 1);
    assertEquals(-43_400, xyz[0], 500);
    assertEquals(-145_600, xyz[1], 500);
    assertEquals(12.5, xyz[2]);
    frame.fromMetric(xyz, 0, 1);
    assertEquals(135.5259, xyz[0], 1e-9);
    assertEquals(34.6873, xyz[1], 1e-9);
  }

  @Test
  void ofEpsgRefusesAGeographicCrs() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LocalMetricFrame.ofEpsg(4326));
    assertTrue(e.getMessage().contains("EPSG:4326"), e.getMessage());
  }
}
