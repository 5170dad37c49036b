package org.citytwin.citygml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.citytwin.model.CityObject;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.LodGeometry;
import org.citytwin.model.Mesh;
import org.citytwin.model.RiskKind;
import org.citytwin.model.SurfaceRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reads every real sample and checks what comes out against independent XPath answers. */
class CityGmlParserTest {
  private static CityGmlParser parser;

  @BeforeAll
  static void start() {
    parser = new CityGmlParser(2, null);
  }

  @AfterAll
  static void stop() {
    parser.close();
  }

  static Stream<Path> everyReadableFile() throws Exception {
    List<Path> osaka;
    try (Stream<Path> files = Files.list(Fixtures.osakaDirectory())) {
      osaka = files.filter(p -> p.toString().endsWith(".gml")).sorted().toList();
    }
    return Stream.concat(Fixtures.GOOD_SAMPLES.stream().map(Fixtures::sample), osaka.stream());
  }

  @ParameterizedTest
  @MethodSource("everyReadableFile")
  void storesOneObjectPerFeatureAndPart(Path file) throws Exception {
    Reading reading = Reading.of(parser, Fixtures.source(file));
    XmlOracle oracle = XmlOracle.of(file);

    assertEquals(
        oracle.cityObjects(), reading.objects().size(), "objects in " + file.getFileName());
    for (CityObject object : reading.objects()) {
      if (object.shape() == null) {
        assertTrue(
            reading.objects().stream().anyMatch(o -> object.gmlId().equals(o.parentId())),
            object.gmlId() + " has no geometry, so it must have parts that do");
        continue;
      }
      var envelope = object.shape().envelope();
      assertTrue(envelope.minLon() >= -180 && envelope.maxLon() <= 180, object.gmlId() + " lon");
      assertTrue(envelope.minLat() >= -90 && envelope.maxLat() <= 90, object.gmlId() + " lat");
    }
    assertEquals(
        oracle.repeatedIds(),
        reading.issues().count(IssueKind.DUPLICATE_ID) + repeatsWithin(reading),
        "repeated gml:ids");
  }

  /** Chunk-level reading sees ids; duplicates are counted by the importer across chunks. */
  private static long repeatsWithin(Reading reading) {
    return reading.ids().size() - reading.ids().stream().distinct().count();
  }

  @Test
  void osakaTilesHoldThePublishedBuildingCounts() throws Exception {
    long[] expected = {362, 537, 72, 499};
    String[] tiles = {"51357345", "51357346", "51357355", "51357356"};
    for (int i = 0; i < tiles.length; i++) {
      Path file = Fixtures.osakaDirectory().resolve(tiles[i] + "_bldg_6697_op.gml");
      Reading reading = Reading.of(parser, Fixtures.source(file));
      long buildings =
          reading.objects().stream().filter(o -> o.type() == CityObjectType.BUILDING).count();
      long withRiverFlood =
          reading.objects().stream()
              .filter(o -> o.maxDepthMetres(RiskKind.RIVER_FLOOD) != null)
              .count();
      assertEquals(expected[i], buildings, "buildings in tile " + tiles[i]);
      XmlOracle oracle = XmlOracle.of(file);
      assertEquals(
          (long)
              oracle.number(
                  "count(//*[local-name()='Building'][.//*[local-name()='RiverFloodingRiskAttribute' or local-name()='BuildingRiverFloodingRiskAttribute']])"),
          withRiverFlood,
          "buildings with river-flood attributes in tile " + tiles[i]);
      assertEquals("EPSG:6697", reading.sourceCrs());
      assertEquals(CityGmlVersion.V2_0, reading.version());
    }
  }

  @Test
  void floodDepthOfEachBuildingIsTheDeepestPublishedOne() throws Exception {
    for (String name : List.of(Fixtures.OSAKA_FLOOD, Fixtures.SAPPORO)) {
      Path file = Fixtures.sample(name);
      Reading reading = Reading.of(parser, Fixtures.source(file));
      var expected = XmlOracle.of(file).deepestRiverFloodByBuilding();
      assertTrue(expected.size() > 20, name + " has buildings with river-flood depths");
      for (CityObject building : reading.objects()) {
        assertEquals(
            expected.get(building.gmlId()),
            building.maxDepthMetres(RiskKind.RIVER_FLOOD),
            building.gmlId());
      }
    }
  }

  @Test
  void firstFootprintVertexKeepsItsLatitudeAndLongitude() throws Exception {
    Path file = Fixtures.sample(Fixtures.OSAKA_FLOOD);
    XmlOracle oracle = XmlOracle.of(file);
    String id = oracle.text("(//*[local-name()='Building'])[1]/@*[local-name()='id']");
    String[] posList =
        oracle
            .text(
                "(//*[local-name()='Building'])[1]/*[local-name()='lod0RoofEdge' or local-name()='lod0FootPrint']//*[local-name()='posList']")
            .trim()
            .split("\\s+");
    CityObject building = Reading.of(parser, Fixtures.source(file)).object(id);
    LodGeometry lod0 =
        building.geometries().stream().filter(g -> g.lod() == 0).findFirst().orElseThrow();
    double[] ring = lod0.polygons().get(0).exterior();
    // EPSG:6697 is latitude, longitude, height; the store is longitude, latitude, height.
    assertEquals(Double.parseDouble(posList[1]), ring[0], 1e-9, "longitude");
    assertEquals(Double.parseDouble(posList[0]), ring[1], 1e-9, "latitude");
    assertEquals(Double.parseDouble(posList[2]), ring[2], 1e-9, "height");
  }

