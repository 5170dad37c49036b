package org.citytwin.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * The H2 MVStore file under a store: compaction after an import, and the size of unsaved changes.
 *
 * <p>Why compaction is the store's job: with {@code WRITE_DELAY=0} H2 runs no background writer,
 * and that writer is also what rewrites sparsely used chunks; without it, every chunk that keeps
 * one live page keeps its whole space, and an import of 20,000 buildings left a file of 0.5 GB, 1.8
 * GB after importing them again. {@link #compact} does the rewriting at the end of each import, on
 * the writer's connection, when no transaction holds uncommitted changes, so the chunks it writes
 * never hold an uncommitted R-tree change (see package-info).
 */
final class StoreFile {

  /** Chunks less full than this are rewritten (the percentage of their bytes that are live). */
  static final int TARGET_FILL_PERCENT = 80;

  /** Bytes rewritten per compaction step; each step is then saved as its own chunk. */
  private static final int STEP_BYTES = 16 << 20;

  /** An upper bound on the time one compaction takes, so a huge store cannot stall an import. */
  private static final long MAX_COMPACT_NANOS = 30_000_000_000L;

  private StoreFile() {}

  /**
   * Rewrites the live pages of chunks under {@link #TARGET_FILL_PERCENT} full into new chunks and
   * saves them, until the file is that full or {@link #MAX_COMPACT_NANOS} have passed; the space of
   * the emptied chunks is reused by later writes (after H2's retention time of 45 s). Call with no
   * uncommitted changes in any transaction.
   */
  static void compact(Connection connection) throws SQLException {
    MVStore store = mvStore(connection);
    long deadline = System.nanoTime() + MAX_COMPACT_NANOS;
    while (store.compact(TARGET_FILL_PERCENT, STEP_BYTES) && System.nanoTime() < deadline) {
      store.commit();
    }
    store.commit();
  }

  /**
   * The unsaved bytes at which an import commits its batch: a third of H2's trigger for writing a
   * chunk on its own (19 MB with a heap of 1 GB or more, less with a smaller heap), so that the
   * trigger never fires while a batch's R-tree changes are uncommitted, even when one object adds
   * several megabytes. An object bigger than the remaining two thirds can still trip it.
   */
  static long batchBudgetBytes(Connection connection) throws SQLException {
    return mvStore(connection).getAutoCommitMemory() / 3;
  }

  /** Forces what the last commits wrote to the disk (fsync), for power-loss durability. */
  static void sync(Connection connection) throws SQLException {
    mvStore(connection).sync();
  }

  /** Bytes of changes in memory not yet written to the file, across all connections. */
  static long unsavedBytes(Connection connection) throws SQLException {
    return mvStore(connection).getUnsavedMemory();
  }

  private static MVStore mvStore(Connection connection) throws SQLException {
    SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
    return session.getDatabase().getStore().getMvStore();
  }
}
