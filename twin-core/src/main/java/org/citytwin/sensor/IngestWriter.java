package org.citytwin.sensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.citytwin.store.SensorDatabase;
import org.citytwin.store.StoreException;

/**
 * Group commit led by the posting threads: a post queues its validated observations; if no commit
 * is in flight, its own thread takes what is queued and commits it as one group (one file write,
 * one fsync with {@link SensorDatabase.SyncMode#FSYNC}), publishes it to the feed and wakes the
 * posters of that group; posts arriving meanwhile wait and join the next group. Each poster returns
 * only once the group holding its observations committed, or with that group's failure. A batch is
 * never split, so it is committed whole or not at all; every batch was validated before it was
 * queued, so a bad item fails only its own request.
 *
 * <p>Why the posting thread commits instead of a writer thread of its own: on a busy machine every
 * hand-over between threads waits for a core, and a lone single post then paid two of them (to the
 * writer and back) on top of its commit.
 *
 * <p>Why two queues: a single post that lands behind large batches would wait for all of them (each
 * 5,000 observations is tens of milliseconds of inserts), which is what pushed post-to-delivery
 * latency under batch load to 100 ms and more. Posts of at most {@link #SMALL_POST} observations
 * form groups of their own that alternate with groups of large batches whenever both wait, so a
 * single post waits for at most the commit in flight and a short one of its own, and large batches
 * still get every other commit. Posts from different requests are concurrent, so committing them in
 * either order is correct; one client's next post is sent after its previous one is answered.
 *
 * <p>Commit, feed update and alert detection all happen while the group holds the commit slot, so
 * the feed publishes in commit order and the detectors see the previous group's values.
 */
final class IngestWriter implements AutoCloseable {
  /** Posts of at most this many observations go to the express queue. */
  static final int SMALL_POST = 100;

  /** How long {@link #close} waits for queued posts to be committed by their threads. */
  private static final long CLOSE_WAIT_SECONDS = 60;

  /** A queued post; its fields are guarded by the writer's lock. */
  private static final class Pending {
    final List<Observation> observations;
    boolean taken;
    IngestReceipt receipt;
    StoreException failure;

    Pending(List<Observation> observations) {
      this.observations = observations;
    }

    boolean finished() {
      return receipt != null || failure != null;
    }
  }

  private final SensorDatabase database;
  private final ObservationFeed feed;
  private final AlertDetector detector;
  private final CongestionDetector congestion;
  private final int maxGroupObservations;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Pending> small = new ArrayDeque<>();
  private final ArrayDeque<Pending> large = new ArrayDeque<>();
  private boolean committing;
  private boolean lastGroupSmall;
  private boolean closing;

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
  }

  /**
   * Commits the validated observations, alone or in a group with other posts, and returns once that
   * group committed.
   *
   * @throws StoreException when the group's transaction failed, the writer is closing, or the post
   *     was not taken into a commit within {@code waitSeconds} (it is then certainly not written)
   */
  IngestReceipt write(List<Observation> observations, long waitSeconds) throws StoreException {
    Pending mine = new Pending(List.copyOf(observations));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
    lock.lock();
    try {
      if (closing) {
        throw new StoreException("the sensor service is closing");
      }
      (mine.observations.size() <= SMALL_POST ? small : large).add(mine);
    } finally {
      lock.unlock();
    }
    while (true) {
      List<Pending> group;
      lock.lock();
      try {
        while (!mine.finished() && (committing || mine.taken)) {
          long left = deadline - System.nanoTime();
          if (left <= 0 && !mine.taken) {
            (mine.observations.size() <= SMALL_POST ? small : large).remove(mine);
            throw new StoreException(
                "observations not taken into a commit within " + waitSeconds + " s; not written");
          }
          // Once taken, the commit holding this post is in flight: wait for its outcome.
          changed.awaitNanos(left > 0 ? left : TimeUnit.SECONDS.toNanos(1));
        }
        if (mine.finished()) {
          if (mine.failure != null) {
            throw mine.failure;
          }
          return mine.receipt;
        }
        committing = true;
        group = takeGroup();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (!mine.taken) {
          (mine.observations.size() <= SMALL_POST ? small : large).remove(mine);
          throw new StoreException(
              "interrupted before the observations were committed; not written");
        }
        throw new StoreException("interrupted while the commit holding the observations ran");
      } finally {
        lock.unlock();
      }
      commit(group);
    }
  }

  /** The next group; called holding the lock with the commit slot taken. */
  private List<Pending> takeGroup() {
    boolean smallTurn = !small.isEmpty() && (large.isEmpty() || !lastGroupSmall);
    ArrayDeque<Pending> from = smallTurn ? small : large;
    lastGroupSmall = smallTurn;
    List<Pending> group = new ArrayList<>();
    int size = 0;
    Pending next;
    while ((next = from.peek()) != null
        && (group.isEmpty() || size + next.observations.size() <= maxGroupObservations)) {
      from.poll();
      next.taken = true;
      group.add(next);
      size += next.observations.size();
    }
    return group;
  }

  private void commit(List<Pending> group) {
    List<Observation> all = new ArrayList<>();
    group.forEach(p -> all.addAll(p.observations));
    List<IngestReceipt> receipts = new ArrayList<>(group.size());
    StoreException failure =
        new StoreException("the commit of " + all.size() + " observations did not finish");
    try {
      List<Alert> alerts = database.write(all, detector.detect(all));
      feed.publish(all, alerts, congestion.detect(all));
      for (Pending p : group) {
        receipts.add(new IngestReceipt(p.observations.size(), all.size(), alerts.size()));
      }
      failure = null;
    } catch (StoreException e) {
      failure = e;
    } catch (RuntimeException e) {
      failure = new StoreException("cannot store observations: " + e, e);
    } finally {
      // Even after an Error the slot is given back and the group answered, so no poster hangs.
      finish(group, receipts, failure);
    }
  }

  private void finish(List<Pending> group, List<IngestReceipt> receipts, StoreException failure) {
    lock.lock();
    try {
      for (int i = 0; i < group.size(); i++) {
        if (failure == null) {
          group.get(i).receipt = receipts.get(i);
        } else {
          group.get(i).failure = failure;
        }
      }
      committing = false;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Refuses new posts and waits until the queued ones are committed by their threads; safe to call
   * twice.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      closing = true;
      long left = TimeUnit.SECONDS.toNanos(CLOSE_WAIT_SECONDS);
      while ((committing || !small.isEmpty() || !large.isEmpty()) && left > 0) {
        left = changed.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }
}
