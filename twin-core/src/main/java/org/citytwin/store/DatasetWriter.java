package org.citytwin.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import org.citytwin.model.CityObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one dataset by staged visibility: {@link TwinStore#beginDataset} creates a new dataset row
 * in state {@code LOADING}; objects are inserted under its id and committed every {@link
 * ObjectInsert} batches, invisible to readers; {@link #commit} runs one short transaction that
 * makes the new dataset {@code LIVE} and the previous one of the same source {@code REPLACED}, then
 * deletes the replaced objects in small transactions. Until that one transaction, an {@link
 * #abort}, a failure, a {@link #close} without commit or a crash of the process leaves what readers
 * see exactly as it was; the staged rows are deleted by the abort or, after a crash, when the store
 * is next opened.
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

  private static final Logger LOG = LoggerFactory.getLogger(DatasetWriter.class);

  private final DatasetInfo info;
  private final Connection connection;
  private final long datasetId;
  private final ObjectInsert insert;
  private final AttributeNames attributeNames = new AttributeNames();
  private final TypeSummaries typeSummaries = new TypeSummaries();
  private final Runnable onPublished;
  private final Runnable onFinish;
  private State state = State.OPEN;
  private long objectCount;

  private DatasetWriter(
      DatasetInfo info,
      Connection connection,
      long datasetId,
      Runnable onPublished,
      Runnable onFinish)
      throws SQLException {
    this.info = info;
    this.connection = connection;
    this.datasetId = datasetId;
    this.onPublished = onPublished;
    this.onFinish = onFinish;
    this.insert = new ObjectInsert(connection, datasetId, info.sourceName());
  }

  /**
   * Creates the loading dataset on {@code connection}, which the writer then owns and closes;
   * {@code onPublished} runs right after the commit that makes the dataset visible (before the
   * replaced objects are deleted), {@code onFinish} once when the writer commits or aborts.
   */
  static DatasetWriter begin(
      DatasetInfo info, Connection connection, Runnable onPublished, Runnable onFinish)
      throws SQLException {
    connection.setAutoCommit(false);
    long datasetId = DatasetTable.insertLoading(connection, info);
    return new DatasetWriter(info, connection, datasetId, onPublished, onFinish);
  }

  public DatasetInfo info() {
    return info;
  }

  public synchronized State state() {
    return state;
  }

  /**
   * Adds an object. A gml:id already written in this dataset fails the whole import: the writer
   * aborts and this call throws.
   */
  public synchronized void write(CityObject object) throws StoreException {
    Objects.requireNonNull(object, "object");
    requireOpen();
    try {
      insert.add(object);
      attributeNames.add(object);
      typeSummaries.add(object);
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

  /**
   * Makes the import visible and bumps the store version, then deletes the replaced dataset's
   * objects; the writer is finished afterwards. Once the switch to the new dataset has committed, a
   * failure while deleting does not undo it: the leftovers stay invisible and are purged by the
   * next commit or open.
   */
  public synchronized Dataset commit(Map<String, Long> issueCounts) throws StoreException {
    Objects.requireNonNull(issueCounts, "issue counts");
    requireOpen();
    Dataset dataset;
    try {
      insert.flush();
      attributeNames.insert(connection, datasetId);
      typeSummaries.insert(connection, datasetId);
      dataset = DatasetTable.publish(connection, datasetId, info, objectCount, issueCounts);
    } catch (SQLException e) {
      abort();
      throw new StoreException(
          "committing dataset " + info.sourceName() + " failed: " + e.getMessage(), e);
    }
    // Readers see the new version from here on; the purge and compaction below can take seconds.
    onPublished.run();
    try {
      DatasetTable.purgeStale(connection);
    } catch (SQLException e) {
      LOG.warn(
          "dataset {} is committed, but deleting the objects it replaced failed; they stay"
              + " hidden and are deleted when the store is next opened: {}",
          info.sourceName(),
          e.getMessage());
    }
    compactFile();
    finish(State.COMMITTED);
    return dataset;
  }

  /**
   * Discards everything this writer did: rolls back the open batch and deletes the committed ones
   * in small transactions. Does nothing once finished.
   */
  public synchronized void abort() {
    if (state != State.OPEN) {
      return;
    }
    try {
      connection.rollback();
      DatasetTable.purge(connection, datasetId);
    } catch (SQLException e) {
      // The staged objects were never visible; whatever is left is purged on the next open.
      LOG.warn(
          "aborted import of {} left staged objects; they are deleted when the store is next"
              + " opened: {}",
          info.sourceName(),
          e.getMessage());
    }
    compactFile();
    finish(State.ABORTED);
  }

  /** Rewrites sparse chunks after an import; a failure only leaves the file bigger than needed. */
  private void compactFile() {
    try {
      StoreFile.compact(connection);
    } catch (SQLException | RuntimeException e) {
      LOG.warn(
          "compacting the store file after importing {} failed: {}",
          info.sourceName(),
          e.getMessage(),
          e);
    }
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
