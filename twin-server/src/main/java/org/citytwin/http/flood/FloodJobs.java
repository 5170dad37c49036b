package org.citytwin.http.flood;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.citytwin.http.HttpProblem;
import org.citytwin.scenario.ScenarioChecks;
import org.citytwin.scenario.ScenarioSpec;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flood runs of one server: at most {@code maxRunning} run at a time on their own threads, up
 * to {@code maxWaiting} more wait, and a request beyond that is refused with 503. Every accepted
 * run is recorded in {@link KeptRuns} and kept there once it ends, so that ended runs survive a
 * restart (read back on start); {@link RunRetention} bounds how many are kept. {@link #close()}
 * cancels everything; runs it cancels are not kept as cancelled but come back as interrupted.
 */
final class FloodJobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FloodJobs.class);

  private final TwinStore store;
  private final int maxRunning;
  private final int maxWaiting;
  private final RunRetention retention;
  private final int threadsPerRun;
  private final KeptRuns kept;
  private final ExecutorService executor;
  private final TerrainCache terrains = TerrainCache.withDefaults();
  private final Map<String, FloodRun> runs = new ConcurrentHashMap<>();

  /** Bytes each ended run takes in {@link #kept}; 0 when it could not be written. */
  private final Map<String, Long> keptBytes = new ConcurrentHashMap<>();

  private volatile boolean closing;

  FloodJobs(
      TwinStore store,
      int maxRunning,
      int maxWaiting,
      RunRetention retention,
      int threadsPerRun,
      KeptRuns kept) {
    this.store = store;
    this.maxRunning = maxRunning;
    this.maxWaiting = maxWaiting;
    this.retention = retention;
    this.threadsPerRun = threadsPerRun;
    this.kept = kept;
    AtomicInteger n = new AtomicInteger();
    ThreadFactory daemons =
        r -> {
          Thread t = new Thread(r, "flood-run-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.executor = Executors.newFixedThreadPool(maxRunning, daemons);
    for (StoredRun run : kept.load()) {
      runs.put(run.id(), run);
      keptBytes.put(run.id(), run.bytes());
    }
    retain();
  }

  /** One run at a time, all cores for it, two waiting; ended runs kept in {@code directory}. */
  static FloodJobs withDefaults(TwinStore store, RunRetention retention, Path directory) {
    return new FloodJobs(
        store,
        1,
        2,
        retention,
        Runtime.getRuntime().availableProcessors(),
        new KeptRuns(directory));
  }

  /**
   * Queues a run.
   *
   * @param scenario the request body, kept with the run
   * @throws HttpProblem 400 when a position lies outside the area, 503 when too many runs wait
   */
  synchronized FloodJob submit(ScenarioSpec spec, String scenario) throws StoreException {
    ScenarioChecks.check(spec, store);
    long active = runs.values().stream().filter(j -> !j.finished()).count();
    if (active >= maxRunning + maxWaiting) {
      throw HttpProblem.unavailable(
          active
              + " flood runs are running or waiting (at most "
              + (maxRunning + maxWaiting)
              + "); try again when one has finished, or cancel one");
    }
    FloodJob job = new FloodJob(UUID.randomUUID().toString(), spec, store, terrains, threadsPerRun);
    try {
      kept.started(job.id(), scenario, job.status(FloodApi.ROOT + "/" + job.id()));
    } catch (IOException e) {
      LOG.warn("flood run {} is not recorded in {}: {}", job.id(), kept.directory(), e.toString());
    }
    runs.put(job.id(), job);
    executor.execute(
        () -> {
          job.run();
          keep(job, scenario);
        });
    return job;
  }

  /**
   * Writes an ended run to {@link #kept} (not one cancelled by {@link #close()}: that one stays
   * recorded as running and comes back interrupted), then applies the retention.
   */
  private void keep(FloodJob job, String scenario) {
    if (closing) {
      return;
    }
    if (!runs.containsKey(job.id())) {
      deleteKept(job.id()); // deleted once ended, before it was written: drop its record
      return;
    }
    try {
      long started = System.nanoTime();
      long bytes = kept.save(job, scenario, job.status(FloodApi.ROOT + "/" + job.id()));
      keptBytes.put(job.id(), bytes);
      LOG.info(
          "kept flood run {} ({}, {} depth grids): {} bytes in {} ms",
          job.id(),
          job.state().name().toLowerCase(java.util.Locale.ROOT),
          job.outputTimes().size(),
          bytes,
          (System.nanoTime() - started) / 1_000_000);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "flood run {} ended but could not be kept in {}; it is lost on restart: {}",
          job.id(),
          kept.directory(),
          e.toString());
      keptBytes.put(job.id(), 0L);
    }
    synchronized (this) {
      if (!runs.containsKey(job.id())) {
        keptBytes.remove(job.id());
        deleteKept(job.id()); // deleted while it was being written
      }
      retain();
    }
  }

  /**
   * Drops the oldest ended runs while more than {@code maxRuns} are kept or they take more than
   * {@code maxBytes}; the newest ended run always stays.
   */
  private synchronized void retain() {
    List<FloodRun> ended =
        new ArrayList<>(
            runs.values().stream()
                .filter(r -> r.finished() && keptBytes.containsKey(r.id()))
                .toList());
    ended.sort(Comparator.comparing(FloodRun::created));
    long bytes = ended.stream().mapToLong(r -> keptBytes.get(r.id())).sum();
    int count = ended.size();
    for (int i = 0; i < ended.size() - 1; i++) {
      if (count <= retention.maxRuns() && bytes <= retention.maxBytes()) {
        break;
      }
      FloodRun old = ended.get(i);
      LOG.info(
          "dropping flood run {} of {} to keep at most {} runs in {} bytes",
          old.id(),
          old.created(),
          retention.maxRuns(),
          retention.maxBytes());
      bytes -= keptBytes.get(old.id());
      count--;
      remove(old.id());
    }
  }

  Optional<FloodRun> get(String id) {
    return Optional.ofNullable(runs.get(id));
  }

  /** The runs, oldest first. */
  List<FloodRun> list() {
    List<FloodRun> all = new ArrayList<>(runs.values());
    all.sort(Comparator.comparing(FloodRun::created));
    return all;
  }

  /** Forgets an ended run, on disk too. */
  synchronized void remove(String id) {
    FloodRun run = runs.remove(id);
    if (run != null && keptBytes.remove(id) != null) {
      deleteKept(id);
    }
  }

  private void deleteKept(String id) {
    try {
      kept.delete(id);
    } catch (IOException e) {
      LOG.warn("cannot delete the kept flood run {} in {}: {}", id, kept.directory(), e.toString());
    }
  }

  @Override
  public void close() {
    closing = true;
    runs.values().forEach(FloodRun::cancel);
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
