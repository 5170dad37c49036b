package org.citytwin.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.flood.BuildingFootprint;
import org.citytwin.flood.Edge;
import org.citytwin.flood.FloodScenario;
import org.citytwin.flood.Gauge;
import org.citytwin.flood.Inflow;
import org.citytwin.flood.RainZone;
import org.citytwin.flood.StageBoundary;
import org.citytwin.flood.StageLine;
import org.citytwin.terrain.CityTerrain;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.Raster;
import org.citytwin.terrain.RoughnessGrid;
import org.citytwin.terrain.SiteBuilding;

/** Turns a {@link ScenarioSpec} into a solver scenario on a terrain built from the city. */
public final class CityScenario {
  /** How far a point inflow on a building is moved to reach open ground. */
  static final double SNAP_METRES = 20;

  private CityScenario() {}

  /**
   * The scenario; every building of the terrain is watched.
   *
   * @param roughness Manning's n per cell ({@link ScenarioSpec#roughness}), or null for the
   *     scenario's constant {@code manning}
   * @throws IllegalArgumentException when a position lies outside the grid
   */
  public static FloodScenario of(
      ScenarioSpec spec, CityTerrain city, RoughnessGrid roughness, int threads)
      throws CoordinateConversionException {
    GridGeometry grid = city.terrain().geometry();
    LocalMetricFrame frame = city.frame();
    FloodScenario.Builder b =
        FloodScenario.builder(city.terrain())
            .blocked(city.blocked())
            .manning(spec.manning())
            .theta(spec.theta())
            .duration(spec.durationSeconds())
            .outputInterval(spec.outputIntervalSeconds())
            .gaugeInterval(spec.gaugeIntervalSeconds())
            .threads(threads);
    if (roughness != null) {
      b.manning(roughness.manning());
    }
    if (spec.rainMillimetresPerHour() != null) {
      b.rain(spec.rainMillimetresPerHour());
    }
    for (int i = 0; i < spec.rainZones().size(); i++) {
      ScenarioSpec.RainZoneSpec zone = spec.rainZones().get(i);
      try {
        b.rain(
            RainZone.within(
                grid, Polygons.toMetric(frame, zone.polygon()), zone.millimetresPerHour()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("rainZones[" + i + "]: " + e.getMessage(), e);
      }
    }
    Raster levels = InitialLevels.of(spec, city);
    if (levels != null) {
      b.initialWaterLevel(levels);
    }
    for (int i = 0; i < spec.inflows().size(); i++) {
      ScenarioSpec.InflowSpec in = spec.inflows().get(i);
      double[] a = metric(frame, in.from());
      double[] z = metric(frame, in.to());
      Inflow line;
      try {
        line = Inflow.line(grid, a[0], a[1], z[0], z[1], in.flowCubicMetresPerSecond());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("inflows[" + i + "] lies outside the terrain", e);
      }
      b.inflow(
          Arrays.equals(in.from(), in.to())
              ? openCellNear(line, a, city, i)
              : openCells(line, city, i));
    }
    List<Edge> staged = new ArrayList<>();
    for (int i = 0; i < spec.stages().size(); i++) {
      ScenarioSpec.StageSpec s = spec.stages().get(i);
      if (s.edge() != null) {
        staged.add(s.edge());
        b.stage(new StageBoundary(s.edge(), s.levelMetres()));
        continue;
      }
      double[][] line = Polygons.toMetricPoints(frame, s.line());
      double[] xy = new double[2 * line.length];
      for (int k = 0; k < line.length; k++) {
        xy[2 * k] = line[k][0];
        xy[2 * k + 1] = line[k][1];
      }
      try {
        b.stage(StageLine.along(grid, xy, s.levelMetres()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("stages[" + i + "].line leaves the terrain", e);
      }
    }
    if (spec.openEdges()) {
      for (Edge e : Edge.values()) {
        if (!staged.contains(e)) {
          b.open(e);
        }
      }
    }
    for (ScenarioSpec.GaugeSpec g : spec.gauges()) {
      double[] p = metric(frame, g.position());
      if (grid.colOf(p[0]) < 0 || grid.rowOf(p[1]) < 0) {
        throw new IllegalArgumentException("gauge " + g.name() + " lies outside the terrain");
      }
      b.gauge(new Gauge(g.name(), p[0], p[1]));
    }
    for (SiteBuilding s : city.buildings()) {
      b.building(new BuildingFootprint(s.id(), s.footprint()));
    }
    return b.build();
  }

  /**
   * A point inflow on a blocked cell moved to the nearest open cell within {@link #SNAP_METRES}: a
   * breach is picked beside a building, and on a raster the wall cells of the building can cover
   * the spot (a cell is blocked when its centre lies in a footprint), while the water would run
   * along the wall.
   */
  private static Inflow openCellNear(Inflow point, double[] at, CityTerrain city, int index) {
    int cell = point.cells()[0];
    if (!city.blocked().contains(cell)) {
      return point;
    }
    GridGeometry grid = city.terrain().geometry();
    int reach = (int) Math.ceil(SNAP_METRES / grid.cellSizeMetres());
    int col0 = cell % grid.ncols();
    int row0 = cell / grid.ncols();
    int best = -1;
    double bestDistance = SNAP_METRES;
    for (int row = Math.max(0, row0 - reach);
        row <= Math.min(grid.nrows() - 1, row0 + reach);
        row++) {
      for (int col = Math.max(0, col0 - reach);
          col <= Math.min(grid.ncols() - 1, col0 + reach);
          col++) {
        int candidate = row * grid.ncols() + col;
        double distance = Math.hypot(grid.centreX(col) - at[0], grid.centreY(row) - at[1]);
        if (distance <= bestDistance && !city.blocked().contains(candidate)) {
          best = candidate;
          bestDistance = distance;
        }
      }
    }
    if (best < 0) {
      throw new IllegalArgumentException(
          "inflows["
              + index
              + "] falls on buildings, which block water, with no open cell within "
              + (int) SNAP_METRES
              + " m");
    }
    return new Inflow(new int[] {best}, point.flowCubicMetresPerSecond());
  }

  /** The inflow without the cells buildings block: water enters where it can. */
  private static Inflow openCells(Inflow inflow, CityTerrain city, int index) {
    int[] open = Arrays.stream(inflow.cells()).filter(c -> !city.blocked().contains(c)).toArray();
    if (open.length == 0) {
      throw new IllegalArgumentException(
          "inflows[" + index + "] falls entirely on buildings, which block water");
    }
    return new Inflow(open, inflow.flowCubicMetresPerSecond());
  }

  private static double[] metric(LocalMetricFrame frame, double[] lonLat)
      throws CoordinateConversionException {
    double[] xyz = {lonLat[0], lonLat[1], 0};
    frame.toMetric(xyz, 0, 1);
    return xyz;
  }
}
