package org.citytwin.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.citytwin.citygml.CityGmlParser;
import org.citytwin.citygml.CityGmlSources;
import org.citytwin.citygml.Fixtures;
import org.citytwin.load.CityImporter;
import org.citytwin.load.ImportListener;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Mesh;
import org.citytwin.query.Filter;
import org.citytwin.store.TwinStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports the relief of the PLATEAU Yokosuka DEM sample (two TIN relief features, 1,066 triangles)
 * as its own tileset and checks it against the store: one leaf per relief object, every leaf
 * triangle back on its stored triangle within 1 cm, a coarse root that is lighter than its leaves
 * and whose geometric error bounds its real deviation from the TINs, every vertex inside its tile's
 * region, and every GLB clean under the Khronos glTF validator.
 */
class ReliefTilesetTest {
  @TempDir static Path storeDirectory;
  @TempDir static Path exportDirectory;
  static TwinStore store;
  static GeoidModel geoid;
  static TilesetBuilder.ExportSummary summary;
  static ExportedTileset exported;

  @BeforeAll
  static void exportSample() throws Exception {
    store = TwinStore.open(storeDirectory);
    try (CityGmlParser parser = new CityGmlParser(2, null)) {
      new CityImporter(store, parser, ImportListener.SILENT)
          .importAll(CityGmlSources.expand(List.of(Fixtures.sample(Fixtures.YOKOSUKA_DEM))));
    }
    geoid = GeoidModel.egm96OrConstant(36.7);
    summary = TilesetBuilder.relief(store, geoid).export(exportDirectory);
    exported = ExportedTileset.read(exportDirectory);
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  /** The tiles that show TINs in full: content and no children. */
  static List<JsonNode> fullTiles() {
    return exported.leaves().stream().filter(tile -> !tile.has("children")).toList();
  }

  /** The inner tiles that show a resampled surface. */
  static List<JsonNode> coarseTiles() {
    return exported.leaves().stream().filter(tile -> tile.has("children")).toList();
  }

  @Test
  void everyReliefObjectHasALeafOfItsOwn() throws Exception {
    long reliefs = store.count(new Filter.TypeIn(Set.of(CityObjectType.RELIEF)));
    assertEquals(2, reliefs, "relief features in " + Fixtures.YOKOSUKA_DEM);
    Set<String> seen = new HashSet<>();
    for (JsonNode leaf : fullTiles()) {
      List<String> ids = exported.glb(leaf).strings("gml_id");
      assertEquals(1, ids.size(), leaf.at("/content/uri") + " holds " + ids);
      assertTrue(seen.add(ids.get(0)), ids.get(0) + " in two leaves");
      assertEquals(CityObjectType.RELIEF, store.get(ids.get(0)).orElseThrow().object().type());
    }
    assertEquals(reliefs, seen.size());
    assertEquals(reliefs + coarseTiles().size(), summary.tiles());
    assertEquals("1.1", exported.json().at("/asset/version").asText());
    assertTrue(
        exported.json().get("geometricError").asDouble() > 0, "a viewer must draw the tileset");
  }

  @Test
  void aStoreWithoutReliefHasNoReliefTileset(@TempDir Path empty, @TempDir Path out)
      throws Exception {
    try (TwinStore buildingsOnly = TwinStore.open(empty)) {
      try (CityGmlParser parser = new CityGmlParser(2, null)) {
        new CityImporter(buildingsOnly, parser, ImportListener.SILENT)
            .importAll(CityGmlSources.expand(List.of(Fixtures.sample(Fixtures.YOKOSUKA_LOD2))));
      }
      TilesetBuilder relief = TilesetBuilder.relief(buildingsOnly, geoid);
      assertFalse(relief.layout().isPresent());
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> relief.export(out));
      assertTrue(e.getMessage().contains("no relief"), e.getMessage());
    }
  }

