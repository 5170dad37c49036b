package org.citytwin.http.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The tile cache keeps to its byte budget, dropping the least recently used first. */
class TileCacheTest {
  @Test
  void evictsLeastRecentlyUsedBeyondTheBudget() {
    TileCache cache = new TileCache(100);
    cache.put("a", new byte[40]);
    cache.put("b", new byte[40]);
    assertNotNull(cache.get("a"), "a is now the most recently used");
    cache.put("c", new byte[40]);
    assertNull(cache.get("b"));
    assertNotNull(cache.get("a"));
    assertNotNull(cache.get("c"));
    assertEquals(80, cache.bytes());
  }

  @Test
  void bodiesLargerThanTheBudgetAreNotKeptAndReplacementsAreCountedOnce() {
    TileCache cache = new TileCache(100);
    cache.put("big", new byte[101]);
    assertNull(cache.get("big"));
    cache.put("a", new byte[30]);
    cache.put("a", new byte[50]);
    assertEquals(50, cache.bytes());
  }
}
