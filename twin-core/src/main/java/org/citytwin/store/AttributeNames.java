package org.citytwin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.CityObject;
import org.citytwin.model.CityObjectType;
import org.citytwin.query.Literal;

/**
 * The generic attribute names of one import, per object type, with their kind: {@code NUMBER} when
 * every value seen under the name was a {@link AttributeValue.Number}, else {@code TEXT} (codes and
 * texts, or a mix). Collected in memory while the import runs and stored once, in the transaction
 * that publishes the dataset, as rows of the {@code attribute_name} table.
 */
final class AttributeNames {

  private static final String INSERT =
      "INSERT INTO attribute_name(dataset_id, object_type, name, kind) VALUES (?, ?, ?, ?)";

  private final Map<CityObjectType, Map<String, Literal.Kind>> byType =
      new EnumMap<>(CityObjectType.class);

  /** Notes the names and kinds of {@code object}'s attributes. */
  void add(CityObject object) {
    add(object.type(), object.attributes());
  }

  /** Notes the names and kinds of the attributes of an object of {@code type}. */
  void add(CityObjectType type, Map<String, AttributeValue> attributes) {
    if (attributes.isEmpty()) {
      return;
    }
    Map<String, Literal.Kind> names = byType.computeIfAbsent(type, t -> new HashMap<>());
    attributes.forEach((name, value) -> names.merge(name, kindOf(value), AttributeNames::join));
  }

  /** Inserts the collected names under {@code datasetId}; the caller commits. */
  void insert(Connection connection, long datasetId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
      for (Map.Entry<CityObjectType, Map<String, Literal.Kind>> type : byType.entrySet()) {
        for (Map.Entry<String, Literal.Kind> name : type.getValue().entrySet()) {
          statement.setLong(1, datasetId);
          statement.setString(2, type.getKey().id());
          statement.setString(3, name.getKey());
          statement.setString(4, name.getValue().name());
          statement.addBatch();
        }
      }
      statement.executeBatch();
    }
  }

  /**
   * The names and kinds over the live datasets, in name order, for objects of {@code types} (every
   * type when empty). A name is {@code NUMBER} only when it is numeric in every dataset and type.
   */
  static Map<String, Literal.Kind> live(Connection connection, Set<CityObjectType> types)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT a.name, MAX(a.kind) FROM attribute_name a JOIN dataset d"
                + " ON d.id = a.dataset_id WHERE d.state = 'LIVE'");
    List<Object> parameters = new ArrayList<>();
    if (!types.isEmpty()) {
      sql.append(" AND a.object_type IN (").append(SqlFilter.placeholders(types.size()));
      sql.append(')');
      types.stream().map(CityObjectType::id).sorted().forEach(parameters::add);
    }
    sql.append(" GROUP BY a.name");
    Map<String, Literal.Kind> names = new TreeMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      QueryExecutor.bind(statement, parameters, 1);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          names.put(rows.getString(1), Literal.Kind.valueOf(rows.getString(2)));
        }
      }
    }
    return names;
  }

  static Literal.Kind kindOf(AttributeValue value) {
    return value instanceof AttributeValue.Number ? Literal.Kind.NUMBER : Literal.Kind.TEXT;
  }

  /** Joins two kinds seen under one name; {@code MAX(kind)} in {@link #live} does the same. */
  private static Literal.Kind join(Literal.Kind a, Literal.Kind b) {
    return a == b ? a : Literal.Kind.TEXT;
  }
}
