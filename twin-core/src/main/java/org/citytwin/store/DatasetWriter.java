package org.citytwin.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import org.citytwin.model.CityObject;

/**
 * Writes one dataset in one transaction: from {@link TwinStore#beginDataset} the previous objects
 * of the same source are deleted (invisibly to readers), new objects are inserted in batches, and
 * {@link #commit} makes the whole replacement visible at once. Until then, an {@link #abort}, a
 * failure, a {@link #close} without commit or a crash of the process leaves the store exactly as it
 * was.
 *
 * <p>Only one writer is open per store at a time; {@link TwinStore#beginDataset} waits for the
 * previous one to finish. A writer is used by one thread.
 */
public final class DatasetWriter implements AutoCloseable {

  /** The life of a writer; every state but {@code OPEN} is final. */
  public enum State {
    OPEN,
    COMMITTED,
    ABORTED
  }

  private final DatasetInfo info;
  private final Connection connection;
  private final long datasetId;
  private final ObjectInsert insert;
  private final Runnable onFinish;
  private State state = State.OPEN;
  private long objectCount;

  private DatasetWriter(DatasetInfo info, Connection connection, long datasetId, Runnable onFinish)
      throws SQLException {
    this.info = info;
    this.connection = connection;
    this.datasetId = datasetId;
    this.onFinish = onFinish;
    this.insert = new ObjectInsert(connection, datasetId, info.sourceName());
  }

  /**
   * Starts the transaction on {@code connection}, which the writer then owns and closes; {@code
   * onFinish} runs once when the writer commits or aborts.
   */
  static DatasetWriter begin(DatasetInfo info, Connection connection, Runnable onFinish)
      throws SQLException {
    connection.setAutoCommit(false);
    long datasetId = DatasetTable.claim(connection, info);
    return new DatasetWriter(info, connection, datasetId, onFinish);
  }

  public DatasetInfo info() {
    return info;
  }

  public synchronized State state() {
    return state;
  }

  /**
   * Adds an object. A gml:id already written in this dataset fails the whole import: at the batch
   * flush that reaches it, at the latest at {@link #commit}.
   */
  public synchronized void write(CityObject object) throws StoreException {
    Objects.requireNonNull(object, "object");
    requireOpen();
    try {
      insert.add(object);
      objectCount++;
    } catch (SQLException e) {
      abort();
      throw new StoreException(
          "writing object "
              + object.gmlId()
              + " of dataset "
              + info.sourceName()
              + " failed: "
              + e.getMessage(),
          e);
    }
  }

  /** Makes the import visible and bumps the store version; the writer is finished afterwards. */
  public synchronized Dataset commit(Map<String, Long> issueCounts) throws StoreException {
    Objects.requireNonNull(issueCounts, "issue counts");
    requireOpen();
    try {
      insert.flush();
      SpatialPrefilter.widen(connection, insert.footprintLatSpan(), insert.envelopeLatSpan());
      Dataset dataset =
          DatasetTable.complete(connection, datasetId, info, objectCount, issueCounts);
      connection.commit();
      finish(State.COMMITTED);
      return dataset;
    } catch (SQLException e) {
      abort();
      throw new StoreException(
          "committing dataset " + info.sourceName() + " failed: " + e.getMessage(), e);
    }
  }

  /** Rolls back everything this writer did; does nothing once finished. */
  public synchronized void abort() {
    if (state != State.OPEN) {
      return;
    }
    try {
      connection.rollback();
    } catch (SQLException e) {
      // The connection is closed next, and H2 discards an uncommitted transaction on close, so
      // the store is unchanged even when this explicit rollback fails.
    }
    finish(State.ABORTED);
  }

  /** Aborts unless committed; safe to call more than once. */
  @Override
  public void close() {
    abort();
  }

  private void finish(State end) {
    state = end;
    try (Connection owned = connection) {
      insert.close();
    } catch (SQLException e) {
      // Closing after commit or rollback cannot change what was stored; nothing to report.
    } finally {
      onFinish.run();
    }
  }

  private void requireOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException(
          "writer for dataset " + info.sourceName() + " is " + state.name().toLowerCase());
    }
  }
}
