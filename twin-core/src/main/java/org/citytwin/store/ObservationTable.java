package org.citytwin.store;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.citytwin.sensor.IntervalAggregate;
import org.citytwin.sensor.Observation;
import org.citytwin.sensor.SlotStatistics;

/** Observation rows keyed by (datastream key, phenomenon time in microseconds). */
final class ObservationTable {
  private ObservationTable() {}

  /**
   * Upserts the rows; {@code keys[i]} is the datastream key of {@code observations.get(i)}.
   *
   * <p>Why insert first: new observations are the common case, and a batch of plain inserts is
   * about twice as fast in H2 as the same batch of {@code MERGE}s (measured 17,800 against 8,000
   * rows/s in one run on a loaded machine). H2 runs every row of a batch even when some fail, and a
   * failed row undoes only itself, so the rows whose key exists already are then updated, in batch
   * order, which leaves the last posted value of a repeated key.
   */
  static void upsert(Connection c, List<Observation> observations, int[] keys) throws SQLException {
    int[] counts;
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO observation(ds_key, phenomenon_us, result_time_us, result)"
                + " VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < observations.size(); i++) {
        Observation o = observations.get(i);
        s.setInt(1, keys[i]);
        s.setLong(2, micros(o.phenomenonTime()));
        s.setLong(3, micros(o.resultTime()));
        s.setDouble(4, o.result());
        s.addBatch();
      }
      try {
        s.executeBatch();
        return;
      } catch (BatchUpdateException e) {
        counts = e.getUpdateCounts();
        if (counts == null || counts.length != observations.size()) {
          throw e;
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE observation SET result_time_us = ?, result = ? WHERE ds_key = ?"
                + " AND phenomenon_us = ?")) {
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == Statement.EXECUTE_FAILED) {
          Observation o = observations.get(i);
          s.setLong(1, micros(o.resultTime()));
          s.setDouble(2, o.result());
          s.setInt(3, keys[i]);
          s.setLong(4, micros(o.phenomenonTime()));
          s.addBatch();
        }
      }
      for (int updated : s.executeBatch()) {
        if (updated != 1) {
          throw new SQLException("an observation was neither inserted nor updated");
        }
      }
    }
  }

  static Optional<Observation> latest(Connection c, int key, String datastreamId)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT phenomenon_us, result_time_us, result FROM observation WHERE ds_key = ?"
                + " ORDER BY phenomenon_us DESC LIMIT 1")) {
      s.setInt(1, key);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(read(r, datastreamId)) : Optional.empty();
      }
    }
  }

  /** Streams the observations with {@code from <= phenomenon time < to}, oldest first. */
  static void range(
      Connection c,
      int key,
      String datastreamId,
      Instant from,
      Instant to,
      int limit,
      Consumer<Observation> sink)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT phenomenon_us, result_time_us, result FROM observation WHERE ds_key = ?"
                + " AND phenomenon_us >= ? AND phenomenon_us < ? ORDER BY phenomenon_us LIMIT ?")) {
      s.setInt(1, key);
      s.setLong(2, micros(from));
      s.setLong(3, micros(to));
      s.setInt(4, limit);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          sink.accept(read(r, datastreamId));
        }
      }
    }
  }

  /** Min, max and mean per interval of {@code [from, to)}, intervals aligned on {@code from}. */
  static List<IntervalAggregate> aggregates(
      Connection c, int key, Instant from, Instant to, Duration interval) throws SQLException {
    long fromUs = micros(from);
    long intervalUs = interval.toNanos() / 1000;
    List<IntervalAggregate> result = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT (phenomenon_us - ?) / ? AS bucket, COUNT(*), MIN(result), MAX(result),"
                + " AVG(result) FROM observation WHERE ds_key = ? AND phenomenon_us >= ?"
                + " AND phenomenon_us < ? GROUP BY bucket ORDER BY bucket")) {
      s.setLong(1, fromUs);
      s.setLong(2, intervalUs);
      s.setInt(3, key);
      s.setLong(4, fromUs);
      s.setLong(5, micros(to));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Instant start = instant(fromUs + r.getLong(1) * intervalUs);
          result.add(
              new IntervalAggregate(
                  start, r.getLong(2), r.getDouble(3), r.getDouble(4), r.getDouble(5)));
        }
      }
    }
    return result;
  }

  /**
   * Count, mean, 90th percentile and maximum of the results in {@code [from, to)} per local weekday
   * and slot of {@code slotMinutes}, the local time being the phenomenon time in {@code zone} (H2
   * applies the zone's rules, daylight saving included, to each value). Only slots with
   * observations are returned, by weekday and start.
   */
  static List<SlotStatistics> slotStatistics(
      Connection c, int key, Instant from, Instant to, ZoneId zone, int slotMinutes)
      throws SQLException {
    List<SlotStatistics> result = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT week_day, day_slot, COUNT(*), AVG(result),"
                + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY result), MAX(result)"
                + " FROM (SELECT result, EXTRACT(ISO_DAY_OF_WEEK FROM local_time) AS week_day,"
                + " CAST(EXTRACT(HOUR FROM local_time) * 60 + EXTRACT(MINUTE FROM local_time)"
                + " AS INTEGER) / CAST(? AS INTEGER) AS day_slot FROM (SELECT result, DATEADD(MICROSECOND, phenomenon_us,"
                + " TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00') AT TIME ZONE ? AS local_time"
                + " FROM observation WHERE ds_key = ? AND phenomenon_us >= ?"
                + " AND phenomenon_us < ?) AS located) AS slotted"
                + " GROUP BY week_day, day_slot ORDER BY week_day, day_slot")) {
      s.setInt(1, slotMinutes);
      s.setString(2, zone.normalized().getId());
      s.setInt(3, key);
      s.setLong(4, micros(from));
      s.setLong(5, micros(to));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          result.add(
              new SlotStatistics(
                  DayOfWeek.of(r.getInt(1)),
                  r.getInt(2) * slotMinutes,
                  r.getLong(3),
                  r.getDouble(4),
                  r.getDouble(5),
                  r.getDouble(6)));
        }
      }
    }
    return result;
  }

  static long count(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM observation");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  private static Observation read(ResultSet r, String datastreamId) throws SQLException {
    return new Observation(
        datastreamId, instant(r.getLong(1)), instant(r.getLong(2)), r.getDouble(3));
  }

  static long micros(Instant instant) {
    // Not ChronoUnit.MICROS.between, which counts in nanoseconds and overflows 292 years away.
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }
}
