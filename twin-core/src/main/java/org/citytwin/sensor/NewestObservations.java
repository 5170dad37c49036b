package org.citytwin.sensor;

import java.util.HashMap;
import java.util.Map;

/**
 * Per datastream, the newest observation seen so far while walking a committed group: the group's
 * own earlier observations, else the feed's latest from before the group. State derived from
 * observations (gauge stages, congestion levels) changes only with newer data; late data, older
 * than that newest, changes nothing.
 */
final class NewestObservations {
  private final ObservationFeed feed;
  private final Map<String, Observation> newest = new HashMap<>();

  NewestObservations(ObservationFeed feed) {
    this.feed = feed;
  }

  /**
   * What {@code o} follows: late when it is older than its datastream's newest so far (then nothing
   * is recorded), else the newest before it (null for the datastream's first), and {@code o}
   * becomes the newest.
   */
  Step advance(Observation o) {
    Observation previous =
        newest.containsKey(o.datastreamId())
            ? newest.get(o.datastreamId())
            : feed.latest(o.datastreamId()).orElse(null);
    if (previous != null && o.phenomenonTime().isBefore(previous.phenomenonTime())) {
      return new Step(true, previous);
    }
    newest.put(o.datastreamId(), o);
    return new Step(false, previous);
  }

  /** An observation's place in its datastream: late or not, and the newest before it. */
  record Step(boolean late, Observation previous) {}
}
