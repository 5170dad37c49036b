package org.citytwin.geojson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.citytwin.citygml.CityGmlParser;
import org.citytwin.citygml.CityGmlReader;
import org.citytwin.citygml.ConvertedChunk;
import org.citytwin.citygml.Fixtures;
import org.citytwin.model.CityObject;
import org.citytwin.model.SurfaceRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * {@link GeometryJson} against the oracle it replaced, JTS's {@link GeoJsonWriter} at the same 9
 * decimals: the same text (so responses keep their bytes) and the same parsed JSON, for every
 * geometry the sample files give a feature (footprints, every LOD's surfaces in 3D) and for
 * axis-swapped copies, as the lat/lon response CRSs write them.
 */
class GeometryJsonTest {
  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final GeometryJson WRITER = new GeometryJson(9);
  private static final List<Geometry> SAMPLES = new ArrayList<>();

  @BeforeAll
  static void readSamples() throws Exception {
    List<Path> files =
        List.of(
            Fixtures.osakaDirectory().resolve("51357345_bldg_6697_op.gml"),
            Fixtures.osakaDirectory().resolve("51357345_tran_6697_op.gml"),
            Fixtures.sample(Fixtures.YOKOSUKA_LOD2),
            Fixtures.sample(Fixtures.BERLIN_BLOCK),
            Fixtures.sample(Fixtures.LYON_CITYGML3));
    try (CityGmlParser parser = new CityGmlParser(1, null)) {
      for (Path file : files) {
        try (CityGmlReader reader = parser.open(Fixtures.source(file))) {
          ConvertedChunk chunk;
          while ((chunk = reader.next()) != null) {
            chunk.objects().forEach(GeometryJsonTest::addGeometries);
          }
        }
      }
    }
  }

  private static void addGeometries(CityObject object) {
    for (GeometryChoice choice : GeometryChoice.values()) {
      Geometry geometry = choice.of(object);
      if (geometry != null && !geometry.isEmpty()) {
        SAMPLES.add(geometry);
      }
    }
    for (Map<SurfaceRole, Geometry> roles : LodGeometries.byLodAndRole(object).values()) {
      roles.values().stream().filter(g -> !g.isEmpty()).forEach(SAMPLES::add);
    }
  }

  @Test
  void samplesCoverHolesMultiPolygonsAnd3d() {
    assertTrue(SAMPLES.size() > 1_000, "sample geometries: " + SAMPLES.size());
    assertTrue(count(g -> g instanceof MultiPolygon) > 100, "multipolygons");
    assertTrue(count(GeometryJsonTest::hasHole) > 0, "polygons with holes");
    assertTrue(count(g -> !Double.isNaN(g.getCoordinate().getZ())) > 100, "3D geometries");
  }

  @Test
  void writesWhatJtsWritesForEverySampleGeometry() throws IOException {
    for (Geometry geometry : SAMPLES) {
      assertSameAsJts(geometry);
    }
  }

  @Test
  void writesWhatJtsWritesWithAxesSwapped() throws IOException {
    GeometryTransformer swap =
        new GeometryTransformer() {
          @Override
          protected CoordinateSequence transformCoordinates(
              CoordinateSequence coordinates, Geometry parent) {
            CoordinateSequence copy = coordinates.copy();
            for (int i = 0; i < copy.size(); i++) {
              copy.setOrdinate(i, 0, coordinates.getY(i));
              copy.setOrdinate(i, 1, coordinates.getX(i));
            }
            return copy;
          }
        };
    for (Geometry geometry : SAMPLES.subList(0, Math.min(SAMPLES.size(), 2_000))) {
      assertSameAsJts(swap.transform(geometry));
    }
  }

  /** Ordinates at and around the limits of JTS's rounding, and projected metres. */
  @ParameterizedTest
  @ValueSource(
      doubles = {
        0,
        -0.0,
        0.0009999,
        0.001,
        -0.001,
        1.0000000004,
        1.0000000005,
        135.123456789499,
        -135.1234567895,
        34.9999999999,
        9_999_999.9999999999,
        10_000_000.123456789,
        -12_345_678.123456789,
        1e-12,
        6.02e23,
        -42
      })
  void roundsOrdinatesAsJtsDoes(double ordinate) throws IOException {
    GeometryFactory factory = new GeometryFactory();
    assertSameAsJts(factory.createPoint(new Coordinate(ordinate, -ordinate, ordinate)));
    assertSameAsJts(
        factory.createLineString(
            new Coordinate[] {new Coordinate(ordinate, 1), new Coordinate(2, ordinate)}));
  }

  @Test
  void writesCollectionsAndTwoDimensionalRings() throws Exception {
    WKTReader wkt = new WKTReader();
    assertSameAsJts(
        wkt.read(
            "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1),"
                + " POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 3, 3 3, 2 2)))"));
    assertSameAsJts(wkt.read("MULTIPOINT ((135.5 34.6), (135.6 34.7))"));
    assertSameAsJts(wkt.read("MULTILINESTRING ((0 0 1, 1 1 2), (2 2 3, 3 3 4))"));
  }

  @Test
  void refusesAPrecisionItCannotKeep() {
    assertThrows(IllegalArgumentException.class, () -> new GeometryJson(-1));
    assertThrows(IllegalArgumentException.class, () -> new GeometryJson(16));
  }

  private static void assertSameAsJts(Geometry geometry) throws IOException {
    GeoJsonWriter jts = new GeoJsonWriter(9);
    jts.setEncodeCRS(false);
    String expected = jts.write(geometry);
    String actual = write(geometry);
    assertEquals(MAPPER.readTree(expected), MAPPER.readTree(actual), geometry.toText());
    assertEquals(expected, actual, "same bytes for " + geometry.getGeometryType());
  }

  private static String write(Geometry geometry) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
      WRITER.write(json, geometry);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean hasHole(Geometry geometry) {
    for (int i = 0; i < geometry.getNumGeometries(); i++) {
      if (geometry.getGeometryN(i) instanceof Polygon polygon && polygon.getNumInteriorRing() > 0) {
        return true;
      }
    }
    return false;
  }

  private static long count(Predicate<Geometry> test) {
    return SAMPLES.stream().filter(test).count();
  }
}
