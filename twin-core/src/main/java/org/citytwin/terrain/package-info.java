/**
 * Terrain rasters in a metric projected CRS: the grid geometry, float elevations with NODATA, ESRI
 * ASCII grid reading and writing, and building footprints burnt in as blocked cells. The flood
 * solver runs on these grids.
 */
package org.citytwin.terrain;
