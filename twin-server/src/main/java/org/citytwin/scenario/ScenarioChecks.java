package org.citytwin.scenario;

import java.util.EnumSet;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Envelope3D;
import org.citytwin.query.Filter;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;

/**
 * The checks of a scenario before it runs, the same for a server run and a scenario file: the
 * grid's size, every position inside the simulated area, every polygon holding a cell.
 */
public final class ScenarioChecks {
  /** Lowest height or level a grid or scenario may give, metres. */
  public static final double MIN_VALUE = -1000;

  /** Highest height or level a grid or scenario may give, metres. */
  public static final double MAX_VALUE = 10_000;

  private ScenarioChecks() {}

  /**
   * The checks of a scenario before it runs, the same for a server run and a scenario file: the
   * grid's size, every position inside the simulated area, every polygon holding a cell.
   *
   * @throws ScenarioRejected naming the field
   */
  public static void check(ScenarioSpec spec, TwinStore store) throws StoreException {
    Filter.BboxIntersects area = area(spec, store);
    checkSize(spec, area);
    checkPositions(spec, area);
    ScenarioCoverage.check(spec, store);
  }

  private static Filter.BboxIntersects area(ScenarioSpec spec, TwinStore store)
      throws StoreException {
    if (spec.area() != null) {
      return spec.area();
    }
    if (spec.dem() != null) {
      return spec.dem().lonLatBox();
    }
    Envelope3D e =
        store
            .extent(new Filter.TypeIn(EnumSet.of(CityObjectType.BUILDING, CityObjectType.RELIEF)))
            .orElseThrow(
                () -> ScenarioRejected.whole("the store holds no buildings or relief to flood"));
    return new Filter.BboxIntersects(e.minLon(), e.minLat(), e.maxLon(), e.maxLat());
  }

  /** Most cells a run may have (about 16 MB per float field; the solver keeps about a dozen). */
  public static final long MAX_CELLS = 4_000_000;

  /** Most values kept in a run's snapshots (4 bytes each: 400 MB). */
  public static final long MAX_SNAPSHOT_VALUES = 100_000_000;

  /** Grids per output time held in memory: depth, speed and the two velocity components. */
  static final int GRIDS_PER_SNAPSHOT = 4;

  /** Refuses areas whose grid would be too large, estimated on a sphere (within about 1 %). */
  static void checkSize(ScenarioSpec spec, Filter.BboxIntersects a) {
    double midLat = Math.toRadians((a.minLat() + a.maxLat()) / 2);
    double width = (a.maxLon() - a.minLon()) * 111_320 * Math.cos(midLat);
    double height = (a.maxLat() - a.minLat()) * 110_574;
    double cells =
        spec.dem() != null
            ? spec.dem().geometry().cellCount()
                * Math.pow(spec.dem().geometry().cellSizeMetres() / spec.cellSizeMetres(), 2)
            : width * height / (spec.cellSizeMetres() * spec.cellSizeMetres());
    if (cells > MAX_CELLS) {
      throw ScenarioRejected.field(
          spec.area() != null ? "bbox" : "cellSize",
          String.format(
              java.util.Locale.ROOT,
              "the area (%.0f m x %.0f m) at %.1f m cells needs about %.0f cells; at most %d:"
                  + " choose a smaller bbox or larger cells",
              width,
              height,
              spec.cellSizeMetres(),
              cells,
              MAX_CELLS));
    }
    double snapshots =
        spec.outputIntervalSeconds() > 0
            ? Math.ceil(spec.durationSeconds() / spec.outputIntervalSeconds())
            : 0;
    if (cells * snapshots * GRIDS_PER_SNAPSHOT > MAX_SNAPSHOT_VALUES) {
      throw ScenarioRejected.field(
          "outputInterval",
          String.format(
              java.util.Locale.ROOT,
              "%.0f snapshots (depth and velocity, 4 grids each) of about %.0f cells would hold"
                  + " %.0f MB; at most %d MB are"
                  + " kept per run: choose a longer outputInterval, larger cells or a smaller bbox",
              snapshots,
              cells,
              cells * snapshots * GRIDS_PER_SNAPSHOT * 4 / 1e6,
              MAX_SNAPSHOT_VALUES * 4 / 1_000_000));
    }
  }

  /** Refuses positions outside the simulated area, naming the field. */
  static void checkPositions(ScenarioSpec spec, Filter.BboxIntersects area) {
    for (int i = 0; i < spec.inflows().size(); i++) {
      ScenarioSpec.InflowSpec in = spec.inflows().get(i);
      inside(area, in.from(), "inflows[" + i + "]");
      inside(area, in.to(), "inflows[" + i + "]");
    }
    for (int i = 0; i < spec.gauges().size(); i++) {
      inside(area, spec.gauges().get(i).position(), "gauges[" + i + "].point");
    }
    for (int i = 0; i < spec.rainZones().size(); i++) {
      inside(area, spec.rainZones().get(i).polygon(), "rainZones[" + i + "].polygon");
    }
    for (int i = 0; i < spec.stages().size(); i++) {
      if (spec.stages().get(i).line() != null) {
        inside(area, spec.stages().get(i).line(), "stages[" + i + "].line");
      }
    }
    for (int i = 0; i < spec.initialLevels().size(); i++) {
      inside(area, spec.initialLevels().get(i).polygon(), "initialLevels[" + i + "].polygon");
    }
  }

  private static void inside(Filter.BboxIntersects a, double[][] positions, String field) {
    for (int k = 0; k < positions.length; k++) {
      inside(a, positions[k], field + "[" + k + "]");
    }
  }

  private static void inside(Filter.BboxIntersects a, double[] p, String field) {
    if (p[0] < a.minLon() || p[0] > a.maxLon() || p[1] < a.minLat() || p[1] > a.maxLat()) {
      throw ScenarioRejected.field(
          field,
          String.format(
              java.util.Locale.ROOT,
              "%s (%.6f, %.6f) lies outside the simulated area %.6f,%.6f,%.6f,%.6f",
              field,
              p[0],
              p[1],
              a.minLon(),
              a.minLat(),
              a.maxLon(),
              a.maxLat()));
    }
  }
}
