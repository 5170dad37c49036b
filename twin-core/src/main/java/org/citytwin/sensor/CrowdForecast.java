package org.citytwin.sensor;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What a crowd area is usually like per weekday and time of day, from its stored counts: for each
 * local weekday and slot that has history, the mean and 90th percentile of the count and of what it
 * means (density and congestion on the walkable ground, or flow through the line), with the number
 * of samples behind them. Slots without history are absent, never filled in; an area without
 * history has no slots.
 *
 * <p>Densities divide the stored person counts by today's walkable ground, so they follow the city
 * model as it is now.
 *
 * @param days the weekdays asked for
 * @param slots the slots with history, by weekday then start
 */
public record CrowdForecast(
    CrowdArea area, ZoneId zone, int slotMinutes, Set<DayOfWeek> days, List<Slot> slots) {
  public CrowdForecast {
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(zone, "zone");
    days = Set.copyOf(days);
    slots = List.copyOf(slots);
  }

  /** How many observations the forecast rests on in all. */
  public long samples() {
    return slots.stream().mapToLong(s -> s.statistics().samples()).sum();
  }

  /** One weekday and time slot of a crowd area's forecast. */
  public record Slot(CrowdArea area, int slotMinutes, SlotStatistics statistics) {
    public DayOfWeek day() {
      return statistics.day();
    }

    public LocalTime start() {
      return LocalTime.MIN.plusMinutes(statistics.startMinute());
    }

    /** The end of the slot; midnight (00:00) for the day's last slot. */
    public LocalTime end() {
      return start().plusMinutes(slotMinutes);
    }

    public OptionalDouble meanPersonsPerSquareMetre() {
      return CrowdState.density(area, statistics.mean());
    }

    public OptionalDouble p90PersonsPerSquareMetre() {
      return CrowdState.density(area, statistics.p90());
    }

    /** The congestion level of the mean density: how the slot usually is. */
    public Optional<CongestionLevel> congestion() {
      return level(meanPersonsPerSquareMetre());
    }

    /** The congestion level of the 90th-percentile density: how busy one slot in ten gets. */
    public Optional<CongestionLevel> p90Congestion() {
      return level(p90PersonsPerSquareMetre());
    }

    public OptionalDouble meanPersonsPerMinute() {
      return area.count().countScope().flowPerMinute(statistics.mean());
    }

    public OptionalDouble p90PersonsPerMinute() {
      return area.count().countScope().flowPerMinute(statistics.p90());
    }

    private static Optional<CongestionLevel> level(OptionalDouble density) {
      return density.isPresent()
          ? Optional.of(CongestionLevel.ofDensity(density.getAsDouble()))
          : Optional.empty();
    }
  }
}
