package org.citytwin.flood;

/**
 * How deep the water got around one building: the maximum depth over the cells touching its
 * footprint buffered by one cell, and the first times that depth exceeded 0.1 m and 0.5 m (NaN if
 * never), and how long it stayed above each (summed over time steps).
 */
public record BuildingExposure(
    String id,
    double maxDepthMetres,
    double firstOver10cmSeconds,
    double firstOver50cmSeconds,
    double secondsOver10cm,
    double secondsOver50cm) {}
