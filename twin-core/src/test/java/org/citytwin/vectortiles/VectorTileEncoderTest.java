package org.citytwin.vectortiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citytwin.citygml.CityGmlParser;
import org.citytwin.citygml.CityGmlSources;
import org.citytwin.citygml.Fixtures;
import org.citytwin.load.CityImporter;
import org.citytwin.load.ImportListener;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.CityObject;
import org.citytwin.model.Envelope3D;
import org.citytwin.query.Filter;
import org.citytwin.query.FixedAttribute;
import org.citytwin.query.Literal;
import org.citytwin.query.Query;
import org.citytwin.store.StoredObject;
import org.citytwin.store.TwinStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Encodes tiles of the Osaka sample sheet 51357346 (537 buildings, 211 roads) from a real store and
 * decodes them with the MVT library's reader, checking features, properties and geometry against
 * the store.
 */
class VectorTileEncoderTest {
  private static final GeometryFactory FACTORY = new GeometryFactory();

  @TempDir static Path storeDirectory;
  static TwinStore store;
  static VectorTileEncoder encoder;
  static List<StoredObject> buildings;
  static List<StoredObject> roads;
  static final Map<TileCoordinate, DecodedTile> decoded = new HashMap<>();

  @BeforeAll
  static void importSample() throws Exception {
    store = TwinStore.open(storeDirectory);
    List<Path> sample =
        List.of(
            Fixtures.osakaDirectory().resolve("51357346_bldg_6697_op.gml"),
            Fixtures.osakaDirectory().resolve("51357346_tran_6697_op.gml"));
    try (CityGmlParser parser = new CityGmlParser(2, null)) {
      new CityImporter(store, parser, ImportListener.SILENT)
          .importAll(CityGmlSources.expand(sample));
    }
    encoder = new VectorTileEncoder(store);
    buildings = store.list(Query.of(new Filter.TypeIn(VectorLayer.BUILDINGS.types())));
    roads = store.list(Query.of(new Filter.TypeIn(VectorLayer.ROADS.types())));
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  static DecodedTile tile(TileCoordinate tile) throws Exception {
    DecodedTile known = decoded.get(tile);
    if (known == null) {
      known = DecodedTile.decode(tile, encoder.encode(tile));
      decoded.put(tile, known);
    }
    return known;
  }

  /** The max-zoom tiles whose own square (no buffer) the footprint overlaps with some area. */
  static List<TileCoordinate> coveringTiles(Geometry lonLatFootprint) {
    Geometry mercator = WebMercator.project(lonLatFootprint);
    Envelope box = lonLatFootprint.getEnvelopeInternal();
    int zoom = VectorTileEncoder.MAX_ZOOM;
    TileCoordinate northWest = TileCoordinate.containing(box.getMinX(), box.getMaxY(), zoom);
    TileCoordinate southEast = TileCoordinate.containing(box.getMaxX(), box.getMinY(), zoom);
    List<TileCoordinate> tiles = new ArrayList<>();
    for (int x = northWest.x(); x <= southEast.x(); x++) {
      for (int y = northWest.y(); y <= southEast.y(); y++) {
        TileCoordinate tile = new TileCoordinate(zoom, x, y);
        if (mercator.intersection(FACTORY.toGeometry(tile.mercatorEnvelope())).getArea() > 0) {
          tiles.add(tile);
        }
      }
    }
    return tiles;
  }

  @Test
  void everyBuildingIsInEveryMaxZoomTileItCovers() throws Exception {
    assertEquals(537, buildings.size(), "buildings in 51357346_bldg_6697_op.gml");
    int placements = 0;
    for (StoredObject building : buildings) {
      List<TileCoordinate> tiles = coveringTiles(building.object().shape().footprint());
      assertFalse(tiles.isEmpty(), building.object().gmlId() + " covers no tile");
      for (TileCoordinate tile : tiles) {
        assertTrue(
            tile(tile).layer("buildings").containsKey(building.object().gmlId()),
            building.object().gmlId() + " missing from tile " + tile);
        placements++;
      }
    }
    assertTrue(placements > buildings.size(), "some buildings straddle tile edges");
  }

  @Test
  void propertiesAndIdsEqualTheStore() throws Exception {
    int checked = 0;
    int flooded = 0;
    for (StoredObject building : buildings) {
      CityObject object = building.object();
      TileCoordinate tile = coveringTiles(object.shape().footprint()).get(0);
      Map<String, Object> properties =
          tile(tile).layer("buildings").get(object.gmlId()).properties();
      assertEquals(building.storeId(), properties.get(DecodedTile.ID), object.gmlId());
      assertEquals("building", properties.get("type"));
      assertEquals(object.shape().heightMetres(), (Double) properties.get("height"), 0.0);
      assertEquals(
          object.shape().groundHeightMetres(), (Double) properties.get("ground_height"), 0.0);
      AttributeValue usage = object.attributes().get("usage");
      assertEquals(usage == null ? null : usage.text(), properties.get("usage"));
      AttributeValue storeys = object.attributes().get("storeysAboveGround");
      assertEquals(
          storeys instanceof AttributeValue.Number n ? (long) n.value() : null,
          properties.get("storeys"));
      for (String name :
          List.of("river_flood_depth", "river_flood_rank", "tsunami_depth", "landslide")) {
        Literal expected =
            FixedAttribute.find(name).orElseThrow().valueOf(object, building.datasetSourceName());
        Object actual = properties.get(name);
        if (expected == null) {
          assertNull(actual, name + " of " + object.gmlId());
        } else {
          assertEquals(((Literal.NumberLiteral) expected).value(), (Double) actual, 0.0, name);
        }
      }
      flooded += properties.containsKey("river_flood_depth") ? 1 : 0;
      checked++;
    }
    assertEquals(537, checked);
    assertEquals(54, flooded, "buildings of the sheet with a river-flood depth");
  }

  @Test
  void maxZoomGeometryIsTheFootprintToWithinATileUnit() throws Exception {
    double worst = 0;
    int compared = 0;
    for (StoredObject building : buildings) {
      Geometry footprint = WebMercator.project(building.object().shape().footprint());
      List<TileCoordinate> tiles = coveringTiles(building.object().shape().footprint());
      if (tiles.size() != 1) {
        continue; // clipped at an edge: the whole outline is not in one tile
      }
      TileCoordinate tile = tiles.get(0);
      Geometry decodedMetres =
          tile(tile).layer("buildings").get(building.object().gmlId()).mercator(tile);
      double unit = tile.mercatorEnvelope().getWidth() / VectorTileEncoder.EXTENT;
      double distance = DiscreteHausdorffDistance.distance(footprint, decodedMetres);
      worst = Math.max(worst, distance);
      // Rounding moves each vertex by at most half a unit in x and y: 0.71 units.
      assertTrue(
          distance <= 0.75 * unit,
          building.object().gmlId() + " is " + distance + " m off in " + tile);
      // ... so the area changes by at most the perimeter times that.
      assertEquals(
          footprint.getArea(), decodedMetres.getArea(), footprint.getLength() * 0.71 * unit);
      compared++;
    }
    assertTrue(compared > 400, "most buildings lie inside one tile, compared " + compared);
    assertTrue(worst > 0, "rounding to tile units shows somewhere");
  }

  @Test
  void roadsAreInTheTilesThatHoldTheirInteriorPoint() throws Exception {
    assertEquals(211, roads.size(), "roads in 51357346_tran_6697_op.gml");
    for (StoredObject road : roads) {
      Geometry footprint = road.object().shape().footprint();
      var point = footprint.getInteriorPoint();
      TileCoordinate tile =
          TileCoordinate.containing(point.getX(), point.getY(), VectorTileEncoder.MAX_ZOOM);
      DecodedTile.Feature feature = tile(tile).layer("roads").get(road.object().gmlId());
      assertTrue(feature != null, road.object().gmlId() + " missing from " + tile);
      assertEquals(road.storeId(), feature.properties().get(DecodedTile.ID));
      assertFalse(feature.properties().containsKey("height"), "roads carry no building fields");
    }
  }

  @Test
  void lowerZoomsAreSimplifiedAndLayersStartAtTheirMinZoom() throws Exception {
    Envelope3D extent = store.extent(Filter.all()).orElseThrow();
    double lon = (extent.minLon() + extent.maxLon()) / 2;
    double lat = (extent.minLat() + extent.maxLat()) / 2;
    DecodedTile z12 = tile(TileCoordinate.containing(lon, lat, 12));
    assertTrue(z12.layer("buildings").isEmpty(), "buildings start at zoom 13");
    assertFalse(z12.layer("roads").isEmpty(), "roads start at zoom 12");
    assertEquals(
        0,
        encoder.encode(TileCoordinate.containing(lon, lat, 11)).length,
        "below every layer's minimum zoom");

    int verticesAt13 = 0;
    int verticesAt16 = 0;
    DecodedTile z13 = tile(TileCoordinate.containing(lon, lat, 13));
    for (StoredObject building : buildings) {
      List<TileCoordinate> tiles = coveringTiles(building.object().shape().footprint());
      DecodedTile.Feature coarse = z13.layer("buildings").get(building.object().gmlId());
      if (tiles.size() == 1 && coarse != null) {
        verticesAt13 += coarse.units().getNumPoints();
        verticesAt16 +=
            tile(tiles.get(0))
                .layer("buildings")
                .get(building.object().gmlId())
                .units()
                .getNumPoints();
      }
    }
    assertTrue(verticesAt16 > 0);
    assertTrue(
        verticesAt13 < verticesAt16,
        "zoom 13 keeps " + verticesAt13 + " vertices of " + verticesAt16 + " at zoom 16");
  }

  @Test
  void tilesWithoutDataAreEmpty() throws Exception {
    assertEquals(0, encoder.encode(new TileCoordinate(16, 0, 0)).length);
    assertEquals(0, encoder.encode(new TileCoordinate(0, 0, 0)).length);
    assertThrows(
        IllegalArgumentException.class, () -> encoder.encode(new TileCoordinate(17, 0, 0)));
  }

  @ParameterizedTest
  @CsvSource({
    "-1, 0, 0, zoom -1 is outside 0..30",
    "31, 0, 0, zoom 31 is outside 0..30",
    "2, 4, 0, column x 4 is outside 0..3 at zoom 2",
    "2, 0, -1, row y -1 is outside 0..3 at zoom 2",
    "0, 0, 1, row y 1 is outside 0..0 at zoom 0"
  })
  void tileCoordinatesOutsideTheMatrixAreRefused(int zoom, int x, int y, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new TileCoordinate(zoom, x, y));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    // lon, lat, zoom, x, y: from the XYZ numbering (OSM slippy-map formula)
    "0, 0, 1, 1, 1",
    "-180, 85.05, 3, 0, 0",
    "135.4553, 34.6243, 16, 57426, 26041",
    "179.9999, -85.05, 4, 15, 15"
  })
  void containingTileFollowsTheXyzNumbering(double lon, double lat, int zoom, int x, int y) {
    assertEquals(new TileCoordinate(zoom, x, y), TileCoordinate.containing(lon, lat, zoom));
  }

  @Test
  void tileJsonDescribesTheLayersAndTheExtent() {
    Envelope3D extent = new Envelope3D(135.45, 34.61, 0, 135.47, 34.63, 50);
    JsonNode json = TileJson.document("http://h/t/{z}/{x}/{y}.mvt", Optional.of(extent), 7);
    assertEquals("3.0.0", json.get("tilejson").asText());
    assertEquals("http://h/t/{z}/{x}/{y}.mvt", json.at("/tiles/0").asText());
    assertEquals(12, json.get("minzoom").asInt());
    assertEquals(16, json.get("maxzoom").asInt());
    assertEquals(135.45, json.at("/bounds/0").asDouble());
    assertEquals(34.63, json.at("/bounds/3").asDouble());
    assertEquals("buildings", json.at("/vector_layers/0/id").asText());
    assertEquals(13, json.at("/vector_layers/0/minzoom").asInt());
    assertEquals("Number", json.at("/vector_layers/0/fields/river_flood_depth").asText());
    assertEquals("String", json.at("/vector_layers/1/fields/gml_id").asText());
    assertEquals(-180.0, TileJson.document("u", Optional.empty(), 0).at("/bounds/0").asDouble());
  }
}
