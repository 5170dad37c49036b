package org.citytwin.scenario;

import java.util.List;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.flood.Edge;
import org.citytwin.flood.TimeSeries;
import org.citytwin.query.Filter;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import org.citytwin.terrain.CityTerrain;
import org.citytwin.terrain.CityTerrainBuilder;
import org.citytwin.terrain.DemResampler;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.LandUseRoughness;
import org.citytwin.terrain.Obstacles;
import org.citytwin.terrain.Raster;
import org.citytwin.terrain.RoughnessGrid;
import org.citytwin.terrain.RoughnessTable;
import org.citytwin.terrain.RunGrids;
import org.citytwin.terrain.TerrainGrid;

/**
 * A validated scenario as a client asked for it: positions still in CRS84, turned into a {@code
 * FloodScenario} on the terrain once that is built ({@link CityScenario}).
 *
 * @param area lon/lat box to simulate, or null for the whole city (or the whole DEM)
 * @param dem an uploaded DEM to run on instead of the terrain built from the city, or null
 * @param rainMillimetresPerHour uniform rain, or null for none
 * @param initialLevelGrid uploaded initial water levels, or null
 * @param roughness Manning's n by land use, or null for {@code manning} (or {@code manningGrid})
 * @param manningGrid uploaded Manning's n, or null
 */
public record ScenarioSpec(
    Filter.BboxIntersects area,
    UploadedGrid dem,
    double cellSizeMetres,
    Obstacles obstacles,
    double durationSeconds,
    double outputIntervalSeconds,
    double gaugeIntervalSeconds,
    double manning,
    double theta,
    TimeSeries rainMillimetresPerHour,
    List<RainZoneSpec> rainZones,
    List<InflowSpec> inflows,
    List<StageSpec> stages,
    List<LevelSpec> initialLevels,
    UploadedGrid initialLevelGrid,
    RoughnessTable roughness,
    UploadedGrid manningGrid,
    boolean openEdges,
    List<GaugeSpec> gauges) {

  public ScenarioSpec {
    rainZones = List.copyOf(rainZones);
    inflows = List.copyOf(inflows);
    stages = List.copyOf(stages);
    initialLevels = List.copyOf(initialLevels);
    gauges = List.copyOf(gauges);
  }

  /**
   * The terrain this scenario runs on: the uploaded DEM with the store's buildings on it, else the
   * terrain built from the city. One rule for server runs and scenario files.
   */
  public CityTerrain terrain(TwinStore store) throws StoreException, CoordinateConversionException {
    return dem != null
        ? CityTerrainBuilder.onDem(store, TerrainGrid.of(demRaster()), dem.frame(), obstacles)
        : CityTerrainBuilder.build(store, terrainOptions());
  }

  /**
   * Manning's n per cell of the run when the scenario asks for more than the constant {@code
   * manning}: by land use from the store's objects ({@link LandUseRoughness}), or the uploaded
   * {@code manningGrid} on the run's cells ({@link RunGrids#manning}, its NODATA at {@code
   * manning}); null for the constant.
   */
  public RoughnessGrid roughness(TwinStore store, CityTerrain city)
      throws StoreException, CoordinateConversionException {
    GridGeometry grid = city.terrain().geometry();
    if (roughness != null) {
      return LandUseRoughness.build(store, grid, city.frame(), roughness);
    }
    if (manningGrid != null) {
      return RunGrids.manning(
          DemResampler.resample(manningGrid.raster(), manningGrid.frame(), grid, city.frame())
              .raster(),
          manning);
    }
    return null;
  }

  /** The DEM on the run's cells: as uploaded, or resampled to {@code cellSize} on its lattice. */
  private Raster demRaster() throws CoordinateConversionException {
    if (demResampling() == null) {
      return dem.raster();
    }
    GridGeometry grid =
        DemResampler.runGrid(dem.geometry(), dem.frame(), dem.frame(), cellSizeMetres);
    return DemResampler.resample(dem.raster(), dem.frame(), grid, dem.frame()).raster();
  }

  /** How the DEM reaches the run's cells, for its status; null without a DEM or resampling. */
  public String demResampling() {
    if (dem == null || dem.geometry().cellSizeMetres() == cellSizeMetres) {
      return null;
    }
    return DemResampler.describe(dem.geometry().cellSizeMetres(), cellSizeMetres);
  }

  /** How the terrain of a run on the city is built. */
  public CityTerrainBuilder.Options terrainOptions() {
    return new CityTerrainBuilder.Options(cellSizeMetres, obstacles, area, null, 2);
  }

  /** Rain in mm/h over time on the cells inside a polygon ({@code [lon, lat]} vertices). */
  public record RainZoneSpec(double[][] polygon, TimeSeries millimetresPerHour) {}

  /** An inflow at a point ({@code from} equals {@code to}) or along a line, m³/s over time. */
  public record InflowSpec(double[] from, double[] to, TimeSeries flowCubicMetresPerSecond) {}

  /**
   * A water level over time, metres: on a whole edge of the grid, or (edge null) on the cells under
   * a polyline of {@code [lon, lat]} vertices.
   */
  public record StageSpec(Edge edge, double[][] line, TimeSeries levelMetres) {}

  /** An initial water level, metres, on the cells inside a polygon. */
  public record LevelSpec(double[][] polygon, double levelMetres) {}

  /** A depth gauge at a lon/lat position. */
  public record GaugeSpec(String name, double[] position) {}
}
