package org.citytwin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.citytwin.model.Envelope3D;
import org.citytwin.query.Filter;
import org.citytwin.query.FixedAttribute;
import org.citytwin.query.Literal;
import org.citytwin.query.Nearest;
import org.citytwin.query.Query;
import org.citytwin.query.SortKey;

/** Runs counts and queries on one connection, streaming rows to the caller. */
final class QueryExecutor {

  /**
   * Every object has its dataset row, so this outer join acts as an inner one; written as outer
   * join because H2 then keeps {@code city_object} as the driving table and picks its best index
   * (the R-tree for spatial filters) instead of scanning the objects of each live dataset.
   */
  private static final String FROM =
      " FROM city_object o LEFT JOIN dataset d ON d.id = o.dataset_id";

  /**
   * The FROM clause for a filter: when the filter requires a spatial predicate (itself or one of
   * its top-level AND terms), H2 is told to drive by the matching R-tree. Without the hint its cost
   * model prefers the {@code type} B-tree, which on a city of 100,000 buildings reads every
   * building for a 200 m box (seconds instead of milliseconds).
   */
  static String from(Filter filter) {
    String index = spatialIndex(filter);
    return index == null
        ? FROM
        : " FROM city_object o USE INDEX ("
            + index
            + ") LEFT JOIN dataset d ON d.id = o.dataset_id";
  }

  private static String spatialIndex(Filter filter) {
    if (filter instanceof Filter.BboxIntersects
        || filter instanceof Filter.GeometryIntersects
        || filter instanceof Filter.WithinDistance) {
      return "city_object_footprint";
    }
    if (filter instanceof Filter.Box3DIntersects) {
      return "city_object_envelope_box";
    }
    if (filter instanceof Filter.And and) {
      for (Filter term : and.filters()) {
        String index = spatialIndex(term);
        if (index != null) {
          return index;
        }
      }
    }
    return null;
  }

  /** Only objects of live datasets are visible; staged and replaced ones never are. */
  private static final String WHERE_VISIBLE = " WHERE d.state = 'LIVE' AND ";

  /** First search radius of a nearest query; grown fourfold until enough objects are inside. */
  private static final double FIRST_RADIUS_METRES = 250;

  /** Half the Earth's circumference: a radius that certainly holds every object. */
  private static final double MAX_RADIUS_METRES = Math.PI * 6_371_008.8;

  private final Connection connection;

  /**
   * Reads on {@code connection}, which should be in a repeatable-read transaction so that the
   * statements of one nearest query see the same committed state.
   */
  QueryExecutor(Connection connection) {
    this.connection = connection;
  }

