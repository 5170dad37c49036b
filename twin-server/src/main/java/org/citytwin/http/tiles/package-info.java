/**
 * 3D Tiles over HTTP: the buildings tileset of the store, generated on demand per store version,
 * cached in memory and served under immutable versioned URLs.
 */
package org.citytwin.http.tiles;
