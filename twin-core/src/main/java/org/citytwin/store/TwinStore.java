package org.citytwin.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Envelope3D;
import org.citytwin.query.Filter;
import org.citytwin.query.Literal;
import org.citytwin.query.Query;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A twin's spatial store: an H2GIS database file {@code twin.mv.db} in a directory of its own.
 *
 * <p>Readers may run concurrently from any number of threads; each call uses its own connection and
 * sees only committed datasets. Writes go through one {@link DatasetWriter} at a time. The store
 * keeps one connection open for its lifetime so the database stays open between calls, and the file
 * is locked against other processes until {@link #close}.
 *
 * <p>{@link #close} waits for the calls in flight (up to {@link #CLOSE_WAIT_SECONDS}) before it
 * releases the database, and every call that starts after it fails with a {@link StoreException}
 * saying the store is closed. When a dataset was written since the store opened, close rewrites the
 * file compactly first.
 */
public final class TwinStore implements AutoCloseable {

  /** H2 error code for a database file locked by another process. */
  private static final int DATABASE_ALREADY_OPEN = 90020;

  /** How long {@link #close} waits for calls in flight, such as a slow streaming query. */
  static final long CLOSE_WAIT_SECONDS = 30;

  /** LOB values up to this size are stored in their row; see {@link #open}. */
  static final int INLINE_LOB_BYTES = 16 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(TwinStore.class);

  private final Path directory;
  private final String url;
  private final Connection anchor;
  private final Semaphore writerPermit = new Semaphore(1);

  /** Calls hold the read lock while they use the database; {@link #close} takes the write lock. */
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();

  private final AtomicBoolean closed = new AtomicBoolean();

  /** Whether a dataset writer began since the store opened, so close should compact the file. */
  private final AtomicBoolean written = new AtomicBoolean();

  private volatile DatasetWriter activeWriter;
  private final AtomicLong cachedVersion = new AtomicLong(-1);
  private final AtomicLong versionGeneration = new AtomicLong();
  private final ObjectCache objectCache = ObjectCache.sizedForHeap();
  private final SnapshotQueries.RowSource rowsById =
      new SnapshotQueries.RowSource() {
        @Override
        public long[] intersecting(long[] ids, Geometry area) throws StoreException {
          return TwinStore.this.read("test footprints", c -> RowsById.intersecting(c, ids, area));
        }

        @Override
        public List<StoredObject> read(long[] ids, boolean withGeometry) throws StoreException {
          return TwinStore.this.read("read objects", c -> RowsById.read(c, ids, withGeometry));
        }
      };
  private final SpatialSnapshots snapshots =
      new SpatialSnapshots(
          () ->
              read(
                  "index footprints in memory",
                  c -> SpatialSnapshot.load(c, DatasetTable.version(c))));

  private TwinStore(Path directory, String url, Connection anchor) {
    this.directory = directory;
    this.url = url;
    this.anchor = anchor;
  }

  /** Opens the store in {@code directory}, creating the directory and the schema when missing. */
  public static TwinStore open(Path directory) throws StoreException {
    Path absolute = directory.toAbsolutePath().normalize();
    if (absolute.toString().contains(";")) {
      // The path becomes part of a JDBC URL, where ';' starts a setting.
      throw new IllegalArgumentException("store directory " + absolute + " must not contain ';'");
    }
    try {
      Files.createDirectories(absolute);
    } catch (IOException e) {
      throw new StoreException("cannot create store directory " + absolute + ": " + e, e);
    }
    // WRITE_DELAY=0: H2 writes the file at commits only, never while an R-tree change is
    // uncommitted; see package-info for why the store's crash safety depends on it.
    // MAX_LENGTH_INPLACE_LOB: JSON and geometry blobs up to 16 KB (an LOD1 or simple LOD2
    // building) stay in the row instead of H2's separate LOB maps, which cost about a third of
    // the write time; bigger ones, such as relief tiles, still go there.
    // H2's own compaction at close stays at its 200 ms default: a store that was only read has
    // little to compact, and after an import close() rewrites the whole file (see there).
    String url =
        H2Files.url(absolute.resolve("twin"))
            + ";LAZY_QUERY_EXECUTION=TRUE;WRITE_DELAY=0;MAX_LENGTH_INPLACE_LOB="
            + INLINE_LOB_BYTES;
    Connection anchor = connect(url, absolute);
    try {
      Schema.ensure(anchor, absolute.toString());
      purgeStale(anchor);
      return new TwinStore(absolute, url, anchor);
    } catch (SQLException | StoreException | RuntimeException e) {
      closeQuietly(anchor);
      if (e instanceof StoreException store) {
        throw store;
      }
      throw new StoreException("cannot prepare store " + absolute + ": " + e.getMessage(), e);
    }
  }

  public Path directory() {
    return directory;
  }

  /** The store-wide change counter: bumped by every committed dataset import. */
  public long version() throws StoreException {
    // Only this process writes the store (the file is locked), so the version can only change
    // when one of our writers finishes; it is read once and kept until then. A value read while a
    // writer was finishing is not kept (the generation moved), so the cache is never stale.
    if (closed.get()) {
      throw closedException();
    }
    long cached = cachedVersion.get();
    if (cached >= 0) {
      return cached;
    }
    long generation = versionGeneration.get();
    long version = read("read the version", DatasetTable::version);
    if (versionGeneration.get() == generation) {
      cachedVersion.compareAndSet(-1, version);
    }
    return version;
  }

  /**
   * Indexes the footprint boxes of the live objects in memory now (about 100 bytes per object)
   * rather than at the first bounding-box query, which would otherwise be answered by H2's slower
   * R-tree until the index is ready. Each import makes a new one on the first query after it.
   */
  public void prepareSpatialIndex() throws StoreException {
    snapshots.buildNow(version());
  }

  /** Whether the in-memory footprint index of the current version is ready; for tests. */
  boolean hasSpatialSnapshot() throws StoreException {
    return snapshots.forVersion(version()) != null;
  }

  /** Queries on the snapshot of the current version, or null while there is none. */
  private SnapshotQueries snapshotQueries() throws StoreException {
    SpatialSnapshot snapshot = snapshots.forVersion(version());
    return snapshot == null ? null : new SnapshotQueries(snapshot, objectCache, rowsById);
  }

  /** Every committed dataset, by source name. */
  public List<Dataset> datasets() throws StoreException {
    return read("list datasets", DatasetTable::list);
  }

  /**
   * Starts importing a dataset, replacing any dataset of the same source name when committed. Waits
   * while another writer of this store is open.
   */
  public DatasetWriter beginDataset(DatasetInfo info) throws StoreException {
    Objects.requireNonNull(info, "dataset info");
    requireOpen();
    writerPermit.acquireUninterruptibly();
    Connection connection = null;
    try (Call call = enter()) {
      connection = newConnection();
      written.set(true);
      DatasetWriter writer =
          DatasetWriter.begin(info, connection, this::versionChanged, this::writerFinished);
      activeWriter = writer;
      return writer;
    } catch (SQLException | StoreException | RuntimeException e) {
      closeQuietly(connection);
      writerPermit.release();
      if (e instanceof StoreException closedStore) {
        throw closedStore;
      }
      throw new StoreException(
          "cannot start importing " + info.sourceName() + " into " + directory + ": " + e, e);
    }
  }

  /**
   * The generic attribute names of the objects of {@code types} (of every type when empty) in the
   * live datasets, in name order, each with its kind: {@link Literal.Kind#NUMBER} when every value
   * imported under that name was a number, else {@link Literal.Kind#TEXT}. Read from a small
   * per-dataset table written at each import's commit, so it costs no scan of the objects.
   */
  public Map<String, Literal.Kind> attributeNames(Set<CityObjectType> types) throws StoreException {
    Set<CityObjectType> copy = Set.copyOf(Objects.requireNonNull(types, "types"));
    return read("list attribute names", c -> AttributeNames.live(c, copy));
  }

  /**
   * The count and extent of the live objects of each type present, read from a per-import summary
   * written when each dataset was published (no scan of the objects).
   */
  public Map<CityObjectType, TypeSummary> typeSummaries() throws StoreException {
    return read("summarise object types", TypeSummaries::live);
  }

  /** The object with this gml:id (from the newest dataset having one), with all its geometry. */
  public Optional<StoredObject> get(String gmlId) throws StoreException {
    return get(gmlId, true);
  }

  /**
   * The object with this gml:id (from the newest dataset having one), with its LOD geometries and
   * meshes only when {@code withGeometry}; the footprint and envelope always.
   */
  public Optional<StoredObject> get(String gmlId, boolean withGeometry) throws StoreException {
    Objects.requireNonNull(gmlId, "gml:id");
    if (withGeometry) {
      return read("get object " + gmlId, c -> new QueryExecutor(c).get(gmlId, true));
    }
    StoredObject cached = objectCache.get(gmlId, version());
    if (cached != null) {
      return Optional.of(cached);
    }
    // The version is read in the same transaction as the object, so the cache entry is tagged
    // with the state the object was actually read from.
    VersionedGet got =
        read(
            "get object " + gmlId,
            c -> new VersionedGet(DatasetTable.version(c), new QueryExecutor(c).get(gmlId, false)));
    got.object().ifPresent(object -> objectCache.put(object, got.version()));
    return got.object();
  }

  /** A get's result and the store version its transaction saw. */
  private record VersionedGet(long version, Optional<StoredObject> object) {}

  public long count(Filter filter) throws StoreException {
    Objects.requireNonNull(filter, "filter");
    Optional<SnapshotQueries.BoxQuery> box = SnapshotQueries.of(filter);
    if (box.isPresent()) {
      SnapshotQueries snapshot = snapshotQueries();
      if (snapshot != null) {
        try {
          return snapshot.count(box.get());
        } catch (SnapshotQueries.StaleSnapshotException e) {
          // An import replaced objects meanwhile: answer from the tables as they are now.
        }
      }
    }
    return read("count objects", c -> new QueryExecutor(c).count(filter));
  }

  /**
   * The 3D box (CRS84 degrees, heights in metres) around the envelopes of every object matching
   * {@code filter}; empty when nothing matches. Objects without geometry do not count.
   */
  public Optional<Envelope3D> extent(Filter filter) throws StoreException {
    Objects.requireNonNull(filter, "filter");
    return read("compute an extent", c -> new QueryExecutor(c).extent(filter));
  }

  /** Streams the query's result, in order, to {@code sink} without collecting it. */
  public void query(Query query, Consumer<StoredObject> sink) throws StoreException {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(sink, "sink");
    Optional<SnapshotQueries.BoxQuery> box = SnapshotQueries.of(query);
    if (box.isPresent()) {
      SnapshotQueries snapshot = snapshotQueries();
      if (snapshot != null) {
        try {
          snapshot.page(box.get(), query, sink);
          return;
        } catch (SnapshotQueries.StaleSnapshotException e) {
          // An import replaced objects meanwhile (before any was passed to the sink): answer from
          // the tables as they are now.
        }
      }
    }
    read(
        "query objects",
        c -> {
          new QueryExecutor(c).query(query, sink);
          return null;
        });
  }

  /** The query's result as a list; for small pages, prefer {@link #query} for big results. */
  public List<StoredObject> list(Query query) throws StoreException {
    List<StoredObject> result = new ArrayList<>();
    query(query, result::add);
    return result;
  }

  /**
   * Aborts an open writer, waits up to {@link #CLOSE_WAIT_SECONDS} for the calls in flight, and
   * releases the database; safe to call more than once. Calls still running after the wait keep
   * their own connections, so H2 closes the database only when the last of them ends. After an
   * import, the file is rewritten compactly first.
   */
  @Override
  public void close() {
    close(true);
  }

  /**
   * Closes like {@link #close()} without compacting the file after an import: for a store about to
   * be deleted, such as a benchmark's temporary city.
   */
  public void closeWithoutCompacting() {
    close(false);
  }

  private void close(boolean compactAfterImport) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    DatasetWriter writer = activeWriter;
    if (writer != null) {
      writer.abort();
    }
    boolean drained = false;
    try {
      drained = lifecycle.writeLock().tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!drained) {
      LOG.warn(
          "closing store {} while {} calls still run; the database stays open until they end",
          directory,
          lifecycle.getReadLockCount());
    } else if (compactAfterImport && written.get()) {
      compactFile();
    }
    closeQuietly(anchor);
  }

  /**
   * Rewrites the file with only its live pages and closes the database. An import leaves most of
   * the file as old pages: on the sample city the file was 23 MB after the import and 5 MB after
   * this (2.9 s); H2's time-bounded compaction at close instead took 11 s of its 30 s and left 34
   * MB, and re-imports of 18,600 objects grew a file 146 -> 313 -> 348 MB with its 200 ms default.
   * Done at close, never in the stop of a server that has not imported, which must stay short.
   */
  private void compactFile() {
    long start = System.nanoTime();
    try (Statement shutdown = anchor.createStatement()) {
      shutdown.execute("SHUTDOWN COMPACT");
      LOG.info(
          "compacted store {} after the import in {} ms",
          directory,
          (System.nanoTime() - start) / 1_000_000);
    } catch (SQLException e) {
      // The database stays as written, only bigger; H2's shutdown hook may have closed it first.
      LOG.warn("could not compact store {}: {}", directory, e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "TwinStore[" + directory + "]";
  }

  /**
   * Forgets the kept version as soon as an import is visible, so that readers (ETags, the snapshot,
   * cached items) move to it before the writer has deleted what it replaced.
   */
  private void versionChanged() {
    versionGeneration.incrementAndGet();
    cachedVersion.set(-1);
  }

  private void writerFinished() {
    versionChanged();
    activeWriter = null;
    writerPermit.release();
  }

  /**
   * One read on a connection of its own, in a repeatable-read transaction so that all its
   * statements see one committed state even while an import commits.
   */
  private <T> T read(String what, SqlCall<T> call) throws StoreException {
    try (Call entered = enter();
        Connection connection = newConnection()) {
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setAutoCommit(false);
      try {
        return call.apply(connection);
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot " + what + " in store " + directory + ": " + e.getMessage(), e);
    }
  }

  private Connection newConnection() throws SQLException {
    return DriverManager.getConnection(url, "sa", "");
  }

  private static Connection connect(String url, Path directory) throws StoreException {
    try {
      return DriverManager.getConnection(url, "sa", "");
    } catch (SQLException e) {
      if (e.getErrorCode() == DATABASE_ALREADY_OPEN) {
        throw new StoreException("store " + directory + " is in use by another process", e);
      }
      throw new StoreException("cannot open store " + directory + ": " + e.getMessage(), e);
    }
  }

  /** EXPLAIN of the count of {@code filter}: the plan and the indexes it uses, for tests. */
  String plan(Filter filter) throws StoreException {
    return read("explain a count", c -> new QueryExecutor(c).plan(filter));
  }

  /** Bytes of changes H2 holds in memory, not yet in the file; for the benchmark. */
  long unsavedBytes() throws SQLException {
    return StoreFile.unsavedBytes(anchor);
  }

  /** Rows readers cannot see: staged or replaced datasets and their objects, for tests. */
  long hiddenRowCount() throws StoreException {
    return read("count hidden rows", DatasetTable::hiddenRowCount);
  }

  /** Deletes what a crash left behind: staged imports and replaced datasets not yet deleted. */
  private static void purgeStale(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
    try {
      DatasetTable.purgeStale(connection);
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private void requireOpen() throws StoreException {
    if (closed.get()) {
      throw closedException();
    }
  }

  /**
   * Registers a call in flight until the returned handle is closed; fails once {@link #close} has
   * begun. Never blocks: while close holds the lock, {@code tryLock} fails at once.
   */
  private Call enter() throws StoreException {
    ReentrantReadWriteLock.ReadLock lock = lifecycle.readLock();
    if (!lock.tryLock()) {
      throw closedException();
    }
    if (closed.get()) {
      lock.unlock();
      throw closedException();
    }
    return lock::unlock;
  }

  private StoreException closedException() {
    return new StoreException("store " + directory + " is closed");
  }

  /** A call in flight; closing it lets {@link #close} proceed. */
  @FunctionalInterface
  private interface Call extends AutoCloseable {
    @Override
    void close();
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing can only fail if the database is already gone; there is nothing left to release.
    }
  }

  @FunctionalInterface
  private interface SqlCall<T> {
    T apply(Connection connection) throws SQLException;
  }
}
