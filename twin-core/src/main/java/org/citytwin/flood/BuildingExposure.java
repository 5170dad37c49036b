package org.citytwin.flood;

/**
 * How deep the water got around one building: the maximum depth over the cells touching its
 * footprint buffered by one cell, and the first times that depth exceeded 0.1 m and 0.5 m (NaN if
 * never).
 */
public record BuildingExposure(
    String id, double maxDepthMetres, double firstOver10cmSeconds, double firstOver50cmSeconds) {}
