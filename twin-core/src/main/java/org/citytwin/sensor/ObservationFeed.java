package org.citytwin.sensor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The live state of the sensors: the latest observation per datastream (by phenomenon time) and the
 * subscribers that receive each committed observation and alert.
 *
 * <p>Publishing and subscribing take one lock, so a subscriber's snapshot and its queue meet
 * exactly: every event is either in the snapshot's state or in the queue, never both or neither.
 */
public final class ObservationFeed {
  private final Object lock = new Object();
  private final Map<String, Observation> latest = new ConcurrentHashMap<>();
  private final List<FeedSubscription> subscribers = new CopyOnWriteArrayList<>();
  private long sequence;

  /** Seeds the latest values (on start, from the database); publishes nothing. */
  void seed(Collection<Observation> observations) {
    synchronized (lock) {
      observations.forEach(this::updateLatest);
    }
  }

  /** The latest observation of the datastream, if any. */
  public java.util.Optional<Observation> latest(String datastreamId) {
    return java.util.Optional.ofNullable(latest.get(datastreamId));
  }

  /** Latest observations of the datastreams {@code filter} accepts. */
  public List<Observation> latest(Predicate<String> filter) {
    List<Observation> result = new ArrayList<>();
    latest.forEach(
        (id, o) -> {
          if (filter.test(id)) {
            result.add(o);
          }
        });
    result.sort(java.util.Comparator.comparing(Observation::datastreamId));
    return result;
  }

  /** Subscribes to the datastreams {@code filter} accepts; close the subscription to leave. */
  public FeedSubscription subscribe(Predicate<String> filter, int capacity) {
    FeedSubscription subscription = new FeedSubscription(this, filter, capacity);
    synchronized (lock) {
      subscription.start(latest(filter), sequence);
      subscribers.add(subscription);
    }
    return subscription;
  }

  /** Publishes committed observations and alerts, in this order, to the subscribers. */
  void publish(List<Observation> observations, List<Alert> alerts) {
    publish(observations, alerts, List.of());
  }

  /**
   * Publishes committed observations, alerts and congestion changes, in this order, to the
   * subscribers; a congestion change goes to those selecting the area's count datastream.
   */
  void publish(
      List<Observation> observations, List<Alert> alerts, List<CongestionChange> congestion) {
    synchronized (lock) {
      // A group holds thousands of observations of a few datastreams: asking each subscriber's
      // selection once per datastream instead of once per observation keeps the fan-out of a large
      // group short, and with it the wait of the small group committed after it.
      Map<String, List<FeedSubscription>> targets = new HashMap<>();
      for (Observation o : observations) {
        updateLatest(o);
        FeedEvent event = new FeedEvent.ObservationEvent(++sequence, o);
        deliver(event, targets.computeIfAbsent(o.datastreamId(), this::subscribersOf));
      }
      for (Alert alert : alerts) {
        deliver(new FeedEvent.AlertEvent(++sequence, alert), subscribersOf(alert.datastreamId()));
      }
      for (CongestionChange change : congestion) {
        deliver(
            new FeedEvent.CongestionEvent(++sequence, change),
            subscribersOf(change.datastreamId()));
      }
    }
  }

  private List<FeedSubscription> subscribersOf(String datastreamId) {
    List<FeedSubscription> wanting = new ArrayList<>();
    for (FeedSubscription s : subscribers) {
      if (s.wants(datastreamId)) {
        wanting.add(s);
      }
    }
    return wanting;
  }

  public int subscriberCount() {
    return subscribers.size();
  }

  void unsubscribe(FeedSubscription subscription) {
    subscribers.remove(subscription);
  }

  private void deliver(FeedEvent event, List<FeedSubscription> wanting) {
    for (FeedSubscription s : wanting) {
      // A subscriber dropped for overflowing earlier in this group gets nothing more, so it never
      // sees a gap before its overflow notice.
      if (!s.overflowed() && !s.offer(event)) {
        subscribers.remove(s);
      }
    }
  }

  private void updateLatest(Observation o) {
    latest.merge(
        o.datastreamId(),
        o,
        (old, candidate) ->
            candidate.phenomenonTime().isBefore(old.phenomenonTime()) ? old : candidate);
  }
}