  /**
   * Undoes what a viewer does (glTF y-up to z-up, tile transform to ECEF, then geodetic, less the
   * geoid height) and walks the stored TIN alongside: each GLB triangle must be the next stored
   * triangle with area, corner by corner within 1 cm, and the triangles skipped must be exactly the
   * degenerate ones the export reported.
   */
  @Test
  void trianglesLieInTheirRegionAndOnTheStoredTin() throws Exception {
    double worst = 0;
    int written = 0;
    int stored = 0;
    for (JsonNode leaf : fullTiles()) {
      GlbReader glb = exported.glb(leaf);
      double[] m = exported.transform(leaf);
      TileRegion region = ExportedTileset.region(leaf);
      String id = glb.strings("gml_id").get(0);
      Mesh mesh = TileContentBuilder.tileMesh(store.get(id).orElseThrow().object());
      double[] tin = mesh.positions();
      int[] indices = mesh.indices();
      stored += indices.length / 3;
      double[] positions = glb.corners(glb.positions(), 3);
      int next = 0;
      double[][] corners = new double[3][3];
      for (int t = 0; t < positions.length; t += 9) {
        for (int corner = 0; corner < 3; corner++) {
          int v = t + corner * 3;
          ExportedTileset.toGeodetic(positions, v, m, corners[corner]);
          assertTrue(
              region.contains(corners[corner][0], corners[corner][1], corners[corner][2]),
              "vertex " + v / 3 + " of " + leaf.at("/content/uri") + " outside its region");
          corners[corner][2] -= geoid.undulationMetres(corners[corner][0], corners[corner][1]);
        }
        double distance = Double.MAX_VALUE;
        while (next < indices.length) {
          distance = 0;
          for (int corner = 0; corner < 3; corner++) {
            distance = Math.max(distance, metres(tin, indices[next + corner] * 3, corners[corner]));
          }
          next += 3;
          if (distance < 0.01) {
            break;
          }
        }
        assertTrue(distance < 0.01, id + " triangle " + t / 9 + " matches no stored triangle");
        worst = Math.max(worst, distance);
        written++;
      }
    }
    assertTrue(written > 1000, written + " triangles written");
    // Coarse grid cells are tens of metres wide, so every degenerate triangle is a TIN's.
    assertEquals(stored, written + summary.degenerateTriangles());
    System.out.printf("relief tiles: %d triangles, worst corner %.5f m%n", written, worst);
  }

  /**
   * The root shows both TINs resampled, with fewer triangles than its leaves together, children
   * that replace it, and a geometric error above theirs. Its error must bound the real deviation: a
   * lattice of points on every stored TIN triangle below it, looked up in the coarse GLB's
   * triangles (read back like a viewer would), must lie within that error of the coarse surface,
   * vertically, wherever the coarse surface reaches.
   */
  @Test
  void coarseTilesAreLighterAndTheirErrorBoundsTheirDeviation() throws Exception {
    List<JsonNode> coarse = coarseTiles();
    assertFalse(coarse.isEmpty(), "a relief of two TINs needs a coarse root");
    assertTrue(exported.json().get("root").has("content"), "the root shows coarse terrain");
    for (JsonNode tile : coarse) {
      assertEquals("REPLACE", tile.get("refine").asText(), "children replace coarse terrain");
      double error = tile.get("geometricError").asDouble();
      List<JsonNode> below = new ArrayList<>();
      collectFull(tile, below);
      int fullTriangles = 0;
      List<String> ids = new ArrayList<>();
      for (JsonNode leaf : below) {
        fullTriangles += exported.glb(leaf).indices().length / 3;
        ids.addAll(exported.glb(leaf).strings("gml_id"));
      }
      CoarseTriangles triangles = coarseTriangles(tile);
      int count = triangles.lonLatHeight().length / 9;
      assertTrue(count > 0 && count < fullTriangles, count + " vs " + fullTriangles);
      double worst = 0;
      int covered = 0;
      int samples = 0;
      int steps = 12;
      for (String id : ids) {
        Mesh mesh = TileContentBuilder.tileMesh(store.get(id).orElseThrow().object());
        double[] tin = mesh.positions();
        int[] corners = mesh.indices();
        for (int t = 0; t < corners.length; t += 3) {
          int a = corners[t] * 3;
          int b = corners[t + 1] * 3;
          int c = corners[t + 2] * 3;
          // A lattice of points on each stored triangle, corners and edges included.
          for (int i = 0; i <= steps; i++) {
            for (int j = 0; i + j <= steps; j++) {
              double wa = (double) i / steps;
              double wb = (double) j / steps;
              double wc = 1 - wa - wb;
              double lon = wa * tin[a] + wb * tin[b] + wc * tin[c];
              double lat = wa * tin[a + 1] + wb * tin[b + 1] + wc * tin[c + 1];
              double height = wa * tin[a + 2] + wb * tin[b + 2] + wc * tin[c + 2];
              samples++;
              double coarseHeight = triangles.heightAt(lon, lat);
              if (!Double.isNaN(coarseHeight)) {
                covered++;
                worst = Math.max(worst, Math.abs(coarseHeight - height));
              }
            }
          }
        }
      }
      assertTrue(covered > samples / 4, covered + " of " + samples + " TIN points covered");
      // 2 cm: float positions and the geoid there and back.
      assertTrue(worst <= error + 0.02, "deviation " + worst + " m above error " + error);
      assertTrue(worst > 0.1, "a real TIN is not flat: deviation " + worst);
      System.out.printf(
          "relief coarse %s: %d triangles (leaves %d), geometric error %.2f m, vertical deviation"
              + " at %d covered of %d TIN points %.3f m%n",
          tile.at("/content/uri").asText(), count, fullTriangles, error, covered, samples, worst);
    }
    assertParentErrorsExceedChildren(exported.json().get("root"));
  }

