package org.citytwin.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.citytwin.sensor.Alert;
import org.citytwin.sensor.Datastream;
import org.citytwin.sensor.IntervalAggregate;
import org.citytwin.sensor.Observation;
import org.citytwin.sensor.ObservedProperty;
import org.citytwin.sensor.Sensor;
import org.citytwin.sensor.SlotStatistics;
import org.citytwin.sensor.Thing;

/**
 * Sensor entities, observations and alerts in an H2 file {@code sensors.mv.db} of their own, next
 * to the city's {@code twin.mv.db} in the store directory (see ARCHITECTURE.md for why not in the
 * same file).
 *
 * <p><b>Durability.</b> The database is opened with {@code WRITE_DELAY=0}: H2 writes its file at
 * every commit, so a write acknowledged after {@link #write} returned survives the process being
 * killed (the bytes are in the operating system's page cache). With {@link SyncMode#FSYNC} each
 * commit is also forced to the disk ({@code FileChannel.force}), so it survives power loss as far
 * as the disk honours flushes; with {@link SyncMode#OS_CACHE} a power loss can lose the last
 * seconds of commits (those the kernel had not written back); H2 is designed to reopen at the
 * newest intact chunk (chunks carry checksums), which was not tested with a real power cut.
 *
 * <p>Writes run on one connection under a lock, one transaction per call; reads use a connection of
 * their own each and see committed data only.
 */
public final class SensorDatabase implements AutoCloseable {

  /** Whether a commit waits for the disk. */
  public enum SyncMode {
    /** The commit is in the file (page cache): survives a killed process, not a power loss. */
    OS_CACHE,
    /** The commit is forced to the disk: survives power loss too, at one fsync per transaction. */
    FSYNC
  }

  /** A datastream and the integer key its observations are stored under. */
  record KeyedDatastream(int key, Datastream datastream) {}

  private final Path file;
  private final String url;
  private final Connection writer;
  private final SyncMode syncMode;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final Map<String, Integer> keys = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private SensorDatabase(Path file, String url, Connection writer, SyncMode syncMode) {
    this.file = file;
    this.url = url;
    this.writer = writer;
    this.syncMode = syncMode;
  }

  /** Opens (creating when missing) {@code sensors.mv.db} in the store directory. */
  public static SensorDatabase open(Path storeDirectory, SyncMode syncMode) throws StoreException {
    Path absolute = storeDirectory.toAbsolutePath().normalize();
    if (absolute.toString().contains(";")) {
      throw new IllegalArgumentException("store directory " + absolute + " must not contain ';'");
    }
    String url = H2Files.url(absolute.resolve("sensors")) + ";WRITE_DELAY=0";
    Connection writer;
    try {
      writer = DriverManager.getConnection(url, "sa", "");
    } catch (SQLException e) {
      throw new StoreException(
          "cannot open sensor database in " + absolute + ": " + e.getMessage(), e);
    }
    try {
      SensorSchema.ensure(writer);
      writer.setAutoCommit(false);
      SensorDatabase db =
          new SensorDatabase(absolute.resolve("sensors.mv.db"), url, writer, syncMode);
      for (KeyedDatastream d : SensorEntityTable.datastreams(writer)) {
        db.keys.put(d.datastream().id(), d.key());
      }
      writer.rollback();
      return db;
    } catch (SQLException e) {
      try {
        writer.close();
      } catch (SQLException ignored) {
        // the open failed already; the original error is the one to report
      }
      throw new StoreException("cannot prepare sensor database in " + absolute + ": " + e, e);
    }
  }

  public Path file() {
    return file;
  }

  public SyncMode syncMode() {
    return syncMode;
  }

  public void put(Thing thing) throws StoreException {
    write("store thing " + thing.id(), c -> SensorEntityTable.put(c, thing));
  }

  public void put(Sensor sensor) throws StoreException {
    write("store sensor " + sensor.id(), c -> SensorEntityTable.put(c, sensor));
  }

  public void put(ObservedProperty property) throws StoreException {
    write("store observed property " + property.id(), c -> SensorEntityTable.put(c, property));
  }

  /** Stores the datastream; its thing, sensor and observed property must be stored already. */
  public void put(Datastream datastream) throws StoreException {
    write(
        "store datastream " + datastream.id(),
        c -> keys.put(datastream.id(), SensorEntityTable.put(c, datastream)));
  }

  public List<Thing> things() throws StoreException {
    return read("list things", SensorEntityTable::things);
  }

  public List<Sensor> sensors() throws StoreException {
    return read("list sensors", SensorEntityTable::sensors);
  }

  public List<ObservedProperty> observedProperties() throws StoreException {
    return read("list observed properties", SensorEntityTable::observedProperties);
  }

