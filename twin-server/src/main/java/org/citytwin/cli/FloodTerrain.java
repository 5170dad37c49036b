package org.citytwin.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.flood.BuildingFootprint;
import org.citytwin.query.Filter;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import org.citytwin.terrain.CellMask;
import org.citytwin.terrain.CityTerrain;
import org.citytwin.terrain.CityTerrainBuilder;
import org.citytwin.terrain.DemResampler;
import org.citytwin.terrain.GeoRaster;
import org.citytwin.terrain.GridFormatException;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.LandUseRoughness;
import org.citytwin.terrain.Obstacles;
import org.citytwin.terrain.RoughnessGrid;
import org.citytwin.terrain.RoughnessTable;
import org.citytwin.terrain.RunGrids;
import org.citytwin.terrain.TerrainGrid;

/**
 * The terrain of a {@code twin flood run}: from a DEM file, or built from the city in a store.
 *
 * @param epsgCode the grid's EPSG code, or -1 when unknown
 * @param frame the grid's metric frame, or null when unknown
 * @param roughness Manning's n by land use ({@code --roughness land-use}), else null
 */
record FloodTerrain(
    TerrainGrid grid,
    CellMask blocked,
    List<BuildingFootprint> buildings,
    int epsgCode,
    LocalMetricFrame frame,
    String summary,
    RoughnessGrid roughness) {

  /**
   * The terrain of a DEM file: as it is, or resampled ({@link DemResampler}) to {@code cellSize}
   * metres on the run's lattice when that is given, and reprojected into {@code crs} when the file
   * is a GeoTIFF naming another CRS (an ASCII grid names none: {@code crs} is then its own).
   */
  static FloodTerrain fromDem(Path dem, Integer crs, Double cellSize)
      throws IOException, GridFormatException, CoordinateConversionException {
    GeoRaster raster = GridFiles.read(dem);
    int demEpsg = raster.epsgCode() > 0 ? raster.epsgCode() : crs != null ? crs : -1;
    int runEpsg = crs != null ? crs : demEpsg;
    if (cellSize == null && runEpsg == demEpsg) {
      TerrainGrid grid = TerrainGrid.of(raster.raster());
      return new FloodTerrain(
          grid,
          CellMask.none(grid.geometry()),
          List.of(),
          runEpsg,
          null,
          dem + ": used as is",
          null);
    }
    double cell = cellSize != null ? cellSize : raster.raster().geometry().cellSizeMetres();
    if (!(cell >= 1 && cell <= 20)) {
      throw new IllegalArgumentException("--cell-size must be 1 to 20 metres, was " + cell);
    }
    LocalMetricFrame demFrame = demEpsg > 0 ? LocalMetricFrame.ofEpsg(demEpsg) : null;
    LocalMetricFrame runFrame = runEpsg > 0 ? LocalMetricFrame.ofEpsg(runEpsg) : null;
    GridGeometry target =
        DemResampler.runGrid(raster.raster().geometry(), demFrame, runFrame, cell);
    DemResampler.Resampled resampled =
        DemResampler.resample(raster.raster(), demFrame, target, runFrame);
    TerrainGrid grid = TerrainGrid.of(resampled.raster());
    String summary =
        dem
            + ": "
            + resampled.describe()
            + (resampled.reprojected() ? " from EPSG:" + demEpsg + " to EPSG:" + runEpsg : "");
    return new FloodTerrain(
        grid, CellMask.none(grid.geometry()), List.of(), runEpsg, null, summary, null);
  }

  /**
   * The terrain built from the city of a store, with Manning's n by land use from the same store
   * when {@code roughness} is given.
   */
  static FloodTerrain fromStore(
      Path store,
      double cellSize,
      String bbox,
      String obstacles,
      Integer crs,
      RoughnessTable roughness)
      throws StoreException, CoordinateConversionException {
    CityTerrainBuilder.Options options =
        CityTerrainBuilder.Options.of(cellSize).with(Obstacles.parse(obstacles));
    if (bbox != null) {
      options = options.within(bbox(bbox));
    }
    if (crs != null) {
      options = options.in(LocalMetricFrame.ofEpsg(crs));
    }
    try (TwinStore twin = TwinStore.open(store)) {
      CityTerrain city = CityTerrainBuilder.build(twin, options);
      List<BuildingFootprint> watched =
          city.buildings().stream().map(b -> new BuildingFootprint(b.id(), b.footprint())).toList();
      RoughnessGrid n =
          roughness == null
              ? null
              : LandUseRoughness.build(twin, city.terrain().geometry(), city.frame(), roughness);
      return new FloodTerrain(
          city.terrain(),
          city.blocked(),
          watched,
          city.frame().epsgCode(),
          city.frame(),
          city.summary(),
          n);
    }
  }

  private static Filter.BboxIntersects bbox(String text) {
    String[] p = text.split(",");
    if (p.length != 4) {
      throw new IllegalArgumentException(
          "--bbox '" + text + "' must be minlon,minlat,maxlon,maxlat");
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(p[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--bbox: '" + p[i] + "' is not a number", e);
      }
    }
    return new Filter.BboxIntersects(v[0], v[1], v[2], v[3]);
  }

  /**
   * A grid file given beside the terrain ({@code --initial-level}, {@code --manning-grid}) on the
   * run's grid: as it is when it is on it, else resampled like a DEM ({@link RunGrids}); a GeoTIFF
   * naming another CRS than the run's is carried into it, an ASCII grid is taken to be in the run's
   * CRS.
   */
  DemResampler.Resampled onRunGrid(Path file)
      throws IOException, GridFormatException, CoordinateConversionException {
    GeoRaster g = GridFiles.read(file);
    LocalMetricFrame gridFrame = g.epsgCode() > 0 ? LocalMetricFrame.ofEpsg(g.epsgCode()) : null;
    LocalMetricFrame runFrame =
        frame != null ? frame : epsgCode > 0 ? LocalMetricFrame.ofEpsg(epsgCode) : null;
    return DemResampler.resample(g.raster(), gridFrame, grid.geometry(), runFrame);
  }

  /** The frame, or an error naming what needed it. */
  LocalMetricFrame frame(String purpose) {
    if (frame != null) {
      return frame;
    }
    if (epsgCode > 0) {
      return LocalMetricFrame.ofEpsg(epsgCode);
    }
    throw new IllegalArgumentException(
        purpose + " needs the grid's CRS: give --crs, or a GeoTIFF DEM that names it");
  }
}
