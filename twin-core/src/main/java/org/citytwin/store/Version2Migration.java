package org.citytwin.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.CityObjectType;

/**
 * Upgrades a schema version 2 store to version 3: drops the {@code object_attribute} rows (generic
 * predicates now read {@code attributes_json}) and fills {@code attribute_name} from the live
 * objects' attributes. Safe to interrupt: the names and the version number commit together, and
 * every earlier step is repeatable.
 */
final class Version2Migration {

  private Version2Migration() {}

  static void run(Connection connection, String createAttributeName) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS object_attribute");
      statement.execute(createAttributeName.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS"));
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM attribute_name");
      for (Map.Entry<Long, AttributeNames> dataset : liveNames(connection).entrySet()) {
        dataset.getValue().insert(connection, dataset.getKey());
      }
      statement.executeUpdate(
          "UPDATE store_meta SET meta_value = 3 WHERE meta_key = 'schema_version'");
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static Map<Long, AttributeNames> liveNames(Connection connection) throws SQLException {
    Map<Long, AttributeNames> names = new LinkedHashMap<>();
    String sql =
        "SELECT o.dataset_id, o.type, o.attributes_json FROM city_object o JOIN dataset d"
            + " ON d.id = o.dataset_id WHERE d.state = 'LIVE'";
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        names
            .computeIfAbsent(rows.getLong(1), id -> new AttributeNames())
            .add(CityObjectType.parse(rows.getString(2)), read(rows.getString(3)));
      }
    }
    return names;
  }

  private static Map<String, AttributeValue> read(String json) throws SQLException {
    try {
      return AttributeJson.readAttributes(json);
    } catch (IOException e) {
      throw new SQLException("attributes_json is not the store's attribute JSON: " + e, e);
    }
  }
}
