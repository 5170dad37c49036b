package org.citytwin.flood;

import org.citytwin.terrain.Raster;

/**
 * Hears about a run as it goes. Called on the solver's thread; keep it quick. Both methods default
 * to doing nothing.
 */
public interface FloodListener {
  /** The listener that ignores everything. */
  FloodListener NONE = new FloodListener() {};

  /**
   * After each step: simulated time reached, the step just taken (both seconds), steps so far and
   * wall time since the start in nanoseconds. Takes primitives so the time loop allocates nothing.
   */
  default void progress(double simulatedSeconds, double stepSeconds, long steps, long wallNanos) {}

  /** At each output interval: the depth field (metres) at {@code simulatedSeconds}. */
  default void snapshot(double simulatedSeconds, Raster depthMetres) {}

  /**
   * At each output interval, right after {@link #snapshot}: the cell velocities at the same time
   * (see {@link VelocityField} for how they are computed).
   */
  default void velocity(double simulatedSeconds, VelocityField velocity) {}
}
