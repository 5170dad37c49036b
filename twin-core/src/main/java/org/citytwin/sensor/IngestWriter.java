package org.citytwin.sensor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.citytwin.store.SensorDatabase;
import org.citytwin.store.StoreException;

/**
 * Group commit: one thread takes the batches waiting to be written, up to a maximum number of
 * observations, writes them in one transaction, publishes them to the feed and completes each
 * batch's future. Many small posts then share one commit (one file write, one fsync with {@link
 * SensorDatabase.SyncMode#FSYNC}) instead of paying one each; a batch is never split, so it is
 * committed whole or not at all. Every batch was validated before it was queued; if the transaction
 * still fails, every batch of the group fails and none is published.
 *
 * <p>One writer thread also fixes the commit order, which is the order the feed publishes in.
 */
final class IngestWriter implements AutoCloseable {
  private record Pending(List<Observation> observations, CompletableFuture<IngestReceipt> done) {}

  private final SensorDatabase database;
  private final ObservationFeed feed;
  private final AlertDetector detector;
  private final CongestionDetector congestion;
  private final int maxGroupObservations;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closing;

  IngestWriter(
      SensorDatabase database,
      ObservationFeed feed,
      AlertDetector detector,
      CongestionDetector congestion,
      int maxGroup) {
    this.database = database;
    this.feed = feed;
    this.detector = detector;
    this.congestion = congestion;
    this.maxGroupObservations = maxGroup;
    this.thread = new Thread(this::run, "sensor-ingest");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a validated batch; the future completes once it is committed, or fails. */
  CompletableFuture<IngestReceipt> submit(List<Observation> observations) {
    CompletableFuture<IngestReceipt> done = new CompletableFuture<>();
    if (closing) {
      done.completeExceptionally(new StoreException("the sensor service is closing"));
      return done;
    }
    queue.add(new Pending(List.copyOf(observations), done));
    return done;
  }

  private void run() {
    while (!closing || !queue.isEmpty()) {
      Pending first;
      try {
        first = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (first != null) {
        commit(takeGroup(first));
      }
    }
    failAll(new StoreException("the sensor service closed before this batch was written"));
  }

  private List<Pending> takeGroup(Pending first) {
    List<Pending> group = new ArrayList<>();
    group.add(first);
    int size = first.observations().size();
    Pending next;
    while ((next = queue.peek()) != null
        && size + next.observations().size() <= maxGroupObservations) {
      group.add(queue.poll());
      size += next.observations().size();
    }
    return group;
  }

  private void commit(List<Pending> group) {
    List<Observation> all = new ArrayList<>();
    group.forEach(p -> all.addAll(p.observations()));
    try {
      List<Alert> alerts = database.write(all, detector.detect(all));
      feed.publish(all, alerts, congestion.detect(all));
      for (Pending p : group) {
        p.done().complete(new IngestReceipt(p.observations().size(), all.size(), alerts.size()));
      }
    } catch (StoreException | RuntimeException e) {
      group.forEach(p -> p.done().completeExceptionally(e));
    }
  }

  private void failAll(StoreException e) {
    Pending p;
    while ((p = queue.poll()) != null) {
      p.done().completeExceptionally(e);
    }
  }

  /** Writes what is queued, then stops; safe to call twice. */
  @Override
  public void close() {
    closing = true;
    try {
      thread.join(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
