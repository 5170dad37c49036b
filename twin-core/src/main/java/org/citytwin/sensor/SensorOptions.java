package org.citytwin.sensor;

import java.time.ZoneId;
import java.util.Objects;
import org.citytwin.store.SensorDatabase.SyncMode;

/**
 * How the sensor service runs.
 *
 * @param alertRadiusMetres city objects within this distance of a gauge are listed in its alerts
 * @param maxGroupObservations the most observations one group commit takes (a batch is never split,
 *     so a single batch may exceed it)
 * @param syncMode whether commits wait for the disk
 * @param crowdTimeZone the zone whose weekdays and clock times crowd forecasts use unless a request
 *     names another (people keep local hours, so a forecast in UTC would smear Osaka's Monday
 *     morning into Sunday night)
 */
public record SensorOptions(
    double alertRadiusMetres, int maxGroupObservations, SyncMode syncMode, ZoneId crowdTimeZone) {
  public SensorOptions {
    if (!(alertRadiusMetres >= 0) || !Double.isFinite(alertRadiusMetres)) {
      throw new IllegalArgumentException(
          "alert radius must be a finite number of metres >= 0, was " + alertRadiusMetres);
    }
    if (maxGroupObservations < 1) {
      throw new IllegalArgumentException(
          "max group observations must be >= 1, was " + maxGroupObservations);
    }
    Objects.requireNonNull(syncMode, "sync mode");
    Objects.requireNonNull(crowdTimeZone, "crowd time zone");
  }

  /**
   * 300 m alert radius, groups of up to 5,000 observations, commits to the OS cache, crowd
   * forecasts in the system's time zone.
   *
   * <p>Why 5,000: a single post may have to wait for the group commit in flight, so the group size
   * bounds its delivery latency (5,000 rows are about 70 ms of inserts on two idle cores); larger
   * groups gained no throughput, since one commit per 5,000 rows already costs next to nothing
   * beside the inserts.
   */
  public static SensorOptions defaults() {
    return new SensorOptions(300, 5_000, SyncMode.OS_CACHE, ZoneId.systemDefault());
  }

  public SensorOptions withSyncMode(SyncMode mode) {
    return new SensorOptions(alertRadiusMetres, maxGroupObservations, mode, crowdTimeZone);
  }

  public SensorOptions withAlertRadius(double metres) {
    return new SensorOptions(metres, maxGroupObservations, syncMode, crowdTimeZone);
  }

  public SensorOptions withCrowdTimeZone(ZoneId zone) {
    return new SensorOptions(alertRadiusMetres, maxGroupObservations, syncMode, zone);
  }
}