  @Test
  void projectedBerlinCoordinatesLandInBerlin() throws Exception {
    Reading reading = Reading.of(parser, Fixtures.source(Fixtures.sample(Fixtures.BERLIN_BLOCK)));
    assertEquals("EPSG:25833", reading.sourceCrs());
    for (CityObject object : reading.objects()) {
      var envelope = object.shape().envelope();
      // Berlin-Mitte lies near 13.3-13.5 E, 52.4-52.6 N (bbox of the file: E 384840, N 5821248, UTM
      // 33N).
      assertTrue(envelope.minLon() > 13.2 && envelope.maxLon() < 13.6, "lon " + envelope);
      assertTrue(envelope.minLat() > 52.4 && envelope.maxLat() < 52.6, "lat " + envelope);
      assertTrue(
          // SOURCES.md gives the file's height range rounded to 0.1 m: 32.2 to 50.1.
          envelope.minHeight() >= 32.15 && envelope.maxHeight() <= 50.15,
          "heights kept: " + envelope);
    }
  }

  @Test
  void cityGml3BuildingKeepsItsThematicSurfaces() throws Exception {
    Reading reading = Reading.of(parser, Fixtures.source(Fixtures.sample(Fixtures.LYON_CITYGML3)));
    assertEquals(CityGmlVersion.V3_0, reading.version());
    CityObject opera = reading.object("OPERA_LYON_45");
    assertEquals(CityObjectType.BUILDING, opera.type());
    for (SurfaceRole role : List.of(SurfaceRole.ROOF, SurfaceRole.WALL, SurfaceRole.GROUND)) {
      assertTrue(
          opera.geometries().stream().anyMatch(g -> g.lod() == 2 && g.role() == role),
          "LOD2 " + role);
    }
    Mesh lod2 = opera.shape().meshes().stream().filter(m -> m.lod() == 2).findFirst().orElseThrow();
    long skipped =
        reading.issues().count(IssueKind.DEGENERATE_POLYGON)
            + reading.issues().count(IssueKind.TOO_FEW_POINTS);
    // 2,279 polygons in the file (SOURCES.md); polygons counted as degenerate are not meshed.
    assertTrue(lod2.triangleCount() >= 2279 - skipped, "triangles: " + lod2.triangleCount());
    assertTrue(skipped < 50, "few polygons skipped: " + skipped);
  }

  @Test
  void buildingPartsAreObjectsLinkedToTheirBuilding() throws Exception {
    Path file = Fixtures.sample(Fixtures.YOKOSUKA_LOD2);
    Reading reading = Reading.of(parser, Fixtures.source(file));
    List<CityObject> parts =
        reading.objects().stream().filter(o -> o.type() == CityObjectType.BUILDING_PART).toList();
    assertEquals(XmlOracle.of(file).elements("BuildingPart"), parts.size());
    for (CityObject part : parts) {
      CityObject parent = reading.object(part.parentId());
      assertEquals(CityObjectType.BUILDING, parent.type());
    }
    assertTrue(
        reading.objects().stream()
            .anyMatch(
                o -> o.shape() != null && o.shape().meshes().stream().anyMatch(m -> m.lod() == 2)),
        "some LOD2 meshes");
  }

  @Test
  void reliefTinBecomesOneTrianglePerPatch() throws Exception {
    Path file = Fixtures.sample(Fixtures.YOKOSUKA_DEM);
    Reading reading = Reading.of(parser, Fixtures.source(file));
    long triangles = 0;
    for (CityObject relief : reading.objects()) {
      assertEquals(CityObjectType.RELIEF, relief.type());
      triangles += relief.shape().meshes().stream().mapToLong(Mesh::triangleCount).sum();
    }
    assertEquals(XmlOracle.of(file).elements("Triangle"), triangles);
  }

  @Test
  void waterBodyFloodAreaKeepsItsRiskRecords() throws Exception {
    Reading reading =
        Reading.of(parser, Fixtures.source(Fixtures.sample(Fixtures.NUMAZU_FLOOD_AREA)));
    for (CityObject water : reading.objects()) {
      assertEquals(CityObjectType.WATER_BODY, water.type());
      assertFalse(water.risks().isEmpty(), water.gmlId() + " has its river-flooding risk record");
      assertEquals(RiskKind.RIVER_FLOOD, water.risks().get(0).kind());
      assertEquals("L1", water.risks().get(0).scale());
    }
  }

  @Test
  void plateauAttributesAreFlattened() throws Exception {
    Reading reading =
        Reading.of(
            parser,
            Fixtures.source(Fixtures.osakaDirectory().resolve("51357346_bldg_6697_op.gml")));
    CityObject building = reading.object("bldg_efb11381-833a-43e3-8bdf-0cf43b277b68");
    assertEquals("3.3", building.attributes().get("measuredHeight").text());
    assertEquals("住之江区", building.attributes().get("区名").text());
    assertEquals("1520", building.attributes().get("uro_detailedUsage").text());
    assertEquals(2.867, building.maxDepthMetres(RiskKind.HIGH_TIDE), 1e-12);
    assertEquals(3.3, building.shape().heightMetres(), 1e-12);
  }
}
