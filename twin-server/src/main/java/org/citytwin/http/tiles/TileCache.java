package org.citytwin.http.tiles;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generated tile bytes, least recently used dropped first once their total passes {@code maxBytes}.
 * A body larger than the whole budget is served but not kept. Thread-safe; two requests for the
 * same missing tile may both generate it (the second result replaces the first, identical, one),
 * which is cheaper than holding a lock while reading the store.
 */
final class TileCache {
  private final long maxBytes;
  private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;

  TileCache(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("tile cache size must be >= 0 bytes, was " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  synchronized byte[] get(String key) {
    return entries.get(key);
  }

  synchronized void put(String key, byte[] body) {
    if (body.length > maxBytes) {
      return;
    }
    byte[] previous = entries.put(key, body);
    bytes += body.length - (previous == null ? 0 : previous.length);
    Iterator<Map.Entry<String, byte[]>> oldestFirst = entries.entrySet().iterator();
    while (bytes > maxBytes && oldestFirst.hasNext()) {
      bytes -= oldestFirst.next().getValue().length;
      oldestFirst.remove();
    }
  }

  synchronized long bytes() {
    return bytes;
  }
}
