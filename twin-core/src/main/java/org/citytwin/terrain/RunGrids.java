package org.citytwin.terrain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Grids given beside a DEM (initial water levels, Manning's n) put on a run's grid the way the DEM
 * is ({@link DemResampler}): copied when already on it, else bilinear to finer cells and the area
 * average to coarser ones, carried from another CRS when theirs differs. NODATA stays NODATA where
 * every source under a cell is NODATA; where only some are, the others are averaged.
 *
 * <p>For water levels NODATA means dry, so a coarse cell partly wet starts at the mean level of its
 * wet parts (the water surface there, not one lowered by dry ground). For Manning's n the area mean
 * of n is a plain choice: the strictly equivalent n of a cell weighs its parts by conveyance (depth
 * to the 5/3 over n), which depends on depths not known before the run.
 */
public final class RunGrids {
  private RunGrids() {}

  /**
   * Manning's n on the run's cells from a grid already put on them ({@link DemResampler#resample});
   * cells it leaves NODATA (outside it, or NODATA in it) take {@code fill}, the run's constant n.
   * Its classes: {@code grid} (the mean n of the cells it gave) and {@link
   * RoughnessGrid#DEFAULT_CLASS}.
   *
   * @throws IllegalArgumentException when a value is outside 0 to 1
   */
  public static RoughnessGrid manning(Raster onRunGrid, double fill) {
    GridGeometry target = onRunGrid.geometry();
    float[] n = onRunGrid.values();
    int covered = 0;
    double sum = 0;
    for (int i = 0; i < n.length; i++) {
      if (Float.isNaN(n[i])) {
        n[i] = (float) fill;
        continue;
      }
      if (!(n[i] >= 0 && n[i] <= 1)) {
        throw new IllegalArgumentException(
            "Manning's n " + n[i] + " in the grid must be in [0, 1]");
      }
      covered++;
      sum += n[i];
    }
    Map<String, RoughnessGrid.ClassCells> classes = new LinkedHashMap<>();
    classes.put("grid", new RoughnessGrid.ClassCells(covered > 0 ? sum / covered : fill, covered));
    classes.put(
        RoughnessGrid.DEFAULT_CLASS, new RoughnessGrid.ClassCells(fill, n.length - covered));
    return new RoughnessGrid(Raster.of(target, n), classes);
  }
}
