package org.citytwin.scenario;

import java.util.Arrays;
import java.util.List;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.terrain.CellMask;
import org.citytwin.terrain.CityTerrain;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.Raster;

/**
 * The initial water surface of a run from a scenario's {@code initialLevels} (a level on the cells
 * inside each polygon) and {@code initialLevelGrid} (an uploaded grid, sampled at each cell centre,
 * in its own CRS). Where several give a level the highest wins; cells without one start dry.
 */
final class InitialLevels {
  private InitialLevels() {}

  /** The levels, or null when the scenario gives none. */
  static Raster of(ScenarioSpec spec, CityTerrain city) throws CoordinateConversionException {
    if (spec.initialLevels().isEmpty() && spec.initialLevelGrid() == null) {
      return null;
    }
    GridGeometry grid = city.terrain().geometry();
    float[] level = new float[grid.cellCount()];
    Arrays.fill(level, Float.NaN);
    for (int i = 0; i < spec.initialLevels().size(); i++) {
      ScenarioSpec.LevelSpec l = spec.initialLevels().get(i);
      float value = (float) l.levelMetres();
      CellMask inside =
          CellMask.within(grid, List.of(Polygons.toMetric(city.frame(), l.polygon())));
      for (int cell : inside.indexes()) {
        level[cell] = Float.isNaN(level[cell]) ? value : Math.max(level[cell], value);
      }
    }
    if (spec.initialLevelGrid() != null) {
      sample(spec.initialLevelGrid(), city, level);
    }
    return Raster.of(grid, level);
  }

  /** Raises {@code level} to the uploaded grid's value at each cell centre (NODATA: nothing). */
  private static void sample(UploadedGrid upload, CityTerrain city, float[] level)
      throws CoordinateConversionException {
    GridGeometry grid = city.terrain().geometry();
    double[] xyz = new double[3 * grid.cellCount()];
    for (int r = 0; r < grid.nrows(); r++) {
      for (int c = 0; c < grid.ncols(); c++) {
        int i = 3 * (r * grid.ncols() + c);
        xyz[i] = grid.centreX(c);
        xyz[i + 1] = grid.centreY(r);
      }
    }
    if (!upload.frame().identifier().equals(city.frame().identifier())) {
      city.frame().fromMetric(xyz, 0, grid.cellCount());
      upload.frame().toMetric(xyz, 0, grid.cellCount());
    }
    GridGeometry source = upload.geometry();
    for (int cell = 0; cell < grid.cellCount(); cell++) {
      int col = source.colOf(xyz[3 * cell]);
      int row = source.rowOf(xyz[3 * cell + 1]);
      if (col < 0 || row < 0) {
        continue;
      }
      float value = upload.raster().value(col, row);
      if (!Float.isNaN(value)) {
        level[cell] = Float.isNaN(level[cell]) ? value : Math.max(level[cell], value);
      }
    }
  }
}
