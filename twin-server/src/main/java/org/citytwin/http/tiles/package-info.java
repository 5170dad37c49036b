/**
 * Tiles over HTTP: the buildings and the relief as 3D Tiles ({@link
 * org.citytwin.http.tiles.TilesApi}) and the buildings and roads as Mapbox Vector Tiles with a
 * TileJSON document ({@link org.citytwin.http.tiles.VectorTilesApi}), generated on demand per store
 * version, cached in memory and on disk, and served under immutable versioned URLs.
 */
package org.citytwin.http.tiles;