  /** The 3D box around every matching object's envelope, empty when nothing matches. */
  Optional<Envelope3D> extent(Filter filter) throws SQLException {
    SqlFilter.Condition where = SqlFilter.of(filter);
    String sql =
        "SELECT MIN(o.min_lon), MIN(o.min_lat), MIN(o.min_h), MAX(o.max_lon), MAX(o.max_lat),"
            + " MAX(o.max_h)"
            + from(filter)
            + WHERE_VISIBLE
            + where.sql();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, where.parameters(), 1);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        double minLon = rows.getDouble(1);
        if (rows.wasNull()) {
          return Optional.empty();
        }
        return Optional.of(
            Envelope3D.of(
                minLon,
                rows.getDouble(2),
                rows.getDouble(3),
                rows.getDouble(4),
                rows.getDouble(5),
                rows.getDouble(6)));
      }
    }
  }

  long count(Filter filter) throws SQLException {
    SqlFilter.Condition where = SqlFilter.of(filter);
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT COUNT(*)" + from(filter) + WHERE_VISIBLE + where.sql())) {
      bind(statement, where.parameters(), 1);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** The plan H2 chooses for {@link #count}, from EXPLAIN. */
  String plan(Filter filter) throws SQLException {
    SqlFilter.Condition where = SqlFilter.of(filter);
    String sql = "EXPLAIN SELECT COUNT(*)" + from(filter) + WHERE_VISIBLE + where.sql();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, where.parameters(), 1);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  /** The object with that gml:id, from the most recently imported dataset that has one. */
  Optional<StoredObject> get(String gmlId, boolean withGeometry) throws SQLException {
    String sql =
        "SELECT "
            + ObjectReader.columns(withGeometry)
            + FROM
            + WHERE_VISIBLE
            + "o.gml_id = ? ORDER BY d.version DESC, o.id LIMIT 1";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, gmlId);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(ObjectReader.read(rows, withGeometry)) : Optional.empty();
      }
    }
  }

  void query(Query query, Consumer<StoredObject> sink) throws SQLException {
    if (query.limit() == 0) {
      return;
    }
    if (query.nearest().isPresent()) {
      nearest(query, query.nearest().get(), sink);
      return;
    }
    List<Object> parameters = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder("SELECT ").append(ObjectReader.columns(query.withGeometry()));
    sql.append(from(query.filter()));
    SqlFilter.Condition where = SqlFilter.of(query.filter());
    sql.append(WHERE_VISIBLE).append(where.sql());
    parameters.addAll(where.parameters());
    List<String> order = new ArrayList<>();
    for (SortKey key : query.sort()) {
      order.addAll(orderTerms(key, parameters));
    }
    order.add("o.gml_id");
    order.add("o.id");
    sql.append(" ORDER BY ").append(String.join(", ", order));
    run(sql, parameters, query.limit(), query.offset(), query.withGeometry(), sink);
  }

  /**
   * The k nearest: grows a search radius until at least k matches lie within it (the k nearest then
   * surely do), and orders just those by exact distance.
   */
  private void nearest(Query query, Nearest nearest, Consumer<StoredObject> sink)
      throws SQLException {
    if (query.offset() >= nearest.k()) {
      return;
    }
    double radius = FIRST_RADIUS_METRES;
    Filter within = withinRadius(query.filter(), nearest, radius);
    while (radius < MAX_RADIUS_METRES && count(within) < nearest.k()) {
      radius = Math.min(radius * 4, MAX_RADIUS_METRES);
      within = withinRadius(query.filter(), nearest, radius);
    }
    List<Object> parameters = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder("SELECT ").append(ObjectReader.columns(query.withGeometry()));
    SqlFilter.Condition where = SqlFilter.of(within);
    sql.append(from(within)).append(WHERE_VISIBLE).append(where.sql());
    parameters.addAll(where.parameters());
    sql.append(" ORDER BY ").append(Schema.GROUND_METRES_FUNCTION);
    sql.append("(o.footprint, ?, ?), o.gml_id, o.id");
    parameters.add(nearest.lon());
    parameters.add(nearest.lat());
    int limit = (int) Math.min(query.limit(), nearest.k() - query.offset());
    run(sql, parameters, limit, query.offset(), query.withGeometry(), sink);
  }

  private static Filter withinRadius(Filter filter, Nearest nearest, double metres) {
    return Filter.and(filter, new Filter.WithinDistance(nearest.lon(), nearest.lat(), metres));
  }

  /**
   * Order terms for one sort key; a generic attribute sorts by its numeric value, then by its text,
   * each read from {@code attributes_json} with the name as a parameter.
   */
  private static List<String> orderTerms(SortKey key, List<Object> parameters) {
    String direction = key.ascending() ? " ASC NULLS LAST" : " DESC NULLS LAST";
    Optional<FixedAttribute> fixed = FixedAttribute.find(key.attribute());
    if (fixed.isPresent()) {
      return List.of(Columns.of(fixed.get()) + direction);
    }
    parameters.add(key.attribute());
    parameters.add(key.attribute());
    return List.of(
        SqlFilter.generic(Literal.Kind.NUMBER) + direction,
        SqlFilter.generic(Literal.Kind.TEXT) + direction);
  }

  private void run(
      StringBuilder sql,
      List<Object> parameters,
      long limit,
      long offset,
      boolean withGeometry,
      Consumer<StoredObject> sink)
      throws SQLException {
    sql.append(" LIMIT ? OFFSET ?");
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      int next = bind(statement, parameters, 1);
      statement.setLong(next, limit);
      statement.setLong(next + 1, offset);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          sink.accept(ObjectReader.read(rows, withGeometry));
        }
      }
    }
  }

  /** Binds values from {@code first} on; returns the next free index. */
  static int bind(PreparedStatement statement, List<Object> parameters, int first)
      throws SQLException {
    int index = first;
    for (Object parameter : parameters) {
      if (parameter instanceof Double number) {
        statement.setDouble(index++, number);
      } else if (parameter instanceof String text) {
        statement.setString(index++, text);
      } else {
        statement.setObject(index++, parameter);
      }
    }
    return index;
  }
}
