package org.citytwin.http.ogc;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.citytwin.http.HttpProblem;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.CityObjectType.Collection;
import org.citytwin.model.Envelope3D;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import org.citytwin.store.TypeSummary;

/**
 * The feature collections the API offers: one per kind of object present in the store (buildings,
 * transportation, relief...). Recomputed only when the store's version changes.
 */
final class Collections {
  /** A collection with what it holds. */
  record Info(Collection collection, long objectCount, Optional<Envelope3D> extent) {
    String id() {
      return collection.id();
    }

    String title() {
      String id = collection.id().replace('_', ' ');
      return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    Set<CityObjectType> types() {
      return typesOf(collection);
    }
  }

  private final TwinStore store;
  private volatile long cachedVersion = -1;
  private volatile List<Info> cached = List.of();

  Collections(TwinStore store) {
    this.store = store;
  }

  /** The store the collections are read from. */
  TwinStore store() {
    return store;
  }

  /**
   * The collections present, recomputed once per store version: one thread counts while concurrent
   * requests wait for its result instead of each scanning the store again.
   */
  List<Info> present() throws StoreException {
    long version = store.version();
    if (version == cachedVersion) {
      return cached;
    }
    synchronized (this) {
      if (version != cachedVersion) {
        cached = compute();
        cachedVersion = version;
      }
      return cached;
    }
  }

  private List<Info> compute() throws StoreException {
    Map<CityObjectType, TypeSummary> summaries = store.typeSummaries();
    List<Info> infos = new ArrayList<>();
    for (Collection collection : Collection.values()) {
      TypeSummary total = new TypeSummary(0, Optional.empty());
      for (CityObjectType type : typesOf(collection)) {
        TypeSummary summary = summaries.get(type);
        total = summary == null ? total : total.plus(summary);
      }
      if (total.count() > 0) {
        infos.add(new Info(collection, total.count(), total.extent()));
      }
    }
    return List.copyOf(infos);
  }

  /** The collection with that id, or 404 naming the ones that exist. */
  Info get(String id) throws StoreException {
    List<Info> present = present();
    for (Info info : present) {
      if (info.id().equals(id)) {
        return info;
      }
    }
    throw HttpProblem.notFound(
        "no collection '" + id + "'; this twin has " + present.stream().map(Info::id).toList());
  }

  static Set<CityObjectType> typesOf(Collection collection) {
    Set<CityObjectType> types = EnumSet.noneOf(CityObjectType.class);
    for (CityObjectType type : CityObjectType.values()) {
      if (type.collection() == collection) {
        types.add(type);
      }
    }
    return types;
  }
}
