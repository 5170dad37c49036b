package org.citytwin.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.citytwin.model.CityObjectType;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Counts and pages of a bounding-box query (optionally restricted to object types, in the default
 * {@code gml_id} order) answered from a {@link SpatialSnapshot}: the snapshot finds the candidates,
 * H2 tests only the footprints that cross the box's edge and reads the rows of the page by primary
 * key. The result is exactly what {@link QueryExecutor} returns for the same query.
 */
final class SnapshotQueries {
  private static final String EXACT =
      "SELECT o.id FROM city_object o WHERE o.id = ANY(?) AND ST_Intersects(o.footprint, ?)";

  private static final String ROWS =
      " FROM city_object o LEFT JOIN dataset d ON d.id = o.dataset_id WHERE o.id = ANY(?)";

  /** A filter the snapshot answers: a box, and the types to keep (null for every type). */
  record BoxQuery(Filter.BboxIntersects box, Set<CityObjectType> types) {}

  private final Connection connection;
  private final SpatialSnapshot snapshot;

  SnapshotQueries(Connection connection, SpatialSnapshot snapshot) {
    this.connection = connection;
    this.snapshot = snapshot;
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

  /** Whether the snapshot can answer {@code query}: a box query in the default order. */
  static Optional<BoxQuery> of(Query query) {
    return query.sort().isEmpty() && query.nearest().isEmpty()
        ? of(query.filter())
        : Optional.empty();
  }

  long count(BoxQuery query) throws SQLException {
    return matches(query).length;
  }

  void page(BoxQuery boxQuery, Query query, Consumer<StoredObject> sink) throws SQLException {
    int[] ranks = matches(boxQuery);
    long from = Math.min(query.offset(), ranks.length);
    int to = (int) Math.min(ranks.length, from + query.limit());
    if (from >= to) {
      return;
    }
    long[] ids = new long[to - (int) from];
    Map<Long, Integer> position = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      ids[i] = snapshot.storeId(ranks[(int) from + i]);
      position.put(ids[i], i);
    }
    StoredObject[] page = new StoredObject[ids.length];
    String sql = "SELECT " + ObjectReader.columns(query.withGeometry()) + ROWS;
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, idArray(ids));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          StoredObject object = ObjectReader.read(rows, query.withGeometry());
          page[position.get(object.storeId())] = object;
        }
      }
    }
    for (StoredObject object : page) {
      if (object == null) {
        // The snapshot and this transaction see the same version, so every row is there.
        throw new SQLException("an object of the spatial snapshot is missing from its version");
      }
      sink.accept(object);
    }
  }

  /** The ranks of every match, ascending: the certain ones and the edge ones that pass. */
  private int[] matches(BoxQuery query) throws SQLException {
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

  /** The ranks among {@code edge} whose footprint intersects the box, tested by H2. */
  private int[] exact(int[] edge, Filter.BboxIntersects box) throws SQLException {
    Map<Long, Integer> rankOf = new HashMap<>();
    long[] ids = new long[edge.length];
    for (int i = 0; i < edge.length; i++) {
      ids[i] = snapshot.storeId(edge[i]);
      rankOf.put(ids[i], edge[i]);
    }
    Geometry area =
        SqlFilter.boxGeometry(new Envelope(box.minLon(), box.maxLon(), box.minLat(), box.maxLat()));
    int[] passed = new int[edge.length];
    int count = 0;
    try (PreparedStatement statement = connection.prepareStatement(EXACT)) {
      statement.setArray(1, idArray(ids));
      statement.setObject(2, area);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          passed[count++] = rankOf.get(rows.getLong(1));
        }
      }
    }
    return Arrays.copyOf(passed, count);
  }

  private Array idArray(long[] ids) throws SQLException {
    return connection.createArrayOf("BIGINT", Arrays.stream(ids).boxed().toArray());
  }
}
