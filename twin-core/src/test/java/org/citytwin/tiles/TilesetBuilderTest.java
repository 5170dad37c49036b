package org.citytwin.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citytwin.citygml.CityGmlParser;
import org.citytwin.citygml.CityGmlSources;
import org.citytwin.citygml.Fixtures;
import org.citytwin.load.CityImporter;
import org.citytwin.load.ImportListener;
import org.citytwin.model.CityObject;
import org.citytwin.model.DerivedShape;
import org.citytwin.model.Mesh;
import org.citytwin.query.Filter;
import org.citytwin.store.TwinStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports the Osaka sample mesh 51357346 (537 LOD1 buildings) as a tileset and checks it against
 * the store: every building in exactly one tile, inner nodes holding the largest of their area,
 * every vertex inside its tile's region and back on the stored mesh within 1 cm, and every GLB
 * clean under the Khronos glTF validator.
 */
class TilesetBuilderTest {
  static final int MAX_PER_LEAF = 100;
  static final int COARSE = 10;

  @TempDir static Path storeDirectory;
  @TempDir static Path exportDirectory;
  static TwinStore store;
  static GeoidModel geoid;
  static TilesetBuilder.ExportSummary summary;
  static ExportedTileset exported;

  @BeforeAll
  static void exportSample() throws Exception {
    store = TwinStore.open(storeDirectory);
    Path sample = Fixtures.osakaDirectory().resolve("51357346_bldg_6697_op.gml");
    try (CityGmlParser parser = new CityGmlParser(2, null)) {
      new CityImporter(store, parser, ImportListener.SILENT)
          .importAll(CityGmlSources.expand(List.of(sample)));
    }
    geoid = GeoidModel.egm96OrConstant(36.7);
    summary =
        new TilesetBuilder(store, new TilesetBuilder.Options(MAX_PER_LEAF, geoid, COARSE))
            .export(exportDirectory);
    exported = ExportedTileset.read(exportDirectory);
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  @Test
  void aTilesetOfOneLeafStillHasTheErrorOfItsExtent() throws Exception {
    TilesetBuilder builder = new TilesetBuilder(store, new TilesetBuilder.Options(1000, geoid));
    JsonNode single = builder.tilesetJson(builder.layout().orElseThrow());
    assertTrue(single.at("/root/content/uri").isTextual(), "537 buildings fit in the root leaf");
    assertEquals(0.0, single.at("/root/geometricError").asDouble());
    // The sheet is about 1.16 km by 0.88 km (diagonal 1.45 km); CesiumJS skips a tileset of error
    // 0.
    double error = single.get("geometricError").asDouble();
    assertTrue(error > 1000 && error < 2000, "tileset geometricError " + error);
    // With inner content, the root's error is the largest building it leaves to its children,
    // below the tileset's (the extent's diagonal: what drawing nothing would miss).
    double rootError = exported.json().at("/root/geometricError").asDouble();
    assertTrue(rootError > 0 && rootError < exported.json().get("geometricError").asDouble());
  }

  /**
   * Refinement is ADD and inner nodes keep the largest buildings of their area, so a building is in
   * exactly one tile: the inner node that kept it or the leaf its anchor falls in.
   */
  @Test
  void everyBuildingIsInExactlyOneTile() throws Exception {
    long buildings = store.count(new Filter.TypeIn(TilesetLayout.TYPES));
    assertEquals(537, buildings, "buildings in 51357346_bldg_6697_op.gml");
    Map<String, Integer> seen = new HashMap<>();
    for (JsonNode leaf : exported.leaves()) {
      GlbReader glb = exported.glb(leaf);
      List<String> ids = glb.strings("gml_id");
      assertTrue(ids.size() <= MAX_PER_LEAF, leaf + " holds " + ids.size());
      ids.forEach(id -> seen.merge(id, 1, Integer::sum));
      int featureCount =
          glb.primitive().at("/extensions/EXT_mesh_features/featureIds/0/featureCount").asInt();
      assertEquals(ids.size(), featureCount);
    }
    assertEquals(buildings, seen.size());
    seen.forEach((id, times) -> assertEquals(1, times, id + " appears in " + times + " tiles"));
    assertEquals(buildings, summary.buildings());
    assertTrue(summary.tiles() > 5, "the sample is split into several leaves: " + summary);
  }

  /**
   * Each inner node with content holds the {@link #COARSE} buildings of largest footprint area
   * times height among those of its subtree (itself and its descendants), the scores recomputed
   * here from the store; its geometric error is at least the size (height or ground diagonal) of
   * every building below it, and exceeds each child's error.
   */
  @Test
  void innerNodesKeepTheLargestBuildingsOfTheirSubtree() throws Exception {
    int innerWithContent = 0;
    for (JsonNode tile : allTiles(exported.json().get("root"))) {
      if (!tile.has("children")) {
        assertEquals(0.0, tile.get("geometricError").asDouble(), "a leaf's error");
        continue;
      }
      for (JsonNode child : tile.get("children")) {
        assertTrue(
            child.get("geometricError").asDouble() < tile.get("geometricError").asDouble(),
            "child error " + child.get("geometricError") + " vs " + tile.get("geometricError"));
      }
      List<String> own = exported.glb(tile).strings("gml_id");
      assertEquals(COARSE, own.size(), tile.at("/content/uri") + " holds " + own);
      innerWithContent++;
      double smallestOwn = own.stream().mapToDouble(TilesetBuilderTest::score).min().orElseThrow();
      double error = tile.get("geometricError").asDouble();
      for (JsonNode below : allTiles(tile)) {
        if (below == tile) {
          continue;
        }
        for (String id : exported.glb(below).strings("gml_id")) {
          assertTrue(score(id) <= smallestOwn, id + " below " + tile.at("/content/uri"));
          double size = TilesetLayout.sizeMetres(stored(id).shape().envelope());
          assertTrue(size <= error + 0.01, id + " of size " + size + " m, error " + error);
        }
      }
    }
    assertTrue(innerWithContent >= 1, "the sample has inner nodes");
  }

  private static List<JsonNode> allTiles(JsonNode tile) {
    List<JsonNode> tiles = new ArrayList<>(List.of(tile));
    tile.path("children").forEach(child -> tiles.addAll(allTiles(child)));
    return tiles;
  }

  private static double score(String gmlId) {
    DerivedShape shape = stored(gmlId).shape();
    return shape.footprintAreaSquareMetres() * Math.max(0, shape.heightMetres());
  }

  private static CityObject stored(String gmlId) {
    try {
      return store.get(gmlId, false).orElseThrow().object();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + gmlId, e);
    }
  }

