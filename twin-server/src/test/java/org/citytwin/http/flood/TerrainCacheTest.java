package org.citytwin.http.flood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.citytwin.citygml.CityGmlParser;
import org.citytwin.citygml.CityGmlSources;
import org.citytwin.http.LiveTwin;
import org.citytwin.load.CityImporter;
import org.citytwin.load.ImportListener;
import org.citytwin.scenario.ScenarioChecks;
import org.citytwin.scenario.ScenarioRequest;
import org.citytwin.scenario.ScenarioSpec;
import org.citytwin.store.TwinStore;
import org.citytwin.terrain.CityTerrain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TerrainCache} on the real store and sample sheet: reuse, keys, bounds, invalidation. */
class TerrainCacheTest {
  private static final Path SHEET = Path.of("..", "data", "citygml", LiveTwin.BUILDINGS);
  private static final String BOX = "\"bbox\": [135.452, 34.618, 135.458, 34.622]";

  @TempDir static Path dir;
  static TwinStore store;

  @BeforeAll
  static void open() throws Exception {
    store = TwinStore.open(dir.resolve("store"));
    importSheet();
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static void importSheet() throws Exception {
    try (CityGmlParser parser = new CityGmlParser(2, null)) {
      new CityImporter(store, parser, ImportListener.SILENT)
          .importAll(CityGmlSources.expand(List.of(SHEET)));
    }
  }

  private static ScenarioSpec spec(String fields) {
    return ScenarioRequest.parse("{" + BOX + ", " + fields + "}", null);
  }

  @Test
  void theSameInputsGiveTheSameTerrainUntilAnImport() throws Exception {
    TerrainCache cache = new TerrainCache(4, ScenarioChecks.MAX_CELLS);
    TerrainCache.Lookup first = cache.terrain(spec("\"cellSize\": 10"), store);
    // Other durations, rain and gauges do not change the terrain.
    TerrainCache.Lookup second =
        cache.terrain(spec("\"cellSize\": 10, \"duration\": 60, \"rain\": [[0, 5]]"), store);
    assertFalse(first.reused());
    assertTrue(second.reused());
    assertSame(first.terrain(), second.terrain());
    assertEquals(1, cache.builds());

    // Each input the terrain depends on is in the key.
    CityTerrain otherCells = cache.terrain(spec("\"cellSize\": 8"), store).terrain();
    CityTerrain raised =
        cache.terrain(spec("\"cellSize\": 10, \"obstacles\": \"raised\""), store).terrain();
    CityTerrain otherArea =
        cache
            .terrain(
                ScenarioRequest.parse(
                    "{\"bbox\": [135.453, 34.618, 135.458, 34.622], \"cellSize\": 10}", null),
                store)
            .terrain();
    assertEquals(4, cache.builds());
    assertEquals(8, otherCells.terrain().geometry().cellSizeMetres());
    assertTrue(raised.blocked().count() == 0 && first.terrain().blocked().count() > 0);
    assertNotSame(first.terrain(), otherArea);

    long version = store.version();
    importSheet();
    assertTrue(store.version() > version);
    TerrainCache.Lookup afterImport = cache.terrain(spec("\"cellSize\": 10"), store);
    assertFalse(afterImport.reused());
    assertNotSame(first.terrain(), afterImport.terrain());
    // The terrains of the replaced content are gone, not just unreachable.
    assertEquals(1, cache.size());
  }

  @Test
  void theLeastRecentlyUsedTerrainGoesBeyondTheBound() throws Exception {
    TerrainCache cache = new TerrainCache(2, ScenarioChecks.MAX_CELLS);
    ScenarioSpec a = spec("\"cellSize\": 12");
    ScenarioSpec b = spec("\"cellSize\": 14");
    ScenarioSpec c = spec("\"cellSize\": 16");
    cache.terrain(a, store);
    cache.terrain(b, store);
    assertTrue(cache.terrain(a, store).reused()); // a is now the most recently used
    cache.terrain(c, store); // b goes
    assertEquals(2, cache.size());
    assertTrue(cache.terrain(a, store).reused());
    assertFalse(cache.terrain(b, store).reused());
    assertEquals(4, cache.builds());

    TerrainCache tiny = new TerrainCache(4, 10);
    tiny.terrain(a, store);
    assertEquals(0, tiny.size()); // larger than the whole budget: built, not kept
    assertFalse(tiny.terrain(a, store).reused());
  }
}
