/**
 * Flood runs over HTTP: a JSON scenario (parsed and checked by {@code org.citytwin.scenario}) on
 * the store's city (or on an uploaded DEM with the city's buildings on it) starts an asynchronous
 * job with status, progress and cancel; results are per-building depths as GeoJSON, gauge series as
 * JSON or CSV, the mass balance, and depth PNG map tiles per output time. Ended runs are kept under
 * the store's directory ({@link org.citytwin.http.flood.KeptRuns}) and served again after a
 * restart; uploaded grids (DEMs, initial water levels) are checked and kept there too; terrains of
 * recent runs are reused.
 */
package org.citytwin.http.flood;
