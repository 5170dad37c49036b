/**
 * Flood runs over HTTP: a JSON scenario on the store's city starts an asynchronous job with status,
 * progress and cancel; results are per-building depths as GeoJSON, gauge series as JSON or CSV, the
 * mass balance, and depth PNG map tiles per output time.
 */
package org.citytwin.http.flood;
