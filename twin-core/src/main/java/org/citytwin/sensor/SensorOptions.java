package org.citytwin.sensor;

import org.citytwin.store.SensorDatabase.SyncMode;

/**
 * How the sensor service runs.
 *
 * @param alertRadiusMetres city objects within this distance of a gauge are listed in its alerts
 * @param maxGroupObservations the most observations one group commit takes (a batch is never split,
 *     so a single batch may exceed it)
 * @param syncMode whether commits wait for the disk
 */
public record SensorOptions(double alertRadiusMetres, int maxGroupObservations, SyncMode syncMode) {
  public SensorOptions {
    if (!(alertRadiusMetres >= 0) || !Double.isFinite(alertRadiusMetres)) {
      throw new IllegalArgumentException(
          "alert radius must be a finite number of metres >= 0, was " + alertRadiusMetres);
    }
    if (maxGroupObservations < 1) {
      throw new IllegalArgumentException(
          "max group observations must be >= 1, was " + maxGroupObservations);
    }
    java.util.Objects.requireNonNull(syncMode, "sync mode");
  }

  /** 300 m alert radius, groups of up to 50,000 observations, commits to the OS cache. */
  public static SensorOptions defaults() {
    return new SensorOptions(300, 50_000, SyncMode.OS_CACHE);
  }

  public SensorOptions withSyncMode(SyncMode mode) {
    return new SensorOptions(alertRadiusMetres, maxGroupObservations, mode);
  }

  public SensorOptions withAlertRadius(double metres) {
    return new SensorOptions(metres, maxGroupObservations, syncMode);
  }
}
