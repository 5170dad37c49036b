/**
 * Mapbox Vector Tiles (MVT 2.1) of the store in the WebMercatorQuad tiling scheme: building
 * footprints with their heights and flood attributes for MapLibre {@code fill-extrusion} and QGIS,
 * and road surfaces, clipped with a buffer and simplified per zoom; plus the TileJSON 3.0.0
 * document that describes them. Encoding uses the {@code mapbox-vector-tile-java} library; no HTTP.
 */
package org.citytwin.vectortiles;
