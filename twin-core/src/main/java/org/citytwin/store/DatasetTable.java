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

/**
 * Rows of the {@code dataset} table and the store-wide version counter. A dataset row moves through
 * the states {@code LOADING -> LIVE -> REPLACED}; only {@code LIVE} rows and their objects are
 * visible, and rows in the other states are purged in small transactions.
 */
final class DatasetTable {

  private static final String COLUMNS =
      "id, source_name, source_crs, citygml_version, source_bytes, object_count, imported_at,"
          + " issue_counts, version";

  /**
   * Objects deleted per transaction by {@link #purge}: deleting 250 LOD1 buildings leaves H2 with
   * less unsaved memory than inserting them, well under its trigger (see {@link ObjectInsert}).
   */
  static final int PURGE_BATCH = 250;

  private DatasetTable() {}

  /**
   * Creates the row of a new import in state {@code LOADING} and commits it: the objects written
   * under its id stay invisible to readers until {@link #publish}.
   */
  static long insertLoading(Connection connection, DatasetInfo info) throws SQLException {
    String insert =
        "INSERT INTO dataset(source_name, state, source_bytes, object_count, imported_at,"
            + " issue_counts, version) VALUES (?, 'LOADING', 0, 0, CURRENT_TIMESTAMP, '{}', 0)";
    try (PreparedStatement statement =
        connection.prepareStatement(insert, Statement.RETURN_GENERATED_KEYS)) {
      statement.setString(1, info.sourceName());
      statement.executeUpdate();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        keys.next();
        long id = keys.getLong(1);
        connection.commit();
        return id;
      }
    }
  }

  /**
   * The one short transaction that makes an import visible: the loading dataset becomes {@code
   * LIVE}, the live dataset of the same source {@code REPLACED}, and the store version is bumped
   * and recorded. Touches no object row, so it never holds an R-tree change.
   */
  static Dataset publish(
      Connection connection,
      long id,
      DatasetInfo info,
      long objectCount,
      Map<String, Long> issueCounts)
      throws SQLException {
    try (PreparedStatement replace =
        connection.prepareStatement(
            "UPDATE dataset SET state = 'REPLACED' WHERE source_name = ? AND state = 'LIVE'")) {
      replace.setString(1, info.sourceName());
      replace.executeUpdate();
    }
    long version = bumpVersion(connection);
    // The column keeps microseconds; truncate so the returned value equals the stored one.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String sql =
        "UPDATE dataset SET source_crs = ?, citygml_version = ?, source_bytes = ?,"
            + " object_count = ?, imported_at = ?, issue_counts = ?, version = ?, state = 'LIVE'"
            + " WHERE id = ? AND state = 'LOADING'";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, info.sourceCrs());
      statement.setString(2, info.citygmlVersion());
      statement.setLong(3, info.sourceBytes());
      statement.setLong(4, objectCount);
      statement.setObject(5, now.atOffset(ZoneOffset.UTC));
      statement.setString(6, AttributeJson.writeCounts(issueCounts));
      statement.setLong(7, version);
      statement.setLong(8, id);
      if (statement.executeUpdate() != 1) {
        throw new SQLException("dataset " + id + " of " + info.sourceName() + " is not loading");
      }
    }
    connection.commit();
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
            statement.executeQuery(
                "SELECT " + COLUMNS + " FROM dataset WHERE state = 'LIVE' ORDER BY source_name")) {
      while (rows.next()) {
        datasets.add(read(rows));
      }
    }
    return datasets;
  }

  /** Datasets that are not live: imports that never committed and replaced ones left behind. */
  static List<Long> stale(Connection connection) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT id FROM dataset WHERE state <> 'LIVE' ORDER BY id")) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    return ids;
  }

  /**
   * Deletes a dataset that is not live, with its objects and their attributes, in transactions of
   * at most {@link #PURGE_BATCH} objects each, then its row. Readers never see these objects, so
   * the deletion may be interrupted anywhere and resumed later.
   */
  static void purge(Connection connection, long id) throws SQLException {
    String sql = "DELETE FROM city_object WHERE dataset_id = ? FETCH FIRST ? ROWS ONLY";
    try (PreparedStatement delete = connection.prepareStatement(sql)) {
      delete.setLong(1, id);
      delete.setInt(2, PURGE_BATCH);
      while (delete.executeUpdate() > 0) {
        connection.commit();
      }
    }
    try (PreparedStatement row =
        connection.prepareStatement("DELETE FROM dataset WHERE id = ? AND state <> 'LIVE'")) {
      row.setLong(1, id);
      row.executeUpdate();
    }
    connection.commit();
  }

  static long hiddenRowCount(Connection connection) throws SQLException {
    String sql =
        "SELECT (SELECT COUNT(*) FROM dataset WHERE state <> 'LIVE') + (SELECT COUNT(*) FROM"
            + " city_object o JOIN dataset d ON d.id = o.dataset_id WHERE d.state <> 'LIVE')";
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Purges every {@linkplain #stale stale} dataset; for a connection not in autocommit. */
  static void purgeStale(Connection connection) throws SQLException {
    for (long id : stale(connection)) {
      purge(connection, id);
    }
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