  private static void assertParentErrorsExceedChildren(JsonNode tile) {
    for (JsonNode child : tile.path("children")) {
      assertTrue(
          tile.get("geometricError").asDouble() > child.get("geometricError").asDouble(),
          "parent error "
              + tile.get("geometricError")
              + " vs child "
              + child.get("geometricError"));
      assertParentErrorsExceedChildren(child);
    }
  }

  private static void collectFull(JsonNode tile, List<JsonNode> out) {
    if (!tile.has("children")) {
      out.add(tile);
    }
    tile.path("children").forEach(child -> collectFull(child, out));
  }

  /** A coarse tile's triangles as lon, lat, orthometric height corners, each inside the region. */
  private static CoarseTriangles coarseTriangles(JsonNode tile) throws Exception {
    GlbReader glb = exported.glb(tile);
    double[] m = exported.transform(tile);
    TileRegion region = ExportedTileset.region(tile);
    double[] positions = glb.corners(glb.positions(), 3);
    double[] corners = new double[positions.length];
    double[] point = new double[3];
    for (int v = 0; v < positions.length; v += 3) {
      ExportedTileset.toGeodetic(positions, v, m, point);
      assertTrue(
          region.contains(point[0], point[1], point[2]),
          "coarse vertex " + v / 3 + " of " + tile.at("/content/uri") + " outside its region");
      corners[v] = point[0];
      corners[v + 1] = point[1];
      corners[v + 2] = point[2] - geoid.undulationMetres(point[0], point[1]);
    }
    return new CoarseTriangles(corners);
  }

  /** Coarse triangles, 9 values each: lon, lat, orthometric height per corner. */
  private record CoarseTriangles(double[] lonLatHeight) {
    /** The height of the first triangle containing lon/lat, NaN when none does. */
    double heightAt(double lon, double lat) {
      double[] c = lonLatHeight;
      for (int t = 0; t < c.length; t += 9) {
        double det =
            (c[t + 4] - c[t + 7]) * (c[t] - c[t + 6])
                + (c[t + 6] - c[t + 3]) * (c[t + 1] - c[t + 7]);
        double a =
            ((c[t + 4] - c[t + 7]) * (lon - c[t + 6]) + (c[t + 6] - c[t + 3]) * (lat - c[t + 7]))
                / det;
        double b =
            ((c[t + 7] - c[t + 1]) * (lon - c[t + 6]) + (c[t] - c[t + 6]) * (lat - c[t + 7])) / det;
        double g = 1 - a - b;
        double slack = 1e-6;
        if (a >= -slack && b >= -slack && g >= -slack) {
          return a * c[t + 2] + b * c[t + 5] + g * c[t + 8];
        }
      }
      return Double.NaN;
    }
  }

  @Test
  void khronosValidatorFindsNoErrorsOrWarnings() throws Exception {
    JsonNode reports = exported.validatorReports();
    assertEquals(summary.tiles(), reports.size());
    for (JsonNode report : reports) {
      assertEquals(0, report.at("/issues/numErrors").asInt(), report.toPrettyString());
      assertEquals(0, report.at("/issues/numWarnings").asInt(), report.toPrettyString());
    }
  }

  /** Metres between stored vertex {@code at} and a lon/lat/height point (local scale). */
  private static double metres(double[] tin, int at, double[] point) {
    double metresPerLat = 110_950;
    double metresPerLon = metresPerLat * Math.cos(Math.toRadians(point[1]));
    double dx = (tin[at] - point[0]) * metresPerLon;
    double dy = (tin[at + 1] - point[1]) * metresPerLat;
    double dz = tin[at + 2] - point[2];
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }
}
