package org.citytwin.flood;

import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.Raster;
import org.citytwin.terrain.TerrainGrid;

/** Fills an {@link InertialKernel} from a scenario and maps forcing onto cells. */
final class KernelSetup {
  private KernelSetup() {}

  static InertialKernel kernel(FloodScenario s) {
    GridGeometry g = s.terrain().geometry();
    InertialKernel k =
        new InertialKernel(
            g.ncols(),
            g.nrows(),
            g.cellSizeMetres(),
            s.theta(),
            s.depthThresholdMetres(),
            s.inundationDepthMetres());
    TerrainGrid terrain = s.terrain();
    Raster level = s.initialWaterLevel();
    for (int i = 0; i < g.cellCount(); i++) {
      float z = terrain.raster().value(i);
      k.wall[i] = Float.isNaN(z) || s.blocked().contains(i);
      k.open[i] = k.wall[i] ? 0f : 1f;
      k.z[i] = Float.isNaN(z) ? 0f : z;
      float n = s.manning().value(i);
      k.n2[i] = Float.isNaN(n) ? 0f : n * n;
      if (!k.wall[i] && level != null && level.value(i) > z) {
        k.h[i] = level.value(i) - z;
        k.maxDepth[i] = k.h[i];
        if (k.h[i] >= k.inundation) {
          k.firstWet[i] = 0f;
        }
      }
    }
    for (Edge e : Edge.values()) {
      k.edgeKind[e.ordinal()] =
          s.openEdges().contains(e) ? InertialKernel.OPEN : InertialKernel.CLOSED;
    }
    for (StageBoundary b : s.stages()) {
      k.edgeKind[b.edge().ordinal()] = InertialKernel.STAGE;
    }
    return k;
  }

  static int[][] inflowCells(FloodScenario s, InertialKernel k) {
    int[][] cells = new int[s.inflows().size()][];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = s.inflows().get(i).cells();
      for (int cell : cells[i]) {
        if (cell < 0 || cell >= k.h.length || k.wall[cell]) {
          throw new IllegalArgumentException(
              "inflow " + i + " enters cell " + cell + ", which is outside the grid or a wall");
        }
      }
    }
    return cells;
  }

  /** The cells of each rain zone that hold water (walls get no rain). */
  static int[][] rainZoneCells(FloodScenario s, InertialKernel k) {
    return s.rainZones().stream().map(z -> openCells(z.cells(), k)).toArray(int[][]::new);
  }

  /** The cells under each stage line that hold water (a building on the line blocks it there). */
  static int[][] stageLineCells(FloodScenario s, InertialKernel k) {
    return s.stageLines().stream().map(l -> openCells(l.cells(), k)).toArray(int[][]::new);
  }

  private static int[] openCells(int[] cells, InertialKernel k) {
    return java.util.Arrays.stream(cells).filter(c -> !k.wall[c]).toArray();
  }

  static int[] gaugeCells(FloodScenario s) {
    GridGeometry g = s.terrain().geometry();
    return s.gauges().stream().mapToInt(gauge -> g.cellAt(gauge.x(), gauge.y())).toArray();
  }

  static int activeCells(InertialKernel k) {
    int n = 0;
    for (boolean w : k.wall) {
      n += w ? 0 : 1;
    }
    return n;
  }

  /** Sets the ghost water levels of staged edges for time {@code t}. */
  static void setStages(FloodScenario s, InertialKernel k, double t) {
    for (StageBoundary b : s.stages()) {
      k.edgeStage[b.edge().ordinal()] = b.stageMetres().valueAt(t);
    }
  }

  /**
   * The largest depth a staged edge may impose (highest stage over the series minus the lowest bed
   * on the edge), so the time step is stable for water flowing in.
   */
  static double maxStageDepth(FloodScenario s, InertialKernel k) {
    double depth = 0;
    for (StageBoundary b : s.stages()) {
      double lowest = Double.POSITIVE_INFINITY;
      for (int i : edgeCells(b.edge(), k.nc, k.nr)) {
        if (!k.wall[i]) {
          lowest = Math.min(lowest, k.z[i]);
        }
      }
      double highest = Double.NEGATIVE_INFINITY;
      double end = Math.max(s.durationSeconds(), b.stageMetres().endSeconds());
      for (int step = 0; step <= 1000; step++) {
        highest = Math.max(highest, b.stageMetres().valueAt(end * step / 1000));
      }
      depth = Math.max(depth, highest - lowest);
    }
    for (StageLine line : s.stageLines()) {
      double lowest = Double.POSITIVE_INFINITY;
      for (int i : line.cells()) {
        if (!k.wall[i]) {
          lowest = Math.min(lowest, k.z[i]);
        }
      }
      depth = Math.max(depth, highest(line.stageMetres(), s.durationSeconds()) - lowest);
    }
    return depth;
  }

  /** The highest value of a series over a run, sampled finely (the series is piecewise linear). */
  private static double highest(TimeSeries series, double duration) {
    double highest = Double.NEGATIVE_INFINITY;
    double end = Math.max(duration, series.endSeconds());
    for (int step = 0; step <= 1000; step++) {
      highest = Math.max(highest, series.valueAt(end * step / 1000));
    }
    return highest;
  }

  static int[] edgeCells(Edge edge, int nc, int nr) {
    return switch (edge) {
      case WEST -> java.util.stream.IntStream.range(0, nr).map(r -> r * nc).toArray();
      case EAST -> java.util.stream.IntStream.range(0, nr).map(r -> r * nc + nc - 1).toArray();
      case NORTH -> java.util.stream.IntStream.range(0, nc).toArray();
      case SOUTH -> java.util.stream.IntStream.range(0, nc).map(c -> (nr - 1) * nc + c).toArray();
    };
  }

  /** A copy of a per-cell field with NODATA terrain cells set to NaN. */
  static float[] depthWithNoData(FloodScenario s, float[] field) {
    float[] copy = field.clone();
    Raster z = s.terrain().raster();
    for (int i = 0; i < copy.length; i++) {
      if (!z.hasData(i)) {
        copy[i] = Float.NaN;
      }
    }
    return copy;
  }
}
