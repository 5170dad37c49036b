package org.citytwin.scenario;

import java.util.List;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import org.citytwin.terrain.CellMask;
import org.citytwin.terrain.CityTerrainBuilder;
import org.citytwin.terrain.DemResampler;
import org.citytwin.terrain.GridGeometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Checks at submission that every polygon of a scenario (rain zones, initial levels) holds a cell
 * of the run's grid, and on a DEM that every position lies on its grid, so such a scenario is a 400
 * naming the field rather than a run that fails after its terrain was built. The grid is not built
 * for this: on the city, cells lie on the lattice of the cell size in the frame the terrain builder
 * will choose ({@link CityTerrainBuilder#frame()}, {@link CityTerrainBuilder#lattice}); on a DEM,
 * they are the DEM's own. A cell belongs to a polygon when its centre lies inside, as in the run.
 */
final class ScenarioCoverage {
  private ScenarioCoverage() {}

  /**
   * @throws ScenarioRejected naming the field
   */
  static void check(ScenarioSpec spec, TwinStore store) throws StoreException {
    LocalMetricFrame frame;
    try {
      frame =
          spec.dem() != null
              ? spec.dem().frame()
              : new CityTerrainBuilder(store, spec.terrainOptions()).frame();
    } catch (IllegalArgumentException e) {
      throw ScenarioRejected.field("bbox", e.getMessage());
    }
    GridGeometry dem = null;
    try {
      if (spec.dem() != null) {
        // The run's cells: the DEM's own, or those it is resampled to (cellSize).
        dem =
            spec.demResampling() == null
                ? spec.dem().geometry()
                : DemResampler.runGrid(spec.dem().geometry(), frame, frame, spec.cellSizeMetres());
      }
      for (int i = 0; i < spec.rainZones().size(); i++) {
        holdsACell(spec, frame, dem, spec.rainZones().get(i).polygon(), "rainZones[" + i + "]");
      }
      for (int i = 0; i < spec.initialLevels().size(); i++) {
        holdsACell(
            spec, frame, dem, spec.initialLevels().get(i).polygon(), "initialLevels[" + i + "]");
      }
      if (dem != null) {
        onTheDem(spec, frame, dem);
      }
    } catch (CoordinateConversionException e) {
      throw ScenarioRejected.whole("a position cannot be placed on the grid: " + e.getMessage());
    }
  }

  private static void holdsACell(
      ScenarioSpec spec, LocalMetricFrame frame, GridGeometry dem, double[][] ring, String at)
      throws CoordinateConversionException {
    Polygon polygon = Polygons.toMetric(frame, ring);
    GridGeometry cells =
        dem != null
            ? dem
            : CityTerrainBuilder.lattice(polygon.getEnvelopeInternal(), spec.cellSizeMetres());
    if (CellMask.within(cells, List.of(polygon)).count() == 0) {
      throw ScenarioRejected.field(
          at + ".polygon",
          String.format(
              java.util.Locale.ROOT,
              "%s.polygon holds no cell centre of the %.1f m grid (%.0f m² drawn): draw it"
                  + " larger, or use smaller cells",
              at,
              cells.cellSizeMetres(),
              polygon.getArea()));
    }
  }

  /** Positions inside the DEM's lon/lat box can still fall beside its grid (its corners). */
  private static void onTheDem(ScenarioSpec spec, LocalMetricFrame frame, GridGeometry dem)
      throws CoordinateConversionException {
    for (int i = 0; i < spec.inflows().size(); i++) {
      onGrid(frame, dem, spec.inflows().get(i).from(), "inflows[" + i + "]");
      onGrid(frame, dem, spec.inflows().get(i).to(), "inflows[" + i + "]");
    }
    for (int i = 0; i < spec.gauges().size(); i++) {
      onGrid(frame, dem, spec.gauges().get(i).position(), "gauges[" + i + "].point");
    }
    for (int i = 0; i < spec.stages().size(); i++) {
      double[][] line = spec.stages().get(i).line();
      for (int k = 0; line != null && k < line.length; k++) {
        onGrid(frame, dem, line[k], "stages[" + i + "].line[" + k + "]");
      }
    }
  }

  private static void onGrid(LocalMetricFrame frame, GridGeometry dem, double[] lonLat, String at)
      throws CoordinateConversionException {
    double[] xyz = {lonLat[0], lonLat[1], 0};
    frame.toMetric(xyz, 0, 1);
    if (dem.colOf(xyz[0]) < 0 || dem.rowOf(xyz[1]) < 0) {
      throw ScenarioRejected.field(
          at,
          String.format(
              java.util.Locale.ROOT,
              "%s (%.6f, %.6f) lies beside the DEM's grid (inside its lon/lat box, outside its"
                  + " cells)",
              at,
              lonLat[0],
              lonLat[1]));
    }
  }
}
