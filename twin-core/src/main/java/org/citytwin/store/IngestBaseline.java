package org.citytwin.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The baseline of {@code twin bench ingest}: plain JDBC batch inserts of observation-shaped rows
 * into a fresh H2 file with the sensor database's settings ({@code WRITE_DELAY=0}, one commit per
 * batch), without HTTP, JSON, validation, upsert or a feed. What the full path costs is measured as
 * a ratio to this, on the same machine in the same run.
 */
public final class IngestBaseline {
  private IngestBaseline() {}

  /** Rows per second for {@code rows} rows inserted in committed batches of {@code batch}. */
  public static double insertsPerSecond(Path directory, int rows, int batch, boolean fsync)
      throws StoreException {
    String url =
        "jdbc:h2:file:" + directory.toAbsolutePath().resolve("baseline") + ";WRITE_DELAY=0";
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE IF NOT EXISTS observation(ds_key INTEGER NOT NULL, phenomenon_us BIGINT"
                + " NOT NULL, result_time_us BIGINT NOT NULL, result DOUBLE PRECISION NOT NULL,"
                + " PRIMARY KEY(ds_key, phenomenon_us))");
        s.execute("DELETE FROM observation");
      }
      c.setAutoCommit(false);
      long start = System.nanoTime();
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO observation VALUES (?, ?, ?, ?)")) {
        for (int i = 0; i < rows; i++) {
          insert.setInt(1, i % 100);
          insert.setLong(2, 1_700_000_000_000_000L + i);
          insert.setLong(3, 1_700_000_000_000_000L + i);
          insert.setDouble(4, i * 0.01);
          insert.addBatch();
          if ((i + 1) % batch == 0 || i == rows - 1) {
            insert.executeBatch();
            c.commit();
            if (fsync) {
              StoreFile.sync(c);
            }
          }
        }
      }
      return rows / ((System.nanoTime() - start) / 1e9);
    } catch (SQLException e) {
      throw new StoreException(
          "baseline insert into " + directory + " failed: " + e.getMessage(), e);
    }
  }
}