  public List<Datastream> datastreams() throws StoreException {
    return read(
        "list datastreams",
        c -> SensorEntityTable.datastreams(c).stream().map(KeyedDatastream::datastream).toList());
  }

  /**
   * Upserts the observations (each replaces any stored one of the same datastream and phenomenon
   * time) and inserts the alerts, in one transaction: when this returns, all of it is committed;
   * when it throws, none of it is. Every datastream must be stored already.
   *
   * @return the alerts with their ids
   */
  public List<Alert> write(List<Observation> observations, List<Alert> alerts)
      throws StoreException {
    int[] observationKeys = new int[observations.size()];
    for (int i = 0; i < observationKeys.length; i++) {
      observationKeys[i] = key(observations.get(i).datastreamId());
    }
    List<Alert> stored = new ArrayList<>();
    write(
        "store " + observations.size() + " observations",
        c -> {
          ObservationTable.upsert(c, observations, observationKeys);
          for (Alert alert : alerts) {
            stored.add(AlertTable.insert(c, alert));
          }
        });
    return stored;
  }

  public Optional<Observation> latest(String datastreamId) throws StoreException {
    int key = key(datastreamId);
    return read("read the latest observation", c -> ObservationTable.latest(c, key, datastreamId));
  }

  /** Streams the datastream's observations with {@code from <= phenomenon time < to}, in order. */
  public void observations(
      String datastreamId, Instant from, Instant to, int limit, Consumer<Observation> sink)
      throws StoreException {
    int key = key(datastreamId);
    read(
        "read observations",
        c -> {
          ObservationTable.range(c, key, datastreamId, from, to, limit, sink);
          return null;
        });
  }

  public List<IntervalAggregate> aggregates(
      String datastreamId, Instant from, Instant to, Duration interval) throws StoreException {
    if (interval.isNegative() || interval.toNanos() < 1000) {
      throw new IllegalArgumentException("aggregate interval must be >= 1 µs, was " + interval);
    }
    int key = key(datastreamId);
    return read(
        "aggregate observations", c -> ObservationTable.aggregates(c, key, from, to, interval));
  }

  /**
   * The datastream's results in {@code [from, to)} summarised per local weekday and time slot (see
   * {@link SlotStatistics}); empty when it has none there.
   */
  public List<SlotStatistics> slotStatistics(
      String datastreamId, Instant from, Instant to, ZoneId zone, int slotMinutes)
      throws StoreException {
    if (slotMinutes < 1 || (24 * 60) % slotMinutes != 0) {
      throw new IllegalArgumentException(
          "slot length must divide a day into whole minutes, was " + slotMinutes + " min");
    }
    int key = key(datastreamId);
    return read(
        "summarise observations per weekday and slot",
        c -> ObservationTable.slotStatistics(c, key, from, to, zone, slotMinutes));
  }

  public List<Alert> alerts(int limit) throws StoreException {
    return read("list alerts", c -> AlertTable.newest(c, limit));
  }

  public long observationCount() throws StoreException {
    return read("count observations", ObservationTable::count);
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      writeLock.lock();
      try {
        writer.close();
      } catch (SQLException e) {
        // nothing is left to release when closing fails
      } finally {
        writeLock.unlock();
      }
    }
  }

  private int key(String datastreamId) throws StoreException {
    Integer key = keys.get(Objects.requireNonNull(datastreamId, "datastream id"));
    if (key == null) {
      throw new StoreException("no datastream " + datastreamId + " in " + file);
    }
    return key;
  }

  private void write(String what, SqlWork work) throws StoreException {
    writeLock.lock();
    try {
      requireOpen();
      try {
        work.run(writer);
        writer.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly();
        throw new StoreException("cannot " + what + " in " + file + ": " + e.getMessage(), e);
      }
      if (syncMode == SyncMode.FSYNC) {
        try {
          StoreFile.sync(writer);
        } catch (SQLException e) {
          throw new StoreException("cannot force " + file + " to disk: " + e.getMessage(), e);
        }
      }
    } finally {
      writeLock.unlock();
    }
  }

  private <T> T read(String what, SqlRead<T> call) throws StoreException {
    requireOpen();
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      return call.apply(c);
    } catch (SQLException e) {
      throw new StoreException("cannot " + what + " in " + file + ": " + e.getMessage(), e);
    }
  }

  private void requireOpen() throws StoreException {
    if (closed.get()) {
      throw new StoreException("sensor database " + file + " is closed");
    }
  }

  private void rollbackQuietly() {
    try {
      writer.rollback();
    } catch (SQLException e) {
      // the transaction failed already; a failed rollback leaves nothing committed either
    }
  }

  @FunctionalInterface
  private interface SqlWork {
    void run(Connection connection) throws SQLException;
  }

  @FunctionalInterface
  private interface SqlRead<T> {
    T apply(Connection connection) throws SQLException;
  }
}
