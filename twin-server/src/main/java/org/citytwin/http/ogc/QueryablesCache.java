package org.citytwin.http.ogc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;

/** Queryables per collection, recomputed when the store's version changes. */
final class QueryablesCache {
  private record Entry(long version, Queryables queryables) {}

  private final TwinStore store;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  QueryablesCache(TwinStore store) {
    this.store = store;
  }

  /**
   * The collection's queryables. Computing them reads the whole collection, so one thread does it
   * while concurrent requests wait for its result rather than each scanning the store again.
   */
  Queryables of(Collections.Info collection) throws StoreException {
    long version = store.version();
    Entry entry = entries.get(collection.id());
    if (entry != null && entry.version() == version) {
      return entry.queryables();
    }
    synchronized (this) {
      entry = entries.get(collection.id());
      if (entry == null || entry.version() != version) {
        entry = new Entry(version, compute(collection));
        entries.put(collection.id(), entry);
      }
      return entry.queryables();
    }
  }

  private Queryables compute(Collections.Info collection) throws StoreException {
    return Queryables.of(store.attributeNames(collection.types()));
  }
}
