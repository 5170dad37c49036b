/**
 * Terrain rasters in a metric projected CRS: the grid geometry, float elevations with NODATA, ESRI
 * ASCII grid and GeoTIFF reading and writing, building footprints burnt in as blocked cells, and
 * {@link org.citytwin.terrain.CityTerrainBuilder}, which builds a terrain from the city in the
 * store (relief TIN, building ground heights), {@link org.citytwin.terrain.LandUseRoughness}, which
 * builds a grid of Manning's n from its roads, water bodies and land-use parcels, and {@link
 * org.citytwin.terrain.DemResampler}, which puts a DEM (or a grid beside it) on a run's cells. The
 * flood solver runs on these grids.
 */
package org.citytwin.terrain;
