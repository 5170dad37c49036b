package org.citytwin.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Recently read objects without their LOD geometry, by store id, and which store id recently
 * answered a gml:id at which store version. A row of {@code city_object} never changes once written
 * (a re-import writes new rows under new ids), so an object entry can never be stale; entries of
 * deleted rows just age out. A gml:id entry is only used at the version it was read at: any import
 * moves the version on, after which the next get of that gml:id asks the tables again. It spares
 * the JSON decoding and page reads that make up most of a bounding-box page's cost, and the SQL of
 * a single-item get.
 */
final class ObjectCache {
  /** Rough heap per cached PLATEAU building (attributes map, risks, footprint); for sizing. */
  private static final long BYTES_PER_OBJECT = 4 * 1024;

  /** The row that answered a gml:id when the store was at {@code version}. */
  private record IdAtVersion(long version, long storeId) {}

  private final Cache<Long, StoredObject> objects;
  private final Cache<String, IdAtVersion> idsByGmlId;

  ObjectCache(long maximumObjects) {
    this.objects = Caffeine.newBuilder().maximumSize(maximumObjects).build();
    this.idsByGmlId = Caffeine.newBuilder().maximumSize(maximumObjects).build();
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

  /**
   * The object a get of {@code gmlId} returned at store version {@code version}, without geometry;
   * null when that get is not remembered for this version or its object is no longer cached.
   */
  StoredObject get(String gmlId, long version) {
    IdAtVersion id = idsByGmlId.getIfPresent(gmlId);
    return id == null || id.version() != version ? null : get(id.storeId());
  }

  /**
   * Keeps {@code object}, read without its LOD geometry, as the answer to a get of its gml:id in a
   * transaction that saw store version {@code version}.
   */
  void put(StoredObject object, long version) {
    put(object);
    idsByGmlId.put(object.object().gmlId(), new IdAtVersion(version, object.storeId()));
  }
}
