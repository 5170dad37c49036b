package org.citytwin.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Recently read objects without their LOD geometry, by store id. A row of {@code city_object} never
 * changes once written (a re-import writes new rows under new ids), so an entry can never be stale;
 * entries of deleted rows just age out. It spares the JSON decoding and page reads that make up
 * most of a bounding-box page's cost.
 */
final class ObjectCache {
  /** Rough heap per cached PLATEAU building (attributes map, risks, footprint); for sizing. */
  private static final long BYTES_PER_OBJECT = 4 * 1024;

  private final Cache<Long, StoredObject> objects;

  ObjectCache(long maximumObjects) {
    this.objects = Caffeine.newBuilder().maximumSize(maximumObjects).build();
  }

  /** A cache using about an eighth of the heap, for 1,000 to 200,000 objects. */
  static ObjectCache sizedForHeap() {
    long byHeap = Runtime.getRuntime().maxMemory() / 8 / BYTES_PER_OBJECT;
    return new ObjectCache(Math.max(1_000, Math.min(200_000, byHeap)));
  }

  /** The object without geometry, or null when not cached. */
  StoredObject get(long storeId) {
    return objects.getIfPresent(storeId);
  }

  /** Keeps {@code object}, which must have been read without its LOD geometry. */
  void put(StoredObject object) {
    objects.put(object.storeId(), object);
  }
}
