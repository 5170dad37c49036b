package org.citytwin.sensor;

import java.time.DayOfWeek;

/**
 * The results of one datastream that fell in one weekly time slot, in local time: all observations
 * on {@code day} from {@code startMinute} (minutes after local midnight) for one slot length.
 *
 * @param samples how many observations the figures rest on (at least 1)
 * @param mean mean result
 * @param p90 90th percentile of the results, linearly interpolated between the two nearest samples
 *     (SQL {@code PERCENTILE_CONT(0.9)})
 */
public record SlotStatistics(
    DayOfWeek day, int startMinute, long samples, double mean, double p90, double max) {
  public SlotStatistics {
    if (samples < 1) {
      throw new IllegalArgumentException("a slot needs at least one sample, has " + samples);
    }
    if (startMinute < 0 || startMinute >= 24 * 60) {
      throw new IllegalArgumentException("slot start must be 0..1439 minutes, was " + startMinute);
    }
  }
}
