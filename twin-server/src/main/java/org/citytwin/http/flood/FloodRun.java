package org.citytwin.http.flood;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.flood.VelocityField;
import org.citytwin.terrain.Raster;

/**
 * A flood run as the routes see it: one running or finished in this server ({@link FloodJob}), or
 * one a previous server kept in the store directory ({@link StoredRun}). Both answer the same
 * documents, so a finished run reads the same after a restart.
 */
interface FloodRun {
  String id();

  Instant created();

  /** Whether the run has ended (completed, cancelled, failed, or interrupted by a shutdown). */
  boolean finished();

  /** The status document, {@code base} being the run's URL. */
  ObjectNode status(String base);

  /**
   * What the run produced once it completed or was cancelled.
   *
   * @throws org.citytwin.http.HttpProblem 409 while it runs or when it has no results (failed,
   *     interrupted), naming why
   */
  RunOutputs outputs();

  /**
   * The maximum depth over the run.
   *
   * @throws org.citytwin.http.HttpProblem 409 as {@link #outputs()}
   */
  Raster maxDepth();

  /**
   * The maximum speed over the run.
   *
   * @throws org.citytwin.http.HttpProblem 409 as {@link #outputs()}
   */
  Raster maxVelocity();

  /** The output times (whole simulated seconds) with a depth snapshot, so far. */
  SortedSet<Long> outputTimes();

  /** The depth snapshot at an output time. */
  Optional<Raster> depthAt(long seconds);

  /**
   * The velocity snapshot at an output time; empty when there is none, which includes every output
   * time of a run kept by a version that did not keep velocity snapshots.
   */
  Optional<VelocityField> velocityAt(long seconds);

  /** The metric CRS of the run's grid; asked only once there is a depth to draw. */
  LocalMetricFrame frame();

  /** Asks a running run to stop; nothing for one that has ended. */
  void cancel();
}
