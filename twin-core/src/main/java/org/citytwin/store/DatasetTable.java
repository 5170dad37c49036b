package org.citytwin.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rows of the {@code dataset} table and the store-wide version counter. */
final class DatasetTable {

  private static final String COLUMNS =
      "id, source_name, source_crs, citygml_version, source_bytes, object_count, imported_at,"
          + " issue_counts, version";

  private DatasetTable() {}

  /**
   * The id of the dataset row for {@code info}, emptied of its objects when it exists and created
   * otherwise. Runs in the caller's transaction, so readers keep seeing the old objects until the
   * import commits.
   */
  static long claim(Connection connection, DatasetInfo info) throws SQLException {
    try (PreparedStatement find =
        connection.prepareStatement("SELECT id FROM dataset WHERE source_name = ?")) {
      find.setString(1, info.sourceName());
      try (ResultSet rows = find.executeQuery()) {
        if (rows.next()) {
          long id = rows.getLong(1);
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM city_object WHERE dataset_id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
          }
          return id;
        }
      }
    }
    String insert =
        "INSERT INTO dataset(source_name, source_bytes, object_count, imported_at, issue_counts,"
            + " version) VALUES (?, 0, 0, CURRENT_TIMESTAMP, '{}', 0)";
    try (PreparedStatement statement =
        connection.prepareStatement(insert, Statement.RETURN_GENERATED_KEYS)) {
      statement.setString(1, info.sourceName());
      statement.executeUpdate();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Bumps the store version and records the finished import under it. */
  static Dataset complete(
      Connection connection,
      long id,
      DatasetInfo info,
      long objectCount,
      Map<String, Long> issueCounts)
      throws SQLException {
    long version = bumpVersion(connection);
    // The column keeps microseconds; truncate so the returned value equals the stored one.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String sql =
        "UPDATE dataset SET source_crs = ?, citygml_version = ?, source_bytes = ?,"
            + " object_count = ?, imported_at = ?, issue_counts = ?, version = ? WHERE id = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, info.sourceCrs());
      statement.setString(2, info.citygmlVersion());
      statement.setLong(3, info.sourceBytes());
      statement.setLong(4, objectCount);
      statement.setObject(5, now.atOffset(ZoneOffset.UTC));
      statement.setString(6, AttributeJson.writeCounts(issueCounts));
      statement.setLong(7, version);
      statement.setLong(8, id);
      statement.executeUpdate();
    }
    return new Dataset(
        id,
        info.sourceName(),
        info.sourceCrs(),
        info.citygmlVersion(),
        info.sourceBytes(),
        objectCount,
        now,
        issueCounts,
        version);
  }

  static long version(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT meta_value FROM store_meta WHERE meta_key = 'version'")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  static List<Dataset> list(Connection connection) throws SQLException {
    List<Dataset> datasets = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT " + COLUMNS + " FROM dataset ORDER BY source_name")) {
      while (rows.next()) {
        datasets.add(read(rows));
      }
    }
    return datasets;
  }

  private static Dataset read(ResultSet row) throws SQLException {
    try {
      return new Dataset(
          row.getLong(1),
          row.getString(2),
          row.getString(3),
          row.getString(4),
          row.getLong(5),
          row.getLong(6),
          row.getObject(7, OffsetDateTime.class).toInstant(),
          AttributeJson.readCounts(row.getString(8)),
          row.getLong(9));
    } catch (IOException e) {
      throw new SQLException("issue counts of dataset " + row.getString(2) + " are not JSON", e);
    }
  }

  private static long bumpVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "UPDATE store_meta SET meta_value = meta_value + 1 WHERE meta_key = 'version'");
    }
    return version(connection);
  }
}
