package org.citytwin.store;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.citytwin.model.CityObjectType;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Counts and pages of a bounding-box query (optionally restricted to object types, in the default
 * {@code gml_id} order) answered from a {@link SpatialSnapshot} and the {@link ObjectCache}: the
 * snapshot finds the candidates; footprints that cross the box's edge are tested with JTS when
 * cached (the same test H2GIS's {@code ST_Intersects} makes) or by H2 otherwise; the page's objects
 * come from the cache or are read by primary key. The result is what {@link QueryExecutor} returns
 * for the same query on the snapshot's version.
 */
final class SnapshotQueries {

  /** A filter the snapshot answers: a box, and the types to keep (null for every type). */
  record BoxQuery(Filter.BboxIntersects box, Set<CityObjectType> types) {}

  /** Thrown when a row of the snapshot's version is gone: a newer import replaced it. */
  static final class StaleSnapshotException extends Exception {
    StaleSnapshotException() {
      super("a newer store version replaced objects of the in-memory index", null, false, false);
    }
  }

  /** Where rows not in the cache come from: H2, each call in a read transaction of its own. */
  interface RowSource {
    /** The ids whose footprint intersects {@code area}; null when some of the rows are gone. */
    long[] intersecting(long[] ids, Geometry area) throws StoreException;

    List<StoredObject> read(long[] ids, boolean withGeometry) throws StoreException;
  }

  private final SpatialSnapshot snapshot;
  private final ObjectCache cache;
  private final RowSource rows;

  SnapshotQueries(SpatialSnapshot snapshot, ObjectCache cache, RowSource rows) {
    this.snapshot = snapshot;
    this.cache = cache;
    this.rows = rows;
  }

  /** The box query {@code filter} is, when it is a box alone or a box and a type set. */
  static Optional<BoxQuery> of(Filter filter) {
    if (filter instanceof Filter.BboxIntersects box) {
      return Optional.of(new BoxQuery(box, null));
    }
    if (filter instanceof Filter.And and && and.filters().size() == 2) {
      Filter first = and.filters().get(0);
      Filter second = and.filters().get(1);
      if (first instanceof Filter.BboxIntersects box && second instanceof Filter.TypeIn types) {
        return Optional.of(new BoxQuery(box, types.types()));
      }
      if (first instanceof Filter.TypeIn types && second instanceof Filter.BboxIntersects box) {
        return Optional.of(new BoxQuery(box, types.types()));
      }
    }
    return Optional.empty();
  }

  /**
   * Largest page read through the snapshot: its objects are gathered before the first is passed on
   * (so that a page is either all from one version or retried), which for bigger results, such as a
   * whole city with its geometry, would hold too much at once; those stream from SQL instead.
   */
  static final int MAX_PAGE = 10_000;

  /** Whether the snapshot can answer {@code query}: a box query in the default order, one page. */
  static Optional<BoxQuery> of(Query query) {
    return query.sort().isEmpty() && query.nearest().isEmpty() && query.limit() <= MAX_PAGE
        ? of(query.filter())
        : Optional.empty();
  }

  long count(BoxQuery query) throws StoreException, StaleSnapshotException {
    return matches(query).length;
  }

  void page(BoxQuery boxQuery, Query query, Consumer<StoredObject> sink)
      throws StoreException, StaleSnapshotException {
    int[] ranks = matches(boxQuery);
    int from = (int) Math.min(query.offset(), ranks.length);
    int to = (int) Math.min(ranks.length, from + (long) query.limit());
    if (from >= to) {
      return;
    }
    StoredObject[] page = new StoredObject[to - from];
    Map<Long, Integer> missing = new HashMap<>();
    for (int i = 0; i < page.length; i++) {
      long id = snapshot.storeId(ranks[from + i]);
      page[i] = query.withGeometry() ? null : cache.get(id);
      if (page[i] == null) {
        missing.put(id, i);
      }
    }
    if (!missing.isEmpty()) {
      long[] ids = missing.keySet().stream().mapToLong(Long::longValue).toArray();
      for (StoredObject object : rows.read(ids, query.withGeometry())) {
        page[missing.get(object.storeId())] = object;
        if (!query.withGeometry()) {
          cache.put(object);
        }
      }
    }
    for (StoredObject object : page) {
      if (object == null) {
        throw new StaleSnapshotException();
      }
    }
    Arrays.stream(page).forEach(sink);
  }

  /** The ranks of every match, ascending: the certain ones and the edge ones that pass. */
  private int[] matches(BoxQuery query) throws StoreException, StaleSnapshotException {
    SpatialSnapshot.Candidates candidates = snapshot.find(query.box(), query.types());
    if (candidates.edge().length == 0) {
      return candidates.inside();
    }
    int[] passed = exact(candidates.edge(), query.box());
    int[] all = Arrays.copyOf(candidates.inside(), candidates.inside().length + passed.length);
    System.arraycopy(passed, 0, all, candidates.inside().length, passed.length);
    Arrays.sort(all);
    return all;
  }

  /**
   * The ranks among {@code edge} whose footprint intersects the box: cached footprints tested here,
   * the others by H2 in one statement.
   */
  private int[] exact(int[] edge, Filter.BboxIntersects box)
      throws StoreException, StaleSnapshotException {
    Geometry area =
        SqlFilter.boxGeometry(new Envelope(box.minLon(), box.maxLon(), box.minLat(), box.maxLat()));
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
    int[] passed = new int[edge.length];
    int count = 0;
    Map<Long, Integer> uncached = new HashMap<>();
    for (int rank : edge) {
      long id = snapshot.storeId(rank);
      StoredObject cached = cache.get(id);
      if (cached == null) {
        uncached.put(id, rank);
      } else if (prepared.intersects(cached.object().shape().footprint())) {
        passed[count++] = rank;
      }
    }
    if (!uncached.isEmpty()) {
      long[] ids = uncached.keySet().stream().mapToLong(Long::longValue).toArray();
      long[] intersecting = rows.intersecting(ids, area);
      if (intersecting == null) {
        throw new StaleSnapshotException();
      }
      for (long id : intersecting) {
        passed[count++] = uncached.get(id);
      }
    }
    return Arrays.copyOf(passed, count);
  }
}
