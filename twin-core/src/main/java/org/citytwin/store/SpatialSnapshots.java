package org.citytwin.store;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's current {@link SpatialSnapshot}: readers take it when it matches the version their
 * transaction sees, and fall back to SQL while a new one is built in the background after an import
 * (one build at a time; a build for a version that is already old is simply replaced by the next).
 */
final class SpatialSnapshots {
  private static final Logger LOG = LoggerFactory.getLogger(SpatialSnapshots.class);

  /** Builds a snapshot of the store's current version on a connection of its own. */
  @FunctionalInterface
  interface Loader {
    SpatialSnapshot load() throws StoreException;
  }

  private final Loader loader;
  private final AtomicReference<SpatialSnapshot> latest = new AtomicReference<>();
  private final AtomicBoolean building = new AtomicBoolean();

  SpatialSnapshots(Loader loader) {
    this.loader = loader;
  }

  /**
   * The snapshot of store version {@code version}, or null when there is none yet (one is then
   * started in the background).
   */
  SpatialSnapshot forVersion(long version) {
    SpatialSnapshot snapshot = latest.get();
    if (snapshot != null && snapshot.version() == version) {
      return snapshot;
    }
    if (building.compareAndSet(false, true)) {
      Thread thread = new Thread(this::buildInBackground, "twin-spatial-snapshot");
      thread.setDaemon(true);
      thread.start();
    }
    return null;
  }

  /** Builds the snapshot of the current version now, unless it exists; for warm-up and tests. */
  void buildNow(long currentVersion) throws StoreException {
    SpatialSnapshot snapshot = latest.get();
    if (snapshot == null || snapshot.version() != currentVersion) {
      publish(loader.load());
    }
  }

  private void buildInBackground() {
    try {
      publish(loader.load());
    } catch (StoreException | RuntimeException e) {
      // Readers keep using SQL; the next query after a change tries again.
      LOG.warn("could not index footprints in memory: {}", e.getMessage());
    } finally {
      building.set(false);
    }
  }

  /** Keeps the newer of the current and the new snapshot. */
  private void publish(SpatialSnapshot snapshot) {
    latest.accumulateAndGet(
        snapshot,
        (current, fresh) ->
            current == null || fresh.version() >= current.version() ? fresh : current);
  }
}
