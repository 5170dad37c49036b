package org.citytwin.flood;

import org.citytwin.terrain.Raster;

/**
 * What a run produced.
 *
 * @param state {@link FloodSolver.State#COMPLETED} or {@link FloodSolver.State#CANCELLED}
 * @param simulatedSeconds simulated time reached
 * @param steps time steps taken
 * @param wallSeconds wall-clock duration of the time loop
 * @param finalDepth depth at the end, metres
 * @param maxDepth maximum depth over the run, metres
 * @param maxVelocity maximum cell-centred speed over the run, m/s
 * @param firstInundation first time the depth reached the inundation depth, seconds; NaN if never
 * @param gaugeSeries depths at the gauges
 * @param massBalance water budget
 * @param buildings depth around each watched building, in scenario order
 */
public record FloodResult(
    FloodSolver.State state,
    double simulatedSeconds,
    long steps,
    double wallSeconds,
    Raster finalDepth,
    Raster maxDepth,
    Raster maxVelocity,
    Raster firstInundation,
    GaugeSeries gaugeSeries,
    MassBalance massBalance,
    java.util.List<BuildingExposure> buildings) {}
