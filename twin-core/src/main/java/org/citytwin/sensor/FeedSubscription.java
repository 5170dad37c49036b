package org.citytwin.sensor;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One subscriber of an {@link ObservationFeed}: the latest observation of each matching datastream
 * at the moment it subscribed ({@link #snapshot}), then every matching event committed after that
 * moment, in commit order, from {@link #poll}. Nothing is lost while the subscriber keeps up; when
 * its queue of {@code capacity} events fills, the feed drops the subscriber and {@link #overflowed}
 * turns true once the queue is drained, so it can tell its client to reconnect rather than miss
 * events silently.
 */
public final class FeedSubscription implements AutoCloseable {
  private final Predicate<String> datastreamFilter;
  private final BlockingQueue<FeedEvent> queue;
  private final ObservationFeed feed;
  private volatile List<Observation> snapshot = List.of();
  private volatile long snapshotSequence;
  private volatile boolean overflowed;
  private volatile boolean closed;

  FeedSubscription(ObservationFeed feed, Predicate<String> datastreamFilter, int capacity) {
    this.feed = feed;
    this.datastreamFilter = datastreamFilter;
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  void start(List<Observation> latest, long sequence) {
    snapshot = List.copyOf(latest);
    snapshotSequence = sequence;
  }

  /** The latest observation of each matching datastream when the subscription began. */
  public List<Observation> snapshot() {
    return snapshot;
  }

  /** The sequence of the last event included in the snapshot; events in the queue come after. */
  public long snapshotSequence() {
    return snapshotSequence;
  }

  boolean wants(String datastreamId) {
    return datastreamFilter.test(datastreamId);
  }

  /** Offers an event; false when the queue was full, after which the feed drops this subscriber. */
  boolean offer(FeedEvent event) {
    if (!queue.offer(event)) {
      overflowed = true;
      return false;
    }
    return true;
  }

  /**
   * Waits up to {@code timeout} for events and moves all that are queued (up to {@code max}) into
   * {@code into}; returns how many.
   */
  public int poll(List<FeedEvent> into, int max, long timeout, TimeUnit unit)
      throws InterruptedException {
    FeedEvent first = queue.poll(timeout, unit);
    if (first == null) {
      return 0;
    }
    into.add(first);
    return 1 + queue.drainTo(into, max - 1);
  }

  /** True once the feed dropped this subscriber because its queue was full. */
  public boolean overflowed() {
    return overflowed;
  }

  public boolean closed() {
    return closed;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      feed.unsubscribe(this);
    }
  }
}
