package org.citytwin.http.flood;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.query.Filter;
import org.citytwin.scenario.ScenarioChecks;
import org.citytwin.scenario.ScenarioSpec;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import org.citytwin.terrain.CityTerrain;
import org.citytwin.terrain.Obstacles;

/**
 * The terrains of recent runs, so that a second run on the same area reuses the grid instead of
 * rebuilding it from the store (reading every building and interpolating the ground is most of a
 * small run's time). A terrain depends on the store's content (its {@link TwinStore#version()},
 * bumped by every import), the area, the cell size, the obstacle mode and the uploaded DEM: all are
 * in the key, and entries of an older store version are dropped as soon as a newer one is seen.
 * Terrains are immutable, so runs share them. Least recently used entries go first beyond {@code
 * maxEntries} or {@code maxCells} cells in all.
 */
final class TerrainCache {
  /** What a terrain is built from. {@code demId} is null for a terrain built from the city. */
  record Key(
      long storeVersion,
      double cellSizeMetres,
      Obstacles obstacles,
      Filter.BboxIntersects area,
      String demId) {
    static Key of(ScenarioSpec spec, long storeVersion) {
      return new Key(
          storeVersion,
          spec.cellSizeMetres(),
          spec.obstacles(),
          spec.area(),
          spec.dem() != null ? spec.dem().id() : null);
    }
  }

  /** A terrain and whether it came from the cache. */
  record Lookup(CityTerrain terrain, boolean reused) {}

  private final int maxEntries;
  private final long maxCells;
  private final Map<Key, CityTerrain> entries = new LinkedHashMap<>(16, 0.75f, true);
  private final AtomicLong builds = new AtomicLong();
  private long cells;

  TerrainCache(int maxEntries, long maxCells) {
    if (maxEntries < 0 || maxCells < 0) {
      throw new IllegalArgumentException("cache bounds must be >= 0");
    }
    this.maxEntries = maxEntries;
    this.maxCells = maxCells;
  }

  /**
   * Four terrains of at most {@link ScenarioChecks#MAX_CELLS} cells in all (about 16 MB of
   * heights).
   */
  static TerrainCache withDefaults() {
    return new TerrainCache(4, ScenarioChecks.MAX_CELLS);
  }

  /**
   * The scenario's terrain: a cached one built from the same inputs, else a new one, kept. Built
   * outside the lock, so a slow build does not hold up lookups; two runs racing on the same key
   * both build, and the later one is kept.
   */
  Lookup terrain(ScenarioSpec spec, TwinStore store)
      throws StoreException, CoordinateConversionException {
    Key key = Key.of(spec, store.version());
    synchronized (this) {
      dropOlderThan(key.storeVersion());
      CityTerrain cached = entries.get(key);
      if (cached != null) {
        return new Lookup(cached, true);
      }
    }
    CityTerrain built = spec.terrain(store);
    builds.incrementAndGet();
    put(key, built);
    return new Lookup(built, false);
  }

  private synchronized void put(Key key, CityTerrain terrain) {
    long size = terrain.terrain().geometry().cellCount();
    if (size > maxCells || maxEntries == 0) {
      return;
    }
    CityTerrain old = entries.put(key, terrain);
    if (old != null) {
      cells -= old.terrain().geometry().cellCount();
    }
    cells += size;
    Iterator<Map.Entry<Key, CityTerrain>> eldest = entries.entrySet().iterator();
    while ((entries.size() > maxEntries || cells > maxCells) && eldest.hasNext()) {
      Map.Entry<Key, CityTerrain> e = eldest.next();
      if (e.getKey().equals(key)) {
        continue;
      }
      cells -= e.getValue().terrain().geometry().cellCount();
      eldest.remove();
    }
  }

  /** Forgets terrains of a store content that an import has since replaced. */
  private void dropOlderThan(long version) {
    Iterator<Map.Entry<Key, CityTerrain>> it = entries.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Key, CityTerrain> e = it.next();
      if (e.getKey().storeVersion() < version) {
        cells -= e.getValue().terrain().geometry().cellCount();
        it.remove();
      }
    }
  }

  /** Terrains built (not taken from the cache) since the server started. */
  long builds() {
    return builds.get();
  }

  synchronized int size() {
    return entries.size();
  }
}
