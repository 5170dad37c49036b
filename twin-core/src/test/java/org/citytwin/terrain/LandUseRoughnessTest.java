package org.citytwin.terrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citytwin.citygml.CityGmlParser;
import org.citytwin.citygml.CityGmlSources;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.load.CityImporter;
import org.citytwin.load.ImportListener;
import org.citytwin.store.TwinStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Land-use roughness from a hand-made CityGML 2.0 file (see its header: four luse:LandUse parcels
 * with class codes, a tran:Road and a wtr:WaterBody on a 12 x 10 grid of 10 m cells), imported
 * through the real loader into a real store and checked cell by cell.
 */
class LandUseRoughnessTest {
  /** The grid the file was drawn on: every polygon edge a quarter cell off the cell centres. */
  static final GridGeometry GRID = GridGeometry.of(-50400, -152600, 10, 12, 10);

  /**
   * The class of each cell, row 0 northernmost: R residential 211, P park 217 (inside R: the
   * smaller parcel wins), F forest 203, W water surface 204, S road (over the parcels), B water
   * body (over the road), . nothing.
   */
  static final String[] EXPECTED = {
    "RRRRRRWWWWWW",
    "RRRRRRWWWWWW",
    "RRRRRRWWWWWW",
    "RRPPRRWWWWWW",
    "RRPPRRWWWWWW",
    "RRPPRR......",
    "RRRRRRFFFFFF",
    "RRRRRRFFBBFF",
    "SSSSSSSSBBSS",
    "RRRRRRFFBBFF",
  };

  @TempDir static Path dir;
  static TwinStore store;

  @BeforeAll
  static void load() throws Exception {
    store = TwinStore.open(dir.resolve("luse"));
    Path file = Path.of(LandUseRoughnessTest.class.getResource("landuse-handmade.gml").toURI());
    try (CityGmlParser parser = new CityGmlParser(2, null)) {
      new CityImporter(store, parser, ImportListener.SILENT)
          .importAll(CityGmlSources.expand(List.of(file)));
    }
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void everyCellTakesTheClassCoveringItsCentre() throws Exception {
    RoughnessTable table =
        new RoughnessTable(0.011, 0.022, 0.033, Map.of("211", 0.044, "217", 0.055, "203", 0.066));
    Map<Character, Double> n =
        Map.of('R', 0.044, 'P', 0.055, 'F', 0.066, 'W', 0.022, 'S', 0.011, 'B', 0.022, '.', 0.033);
    RoughnessGrid grid = LandUseRoughness.build(store, GRID, LocalMetricFrame.ofEpsg(6674), table);
    for (int row = 0; row < GRID.nrows(); row++) {
      for (int col = 0; col < GRID.ncols(); col++) {
        char c = EXPECTED[row].charAt(col);
        assertEquals(
            n.get(c),
            grid.manning().value(col, row),
            1e-6,
            "cell col " + col + " row " + row + " should be " + c);
      }
    }
    Map<String, Integer> cells = new LinkedHashMap<>();
    grid.classes().forEach((name, c) -> cells.put(name, c.cells()));
    assertEquals(
        Map.of(
            "default", 6,
            "landUse:211", 48,
            "landUse:217", 6,
            "landUse:203", 14,
            "landUse:204", 30,
            "road", 10,
            "water", 6),
        cells,
        grid.summary());
    assertEquals(0.022, grid.classes().get("landUse:204").manning(), 1e-12, "204 is water");
  }

  /** The cited defaults reach the cells: Chow (1959) table 5-6 normal values. */
  @Test
  void theDefaultTableGivesChowsValues() throws Exception {
    RoughnessGrid grid =
        LandUseRoughness.build(
            store, GRID, LocalMetricFrame.ofEpsg(6674), RoughnessTable.defaults());
    assertEquals(0.016, grid.classes().get("road").manning(), 1e-12);
    assertEquals(0.030, grid.classes().get("water").manning(), 1e-12);
    assertEquals(0.030, grid.classes().get("landUse:204").manning(), 1e-12);
    assertEquals(0.100, grid.classes().get("landUse:203").manning(), 1e-12);
    assertEquals(0.030, grid.classes().get("landUse:217").manning(), 1e-12);
    // Residential parcels have no row in Chow: open ground, like the uncovered cells.
    assertEquals(0.035, grid.classes().get("landUse:211").manning(), 1e-12);
    assertEquals(0.035, grid.classes().get("default").manning(), 1e-12);
    assertEquals(0.100f, grid.manning().value(6, 6), 1e-6f, "forest");
    assertEquals(0.016f, grid.manning().value(0, 8), 1e-6f, "road");
  }

  @Test
  void tableEntriesOverrideAndAreChecked() {
    RoughnessTable t = RoughnessTable.defaults().withLandUse(Map.of("215", 0.02, "211", 0.05));
    assertEquals(0.02, t.landUse("215"), 1e-12, "an entry for road land wins over the road n");
    assertEquals(0.05, t.landUse("211"), 1e-12);
    assertEquals(0.030, t.landUse("204"), 1e-12, "water surface takes the water n");
    assertEquals(0.035, t.landUse("299"), 1e-12, "unknown codes take open ground");
    assertEquals(0.035, t.landUse(null), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> t.with(0.0, null, null));
    assertThrows(IllegalArgumentException.class, () -> t.withLandUse(Map.of("203", 1.5)));
  }
}
