package org.citytwin.crs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrsRegistryTest {

  /** One registry for the class: opening the EPSG database takes seconds. */
  private static final CrsRegistry REGISTRY = new CrsRegistry();

  /** Metres per degree of latitude, rounded down, to turn degree errors into metres (bound). */
  private static final double METRES_PER_DEGREE = 111_000;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "EPSG:6697 | EPSG:6697 | 3",
        "EPSG:6668 | EPSG:6668 | 2",
        "EPSG:25833 | EPSG:25833 | 2",
        "urn:ogc:def:crs:EPSG::25833 | EPSG:25833 | 2",
        "urn:ogc:def:crs:EPSG:6.12:25833 | EPSG:25833 | 2",
        "http://www.opengis.net/def/crs/EPSG/0/6697 | EPSG:6697 | 3",
        "https://www.opengis.net/def/crs/EPSG/0/6697 | EPSG:6697 | 3",
        "urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837 | EPSG:25832+7837 | 3",
        "urn:adv:crs:ETRS89_UTM32*DE_DHHN92_NH | EPSG:25832+5783 | 3",
        "urn:adv:crs:ETRS89_UTM33*DE_DHHN2016_NH | EPSG:25833+7837 | 3",
      })
  void resolvesEveryForm(String srsName, String identifier, int dimension) throws Exception {
    CoordinateConverter converter = REGISTRY.converterFor(srsName);
    assertEquals(identifier, converter.sourceIdentifier());
    assertEquals(srsName, converter.srsName());
    assertEquals(dimension, converter.sourceDimension());
    assertTrue(converter.accuracyMetres() <= 2, "accuracy " + converter.accuracyMetres());
  }

  @Test
  void plateauVertexIsLatitudeLongitudeHeight() throws Exception {
    // A vertex from a PLATEAU Osaka building, as written in its gml:posList.
    double[] xyz = {34.61651329984847, 135.4368793472134, 0, 34.6, 135.4, 12.5};
    REGISTRY.converterFor("http://www.opengis.net/def/crs/EPSG/0/6697").toCanonical(xyz, 0, 2);
    // JGD2011 to WGS 84 is the identity, so only the axis swap may change the values.
    assertArrayEquals(
        new double[] {135.4368793472134, 34.61651329984847, 0, 135.4, 34.6, 12.5}, xyz, 1e-9);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"EPSG:6668", "EPSG:4326"})
  void geographic2dIsLatitudeLongitudeAndPassesTheThirdValue(String srsName) throws Exception {
    // A 2D position is packed with height 0 by the loader; a 3D one keeps its height.
    double[] xyz = {35.68, 139.76, 0, 35.69, 139.77, 99};
    REGISTRY.converterFor(srsName).toCanonical(xyz, 0, 2);
    assertArrayEquals(new double[] {139.76, 35.68, 0, 139.77, 35.69, 99}, xyz, 1e-9);
  }

  @Test
  void berlinUtm33MatchesTextbookInverseTransverseMercator() throws Exception {
    double[] xyz = {384840.4, 5821248.5, 34.2};
    REGISTRY.converterFor("urn:ogc:def:crs:EPSG::25833").toCanonical(xyz, 0, 1);
    double[] expected = ProjectionOracle.inverseUtm(33, 384840.4, 5821248.5);
    // Snyder's series are good to 1e-8 degree here; 1e-7 degree is about 1 cm.
    assertArrayEquals(new double[] {expected[0], expected[1], 34.2}, xyz, 1e-7);
    assertEquals(13.3, xyz[0], 0.05, "Berlin longitude");
    assertEquals(52.5, xyz[1], 0.05, "Berlin latitude");
  }

  @Test
  void lyonCc46MatchesTextbookInverseLambert() throws Exception {
    double[] xyz = {1842810.1, 5175815.9, 170};
    REGISTRY.converterFor("EPSG:3946").toCanonical(xyz, 0, 1);
    // EPSG:3946 RGF93 / CC46: latitude of origin 46, central meridian 3, standard parallels
    // 45.25 and 46.75, false easting 1 700 000, false northing 5 200 000.
    double[] expected =
        ProjectionOracle.inverseLambert(
            46, 3, 45.25, 46.75, 1_700_000, 5_200_000, 1842810.1, 5175815.9);
    // The closed-form inverse is exact up to rounding: 1e-9 degree is 0.1 mm.
    assertArrayEquals(new double[] {expected[0], expected[1], 170}, xyz, 1e-9);
    assertEquals(4.83, xyz[0], 0.01, "Lyon longitude");
    assertEquals(45.76, xyz[1], 0.01, "Lyon latitude");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // srsName | x range | y range | metres per source unit
        "EPSG:6697 | 34 | 36 | 135 | 140 | " + METRES_PER_DEGREE,
        "EPSG:25833 | 300000 | 500000 | 5700000 | 5900000 | 1",
        "EPSG:3946 | 1800000 | 1900000 | 5100000 | 5300000 | 1",
        "EPSG:28992 | 100000 | 200000 | 400000 | 500000 | 1",
        "EPSG:25832 | 400000 | 600000 | 5500000 | 5900000 | 1",
        "urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH | 400000 | 600000 | 5500000 | 5900000 | 1",
      })
  void roundTripIsWithinOneMillimetre(
      String srsName, double x0, double x1, double y0, double y1, double metresPerUnit)
      throws Exception {
    CoordinateConverter converter = REGISTRY.converterFor(srsName);
    Random random = new Random(42);
    int count = 1000;
    double[] original = new double[3 * count];
    for (int i = 0; i < count; i++) {
      original[3 * i] = x0 + random.nextDouble() * (x1 - x0);
      original[3 * i + 1] = y0 + random.nextDouble() * (y1 - y0);
      original[3 * i + 2] = random.nextDouble() * 500;
    }
    double[] xyz = original.clone();
    converter.toCanonical(xyz, 0, count);
    converter.fromCanonical(xyz, 0, count);
    for (int i = 0; i < xyz.length; i++) {
      double errorMetres = Math.abs(xyz[i] - original[i]) * (i % 3 == 2 ? 1 : metresPerUnit);
      assertTrue(errorMetres < 1e-3, srsName + " value " + i + " off by " + errorMetres + " m");
    }
  }

  @Test
  void transformsOnlyTheRequestedSlice() throws Exception {
    double[] xyz = {-1, -2, -3, 34.6, 135.4, 7, -4, -5, -6};
    REGISTRY.converterFor("EPSG:6697").toCanonical(xyz, 3, 1);
    assertArrayEquals(new double[] {-1, -2, -3, 135.4, 34.6, 7, -4, -5, -6}, xyz, 1e-9);
  }

  @Test
  void rejectsASliceOutsideTheArray() throws Exception {
    CoordinateConverter converter = REGISTRY.converterFor("EPSG:6697");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> converter.toCanonical(new double[6], 3, 2));
    assertTrue(e.getMessage().contains("offset 3"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "http://www.opengis.net/def/crs/EPSG/0/669 | EPSG code 669, which is not a coordinate"
            + " reference system",
        "foo | is not a recognised CRS name",
        "EPSG:99999 | EPSG code 99999",
        "urn:adv:crs:ETRS89_UTM99 | is not a recognised CRS name",
        "urn:ogc:def:crs,crs:EPSG::7837,crs:EPSG::5783 | do not form a compound CRS",
        "EPSG:5783 | has no horizontal component",
      })
  void unknownNamesSayWhichAndWhy(String srsName, String reason) {
    for (int attempt = 0; attempt < 2; attempt++) {
      // The second attempt is answered from the cache and must fail the same way.
      UnknownCrsException e =
          assertThrows(UnknownCrsException.class, () -> REGISTRY.converterFor(srsName));
      assertTrue(e.getMessage().startsWith("srsName '" + srsName + "' "), e.getMessage());
      assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
  }

  @Test
  void manyThreadsGetTheSameConverter() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<CoordinateConverter>> futures = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        futures.add(pool.submit(() -> REGISTRY.converterFor("urn:ogc:def:crs:EPSG::25832")));
      }
      CoordinateConverter first = futures.get(0).get();
      for (Future<CoordinateConverter> future : futures) {
        assertSame(first, future.get());
      }
    } finally {
      pool.shutdown();
    }
  }
}
