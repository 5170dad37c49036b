package org.citytwin.flood;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.citytwin.terrain.GridGeometry;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Tracks depth around buildings after each step: for each building the cells whose square touches
 * the footprint buffered by one cell size. Cells are found once; each update only reads depths.
 */
final class BuildingWatch {
  private final List<BuildingFootprint> buildings;
  private final int[][] cells;
  private final float[] maxDepth;
  private final double[] over10;
  private final double[] over50;
  private final double[] secondsOver10;
  private final double[] secondsOver50;
  private double lastTime;

  BuildingWatch(GridGeometry g, List<BuildingFootprint> buildings) {
    this.buildings = buildings;
    cells = new int[buildings.size()][];
    GeometryFactory factory = new GeometryFactory();
    for (int b = 0; b < cells.length; b++) {
      Geometry buffer = buildings.get(b).footprint().buffer(g.cellSizeMetres());
      PreparedGeometry prepared = PreparedGeometryFactory.prepare(buffer);
      Envelope e = buffer.getEnvelopeInternal();
      List<Integer> found = new ArrayList<>();
      for (int r = 0; r < g.nrows(); r++) {
        double y0 = g.centreY(r) - g.cellSizeMetres() / 2;
        if (y0 > e.getMaxY() || y0 + g.cellSizeMetres() < e.getMinY()) {
          continue;
        }
        for (int c = 0; c < g.ncols(); c++) {
          double x0 = g.centreX(c) - g.cellSizeMetres() / 2;
          Envelope cell = new Envelope(x0, x0 + g.cellSizeMetres(), y0, y0 + g.cellSizeMetres());
          if (cell.intersects(e) && prepared.intersects(factory.toGeometry(cell))) {
            found.add(r * g.ncols() + c);
          }
        }
      }
      cells[b] = found.stream().mapToInt(Integer::intValue).toArray();
    }
    maxDepth = new float[cells.length];
    over10 = new double[cells.length];
    over50 = new double[cells.length];
    secondsOver10 = new double[cells.length];
    secondsOver50 = new double[cells.length];
    Arrays.fill(over10, Double.NaN);
    Arrays.fill(over50, Double.NaN);
  }

  /**
   * Takes the depths at {@code time}; the time since the previous update counts as above a
   * threshold when the depth now is (a step-wise sum, exact to one time step).
   */
  void update(float[] h, double time) {
    double step = time - lastTime;
    lastTime = time;
    for (int b = 0; b < cells.length; b++) {
      float deepest = 0;
      for (int cell : cells[b]) {
        deepest = Math.max(deepest, h[cell]);
      }
      if (deepest > maxDepth[b]) {
        maxDepth[b] = deepest;
      }
      if (deepest > 0.1f) {
        secondsOver10[b] += step;
        if (Double.isNaN(over10[b])) {
          over10[b] = time;
        }
      }
      if (deepest > 0.5f) {
        secondsOver50[b] += step;
        if (Double.isNaN(over50[b])) {
          over50[b] = time;
        }
      }
    }
  }

  List<BuildingExposure> exposures() {
    List<BuildingExposure> list = new ArrayList<>();
    for (int b = 0; b < cells.length; b++) {
      list.add(
          new BuildingExposure(
              buildings.get(b).id(),
              maxDepth[b],
              over10[b],
              over50[b],
              secondsOver10[b],
              secondsOver50[b]));
    }
    return list;
  }
}