  /**
   * The property table against the store. The Khronos validator reports EXT_mesh_features and
   * EXT_structural_metadata as unsupported (it does not check them), so this checks what it would:
   * 8-byte aligned views, integral feature ids below featureCount, and the values themselves.
   */
  @Test
  void propertyTablesHoldTheStoredAttributes() throws Exception {
    int flooded = 0;
    for (JsonNode leaf : exported.leaves()) {
      GlbReader glb = exported.glb(leaf);
      assertTrue(glb.viewsAligned(), leaf.at("/content/uri") + " has a misaligned buffer view");
      List<String> ids = glb.strings("gml_id");
      for (float featureId : glb.floats("_FEATURE_ID_0")) {
        assertTrue(featureId == Math.rint(featureId) && featureId >= 0 && featureId < ids.size());
      }
      double[] heights = glb.numbers("height");
      double[] depths = glb.numbers("river_flood_depth");
      double[] storeys = glb.numbers("storeys");
      List<String> usages = glb.strings("usage");
      List<String> ranks = glb.strings("river_flood_rank");
      for (int i = 0; i < ids.size(); i++) {
        BuildingFeature expected = BuildingFeature.of(store.get(ids.get(i)).orElseThrow().object());
        assertEquals(expected.heightMetres(), heights[i], 0.0, ids.get(i));
        assertEquals(nullToEmpty(expected.usage()), usages.get(i), ids.get(i));
        assertEquals(
            expected.storeys() == null ? -1 : expected.storeys(), storeys[i], 0.0, ids.get(i));
        Double depth = expected.riverFloodDepthMetres();
        assertEquals(depth == null ? -1 : depth, depths[i], 1e-6, ids.get(i));
        assertEquals(nullToEmpty(expected.riverFloodRank()), ranks.get(i), ids.get(i));
        flooded += depth == null ? 0 : 1;
      }
    }
    assertEquals(54, flooded, "buildings of the sample with river-flood depths");
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  /**
   * Undoes what a viewer does: glTF y-up to z-up, the tile transform to ECEF, then geodetic. Each
   * vertex must lie in its tile's region and, less the geoid height, within 1 cm of a vertex of the
   * stored mesh (float32 local coordinates are good to about 0.1 mm within a kilometre).
   */
  @Test
  void verticesLieInTheirRegionAndOnTheStoredBuilding() throws Exception {
    double worst = 0;
    for (JsonNode leaf : exported.leaves()) {
      GlbReader glb = exported.glb(leaf);
      double[] m = exported.transform(leaf);
      TileRegion region = ExportedTileset.region(leaf);
      double[] positions = glb.positions();
      float[] featureIds = glb.floats("_FEATURE_ID_0");
      List<String> ids = glb.strings("gml_id");
      Map<String, double[]> stored = new HashMap<>();
      double[] geodetic = new double[3];
      for (int v = 0; v < featureIds.length; v++) {
        ExportedTileset.toGeodetic(positions, v * 3, m, geodetic);
        assertTrue(
            region.contains(geodetic[0], geodetic[1], geodetic[2]),
            "vertex " + v + " of " + leaf.at("/content/uri") + " outside its region");
        String id = ids.get((int) featureIds[v]);
        double[] mesh = stored.computeIfAbsent(id, TilesetBuilderTest::storedMesh);
        double orthometric = geodetic[2] - geoid.undulationMetres(geodetic[0], geodetic[1]);
        double distance = nearest(mesh, geodetic[0], geodetic[1], orthometric);
        worst = Math.max(worst, distance);
        assertTrue(distance < 0.01, id + " vertex " + v + " is " + distance + " m off");
      }
    }
    System.out.printf("tiles: worst vertex round trip %.5f m%n", worst);
  }

  /**
   * Normals are quantized to bytes: each must still be a unit vector (to 1%) and point along its
   * triangle's face normal, computed here from the decoded positions, to within 1.5 degrees (normal
   * quantization alone turns it by at most about 0.5 degrees). Positions move by up to half a 1 cm
   * step on each axis, which turns a triangle whose smallest height is h by up to about 0.009 / h
   * radians, so only triangles at least 1 m high everywhere are checked (0.5 degrees).
   */
  @Test
  void quantizedNormalsAreTheFaceNormals() throws Exception {
    double worstDegrees = 0;
    int checked = 0;
    int triangles = 0;
    for (JsonNode leaf : exported.leaves()) {
      GlbReader glb = exported.glb(leaf);
      double[] p = glb.corners(glb.positions(), 3);
      double[] n = glb.corners(glb.byteNormals(), 3);
      for (int t = 0; t < p.length; t += 9) {
        triangles++;
        double ux = p[t + 3] - p[t], uy = p[t + 4] - p[t + 1], uz = p[t + 5] - p[t + 2];
        double vx = p[t + 6] - p[t], vy = p[t + 7] - p[t + 1], vz = p[t + 8] - p[t + 2];
        double[] face = {uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx};
        double doubleArea = Math.sqrt(face[0] * face[0] + face[1] * face[1] + face[2] * face[2]);
        double longestEdge =
            Math.max(
                Math.max(Math.hypot(ux, Math.hypot(uy, uz)), Math.hypot(vx, Math.hypot(vy, vz))),
                Math.hypot(vx - ux, Math.hypot(vy - uy, vz - uz)));
        if (doubleArea / longestEdge < 1.0) {
          continue; // a sliver: its decoded corners do not fix its direction to 0.5 degrees
        }
        checked++;
        for (int corner = 0; corner < 9; corner += 3) {
          double nx = n[t + corner], ny = n[t + corner + 1], nz = n[t + corner + 2];
          double length = Math.sqrt(nx * nx + ny * ny + nz * nz);
          assertEquals(1.0, length, 0.01, "normal length at vertex " + (t + corner) / 3);
          double cos = (nx * face[0] + ny * face[1] + nz * face[2]) / (length * doubleArea);
          double degrees = Math.toDegrees(Math.acos(Math.min(1, cos)));
          worstDegrees = Math.max(worstDegrees, degrees);
          assertTrue(degrees < 1.5, "normal " + degrees + " degrees off its face");
        }
      }
    }
    assertTrue(checked > triangles / 2, checked + " of " + triangles + " triangles checked");
    System.out.printf(
        "tiles: worst quantized normal %.2f degrees off its face (%d of %d triangles)%n",
        worstDegrees, checked, triangles);
  }

  /**
   * The size measures are in use on the sample: tiles hold 16-bit positions unless some axis of
   * their content is wider than 65,534 steps of 1 cm (the root's coarse content), 16-bit indices,
   * and a face's triangles share their corners, so there are fewer vertices than triangle corners;
   * and no triangle is degenerate once decoded (a triangle whose corners fall on one step would be
   * drawn as nothing and its building would have a hole).
   */
  @Test
  void leavesAreQuantizedAndIndexed() throws Exception {
    long vertices = 0;
    long corners = 0;
    int quantized = 0;
    for (JsonNode leaf : exported.leaves()) {
      GlbReader glb = exported.glb(leaf);
      JsonNode primitive = glb.primitive();
      JsonNode position =
          glb.json().at("/accessors/" + primitive.at("/attributes/POSITION").asInt());
      if (position.get("componentType").asInt() == 5122) {
        quantized++;
      } else {
        double widest = 0;
        for (int axis = 0; axis < 3; axis++) {
          double extent =
              position.at("/max/" + axis).asDouble() - position.at("/min/" + axis).asDouble();
          widest = Math.max(widest, extent);
        }
        assertTrue(
            widest > 655.34, leaf.at("/content/uri") + " has float positions, " + widest + " m");
      }
      JsonNode indices = glb.json().at("/accessors/" + primitive.get("indices").asInt());
      assertEquals(5123, indices.get("componentType").asInt(), leaf.at("/content/uri").asText());
      int[] index = glb.indices();
      double[] p = glb.positions();
      for (int t = 0; t < index.length; t += 3) {
        assertTrue(
            index[t] != index[t + 1] && index[t + 1] != index[t + 2] && index[t] != index[t + 2],
            "triangle " + t / 3 + " repeats a vertex");
        assertTrue(
            !samePoint(p, index[t], index[t + 1])
                && !samePoint(p, index[t + 1], index[t + 2])
                && !samePoint(p, index[t], index[t + 2]),
            "triangle " + t / 3 + " of " + leaf.at("/content/uri") + " collapses when decoded");
      }
      vertices += p.length / 3;
      corners += index.length;
    }
    assertTrue(vertices < corners * 0.8, vertices + " vertices for " + corners + " corners");
    assertTrue(
        quantized > exported.leaves().size() / 2, quantized + " tiles with 16-bit positions");
    System.out.printf(
        "tiles: %d of %d tiles with 16-bit positions; %d vertices for %d triangle corners%n",
        quantized, exported.leaves().size(), vertices, corners);
  }

  private static boolean samePoint(double[] p, int a, int b) {
    return p[a * 3] == p[b * 3] && p[a * 3 + 1] == p[b * 3 + 1] && p[a * 3 + 2] == p[b * 3 + 2];
  }

  @Test
  void khronosValidatorFindsNoErrors() throws Exception {
    JsonNode reports = exported.validatorReports();
    assertEquals(summary.tiles(), reports.size());
    Set<String> warnings = new HashSet<>();
    Set<String> infos = new HashSet<>();
    for (JsonNode report : reports) {
      assertEquals(0, report.at("/issues/numErrors").asInt(), report.toPrettyString());
      assertEquals(0, report.at("/issues/numWarnings").asInt(), report.toPrettyString());
      for (JsonNode message : report.at("/issues/messages")) {
        if (message.get("severity").asInt() <= 1) {
          warnings.add(message.get("code").asText() + ": " + message.get("message").asText());
        } else {
          infos.add(message.get("code").asText());
        }
      }
    }
    System.out.println(
        "gltf-validator "
            + reports.get(0).get("validatorVersion").asText()
            + ": 0 errors in "
            + reports.size()
            + " GLBs; warnings: "
            + warnings
            + "; infos: "
            + infos);
  }

  private static double[] storedMesh(String gmlId) {
    try {
      CityObject object = store.get(gmlId).orElseThrow().object();
      Mesh mesh = TileContentBuilder.tileMesh(object);
      return mesh.positions();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + gmlId, e);
    }
  }

  /** Metres from a point to the nearest mesh vertex (local metres around the point). */
  private static double nearest(double[] mesh, double lon, double lat, double height) {
    double metresPerLat = 110_950;
    double metresPerLon = metresPerLat * Math.cos(Math.toRadians(lat));
    double best = Double.MAX_VALUE;
    for (int i = 0; i < mesh.length; i += 3) {
      double dx = (mesh[i] - lon) * metresPerLon;
      double dy = (mesh[i + 1] - lat) * metresPerLat;
      double dz = mesh[i + 2] - height;
      best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
    }
    return best;
  }
}
