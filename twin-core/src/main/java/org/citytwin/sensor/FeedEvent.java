package org.citytwin.sensor;

/**
 * Something a feed subscriber receives, numbered by the feed in the order it was committed: a
 * higher sequence was committed later.
 */
public sealed interface FeedEvent {
  long sequence();

  /** A committed observation (new, a replacement, or late data older than the latest). */
  record ObservationEvent(long sequence, Observation observation) implements FeedEvent {}

  /** A recorded threshold alert. */
  record AlertEvent(long sequence, Alert alert) implements FeedEvent {}

  /** A crowd area's congestion level changed with a committed count. */
  record CongestionEvent(long sequence, CongestionChange change) implements FeedEvent {}
}
