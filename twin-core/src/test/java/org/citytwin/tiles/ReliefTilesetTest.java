package org.citytwin.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
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
 * as its own tileset and checks it against the store: one leaf per relief object, every vertex
 * inside its tile's region, every triangle back on its stored triangle within 1 cm, and every GLB
 * clean under the Khronos glTF validator.
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

  @Test
  void everyReliefObjectHasALeafOfItsOwn() throws Exception {
    long reliefs = store.count(new Filter.TypeIn(Set.of(CityObjectType.RELIEF)));
    assertEquals(2, reliefs, "relief features in " + Fixtures.YOKOSUKA_DEM);
    Set<String> seen = new HashSet<>();
    for (JsonNode leaf : exported.leaves()) {
      List<String> ids = exported.glb(leaf).strings("gml_id");
      assertEquals(1, ids.size(), leaf.at("/content/uri") + " holds " + ids);
      assertTrue(seen.add(ids.get(0)), ids.get(0) + " in two leaves");
      assertEquals(CityObjectType.RELIEF, store.get(ids.get(0)).orElseThrow().object().type());
    }
    assertEquals(reliefs, seen.size());
    assertEquals(reliefs, summary.tiles());
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
    for (JsonNode leaf : exported.leaves()) {
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
    assertEquals(stored, written + summary.degenerateTriangles());
    System.out.printf("relief tiles: %d triangles, worst corner %.5f m%n", written, worst);
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
