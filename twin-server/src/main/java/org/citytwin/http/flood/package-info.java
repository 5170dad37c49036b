/**
 * Flood runs over HTTP: a JSON scenario on the store's city (or on an uploaded DEM with the city's
 * buildings on it) starts an asynchronous job with status, progress and cancel; results are
 * per-building depths as GeoJSON, gauge series as JSON or CSV, the mass balance, and depth PNG map
 * tiles per output time. Uploaded grids (DEMs, initial water levels) are checked and kept under the
 * store's directory; terrains of recent runs are reused. A scenario file for the command line goes
 * through the same parser and checks ({@link org.citytwin.http.flood.ScenarioFile}).
 */
package org.citytwin.http.flood;
