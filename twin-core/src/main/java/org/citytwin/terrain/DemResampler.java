package org.citytwin.terrain;

import java.util.Locale;
import java.util.Objects;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.crs.LocalMetricFrame;
import org.locationtech.jts.geom.Envelope;

/**
 * Puts a DEM on a flood run's grid (its cell size, origin and CRS).
 *
 * <p>To finer (or equal but shifted) cells it interpolates bilinearly between the four nearest
 * source cell centres, extrapolating linearly in the half cell along the DEM's edge: a DEM holds
 * point samples of a smooth surface, bilinear reproduces any plane exactly and adds no steps a
 * nearest-neighbour copy would (steps the solver would take for walls). To coarser cells it takes
 * the area average of the source cells under each target cell, weighted by overlap: the mean ground
 * height of a cell is what a finite-volume solver's cell stands for, and the average keeps the
 * ground volume (interpolating at the centre would alias ridges and channels away). A target cell
 * whose sources are all NODATA stays NODATA (a wall); where only some are, the valid ones are
 * averaged (bilinear: the valid ones of the four, weights renormalised, as long as the cell the
 * centre lies in has data).
 *
 * <p>When the DEM's CRS differs from the run's, each target point is carried to the DEM's CRS
 * through the {@code crs} package (run CRS to lon/lat to DEM CRS; exactly on a control lattice
 * every 8 cells, bilinearly in between, see {@code PointMap}) and sampled there: bilinear at the
 * cell centre, or the area average approximated by the mean of k × k evenly spread points of the
 * cell, each taking the source cell it falls in (k = twice the cell size ratio, at least 2).
 */
public final class DemResampler {

  /** How a DEM reached the run's grid. */
  public enum Method {
    /** The DEM already is the run's grid: copied. */
    NONE,
    BILINEAR,
    AREA_AVERAGE;

    String words() {
      return switch (this) {
        case NONE -> "as is";
        case BILINEAR -> "bilinear interpolation";
        case AREA_AVERAGE -> "area average";
      };
    }
  }

  /**
   * A DEM on the run's grid.
   *
   * @param raster the elevations on the run's grid, NaN for NODATA
   * @param method how they were made
   * @param sourceCellMetres the DEM's cell size
   * @param reprojected whether the DEM was carried from another CRS
   */
  public record Resampled(
      Raster raster, Method method, double sourceCellMetres, boolean reprojected) {
    public Resampled {
      Objects.requireNonNull(raster, "raster");
      Objects.requireNonNull(method, "method");
    }

    /** One line for logs and run status, e.g. "DEM resampled from 2 m to 5 m cells by ...". */
    public String describe() {
      GridGeometry g = raster.geometry();
      if (method == Method.NONE) {
        return String.format(
            Locale.ROOT,
            "DEM used as is: %d x %d cells of %s m",
            g.ncols(),
            g.nrows(),
            metres(g.cellSizeMetres()));
      }
      return String.format(
          Locale.ROOT,
          "%s%s: %d x %d cells",
          DemResampler.describe(sourceCellMetres, g.cellSizeMetres()),
          reprojected ? ", reprojected" : "",
          g.ncols(),
          g.nrows());
    }
  }

  /**
   * The method {@link #resample} takes from {@code sourceCell} to {@code targetCell} metres in
   * words, e.g. "DEM resampled from 2 m to 5 m cells by area average".
   */
  public static String describe(double sourceCell, double targetCell) {
    Method method = targetCell > sourceCell ? Method.AREA_AVERAGE : Method.BILINEAR;
    return "DEM resampled from "
        + metres(sourceCell)
        + " m to "
        + metres(targetCell)
        + " m cells by "
        + method.words();
  }

  private static String metres(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private DemResampler() {}

  /**
   * The run grid of {@code cellSize} metres over a DEM: in the run's CRS, around the DEM's extent
   * (its edges carried over when the CRSs differ), on the lattice of the cell size (origins at
   * multiples of it), like every grid a run builds from the city.
   */
  public static GridGeometry runGrid(
      GridGeometry dem, LocalMetricFrame demFrame, LocalMetricFrame runFrame, double cellSize)
      throws CoordinateConversionException {
    double x0 = dem.originX();
    double y0 = dem.originY();
    double w = dem.ncols() * dem.cellSizeMetres();
    double h = dem.nrows() * dem.cellSizeMetres();
    Envelope extent = new Envelope(x0, x0 + w, y0, y0 + h);
    if (!sameCrs(demFrame, runFrame)) {
      double[] xyz = dem.edgePoints(32);
      demFrame.fromMetric(xyz, 0, xyz.length / 3);
      runFrame.toMetric(xyz, 0, xyz.length / 3);
      extent = new Envelope();
      for (int i = 0; i < xyz.length; i += 3) {
        extent.expandToInclude(xyz[i], xyz[i + 1]);
      }
    }
    return CityTerrainBuilder.lattice(extent, cellSize);
  }

  /**
   * {@code dem} (in {@code demFrame}) on {@code target} (in {@code runFrame}); see the class for
   * the method chosen.
   */
  public static Resampled resample(
      Raster dem, LocalMetricFrame demFrame, GridGeometry target, LocalMetricFrame runFrame)
      throws CoordinateConversionException {
    GridGeometry source = dem.geometry();
    boolean same = sameCrs(demFrame, runFrame);
    if (same && source.equals(target)) {
      return new Resampled(dem, Method.NONE, source.cellSizeMetres(), false);
    }
    Method method =
        target.cellSizeMetres() > source.cellSizeMetres() ? Method.AREA_AVERAGE : Method.BILINEAR;
    float[] values = dem.values();
    float[] out = new float[target.cellCount()];
    if (same && method == Method.AREA_AVERAGE) {
      areaAverage(source, values, target, out);
    } else {
      int k =
          method == Method.BILINEAR
              ? 1
              : Math.max(2, (int) Math.ceil(2 * target.cellSizeMetres() / source.cellSizeMetres()));
      PointMap map = same ? null : PointMap.between(target, runFrame, demFrame);
      sampleRows(source, values, target, out, method, k, map);
    }
    return new Resampled(Raster.of(target, out), method, source.cellSizeMetres(), !same);
  }

  /** Whether two frames are the same CRS (by identifier; null counts as the other's). */
  private static boolean sameCrs(LocalMetricFrame a, LocalMetricFrame b) {
    return a == null || b == null || a.identifier().equals(b.identifier());
  }

  /** Exact overlap-weighted mean of the source cells under each target cell, same CRS. */
  private static void areaAverage(
      GridGeometry source, float[] values, GridGeometry target, float[] out) {
    double s = source.cellSizeMetres();
    double t = target.cellSizeMetres();
    double sourceTop = source.originY() + source.nrows() * s;
    for (int row = 0; row < target.nrows(); row++) {
      double north = target.originY() + (target.nrows() - row) * t;
      double south = north - t;
      // Source rows count down from the north edge.
      int r0 = Math.max(0, (int) Math.floor((sourceTop - north) / s));
      int r1 = Math.min(source.nrows() - 1, (int) Math.ceil((sourceTop - south) / s) - 1);
      for (int col = 0; col < target.ncols(); col++) {
        double west = target.originX() + col * t;
        double east = west + t;
        int c0 = Math.max(0, (int) Math.floor((west - source.originX()) / s));
        int c1 = Math.min(source.ncols() - 1, (int) Math.ceil((east - source.originX()) / s) - 1);
        double sum = 0;
        double weight = 0;
        for (int r = r0; r <= r1; r++) {
          double cellNorth = sourceTop - r * s;
          double dy = Math.min(north, cellNorth) - Math.max(south, cellNorth - s);
          if (dy <= 0) {
            continue;
          }
          for (int c = c0; c <= c1; c++) {
            float v = values[r * source.ncols() + c];
            if (Float.isNaN(v)) {
              continue;
            }
            double cellWest = source.originX() + c * s;
            double dx = Math.min(east, cellWest + s) - Math.max(west, cellWest);
            if (dx > 0) {
              sum += v * dx * dy;
              weight += dx * dy;
            }
          }
        }
        out[row * target.ncols() + col] = weight > 0 ? (float) (sum / weight) : Float.NaN;
      }
    }
  }

  /**
   * Bilinear at each target centre (k = 1), or the mean of k × k points per target cell, each the
   * source cell it falls in; points carried from the run's CRS to the DEM's by {@code map} when
   * given.
   */
  private static void sampleRows(
      GridGeometry source,
      float[] values,
      GridGeometry target,
      float[] out,
      Method method,
      int k,
      PointMap map) {
    double t = target.cellSizeMetres();
    int perRow = target.ncols() * k * k;
    double[] xyz = new double[perRow * 3];
    for (int row = 0; row < target.nrows(); row++) {
      double north = target.originY() + (target.nrows() - row) * t;
      int n = 0;
      for (int col = 0; col < target.ncols(); col++) {
        double west = target.originX() + col * t;
        for (int j = 0; j < k; j++) {
          for (int i = 0; i < k; i++) {
            xyz[n++] = west + (i + 0.5) * t / k;
            xyz[n++] = north - (j + 0.5) * t / k;
            xyz[n++] = 0;
          }
        }
      }
      if (map != null) {
        map.apply(xyz, perRow);
      }
      for (int col = 0; col < target.ncols(); col++) {
        int at = col * k * k * 3;
        float value;
        if (method == Method.BILINEAR) {
          value = bilinear(source, values, xyz[at], xyz[at + 1]);
        } else {
          double sum = 0;
          int count = 0;
          for (int p = 0; p < k * k; p++) {
            float v = cellValue(source, values, xyz[at + p * 3], xyz[at + p * 3 + 1]);
            if (!Float.isNaN(v)) {
              sum += v;
              count++;
            }
          }
          value = count > 0 ? (float) (sum / count) : Float.NaN;
        }
        out[row * target.ncols() + col] = value;
      }
    }
  }

  /**
   * Run-CRS points carried to the DEM's CRS: exactly (through the {@code crs} package) at a control
   * lattice every {@link #STEP} target cells, bilinearly in between. A map projection is smooth at
   * that scale (the second-order term over 8 cells of 20 m is about 0.5 mm, of 1 m a micrometre),
   * and a million-cell grid then needs some 16,000 transformations instead of one or a hundred per
   * cell (which took minutes).
   */
  private static final class PointMap {
    static final int STEP = 8;

    private final double originX;
    private final double top;
    private final double spacing;
    private final int columns;
    private final double[] mapped;

    private PointMap(double originX, double top, double spacing, int columns, double[] mapped) {
      this.originX = originX;
      this.top = top;
      this.spacing = spacing;
      this.columns = columns;
      this.mapped = mapped;
    }

    static PointMap between(GridGeometry target, LocalMetricFrame from, LocalMetricFrame to)
        throws CoordinateConversionException {
      double spacing = STEP * target.cellSizeMetres();
      double top = target.originY() + target.nrows() * target.cellSizeMetres();
      int columns = target.ncols() / STEP + 2;
      int rows = target.nrows() / STEP + 2;
      double[] xyz = new double[columns * rows * 3];
      for (int j = 0; j < rows; j++) {
        for (int i = 0; i < columns; i++) {
          int at = (j * columns + i) * 3;
          xyz[at] = target.originX() + i * spacing;
          xyz[at + 1] = top - j * spacing;
        }
      }
      from.fromMetric(xyz, 0, columns * rows);
      to.toMetric(xyz, 0, columns * rows);
      return new PointMap(target.originX(), top, spacing, columns, xyz);
    }

    /** Replaces the first {@code count} x, y, z triples of {@code xyz} by their mapped x, y. */
    void apply(double[] xyz, int count) {
      int rows = mapped.length / 3 / columns;
      for (int p = 0; p < count * 3; p += 3) {
        double u = (xyz[p] - originX) / spacing;
        double v = (top - xyz[p + 1]) / spacing;
        int i = Math.min(columns - 2, Math.max(0, (int) Math.floor(u)));
        int j = Math.min(rows - 2, Math.max(0, (int) Math.floor(v)));
        double fu = u - i;
        double fv = v - j;
        int a = (j * columns + i) * 3;
        int b = a + 3;
        int c = a + columns * 3;
        int d = c + 3;
        for (int axis = 0; axis < 2; axis++) {
          double north = mapped[a + axis] + fu * (mapped[b + axis] - mapped[a + axis]);
          double south = mapped[c + axis] + fu * (mapped[d + axis] - mapped[c + axis]);
          xyz[p + axis] = north + fv * (south - north);
        }
      }
    }
  }

  /** The value of the source cell containing (x, y); NaN outside the grid or on NODATA. */
  private static float cellValue(GridGeometry source, float[] values, double x, double y) {
    int col = source.colOf(x);
    int row = source.rowOf(y);
    return col < 0 || row < 0 ? Float.NaN : values[row * source.ncols() + col];
  }

  /**
   * Bilinear between the four cell centres nearest (x, y), extrapolated linearly in the half cell
   * along the edge; NaN outside the grid or where the cell containing the point is NODATA.
   */
  static float bilinear(GridGeometry source, float[] values, double x, double y) {
    int col = source.colOf(x);
    int row = source.rowOf(y);
    if (col < 0 || row < 0 || Float.isNaN(values[row * source.ncols() + col])) {
      return Float.NaN;
    }
    double s = source.cellSizeMetres();
    // Continuous positions in cell-centre units: column 0's centre at 0, row 0 (north) at 0.
    double fc = (x - source.originX()) / s - 0.5;
    double fr = (source.originY() + source.nrows() * s - y) / s - 0.5;
    int c0 =
        source.ncols() == 1 ? 0 : Math.min(source.ncols() - 2, Math.max(0, (int) Math.floor(fc)));
    int r0 =
        source.nrows() == 1 ? 0 : Math.min(source.nrows() - 2, Math.max(0, (int) Math.floor(fr)));
    int c1 = Math.min(source.ncols() - 1, c0 + 1);
    int r1 = Math.min(source.nrows() - 1, r0 + 1);
    double tc = c1 == c0 ? 0 : fc - c0;
    double tr = r1 == r0 ? 0 : fr - r0;
    int n = source.ncols();
    float v00 = values[r0 * n + c0];
    float v01 = values[r0 * n + c1];
    float v10 = values[r1 * n + c0];
    float v11 = values[r1 * n + c1];
    if (!Float.isNaN(v00) && !Float.isNaN(v01) && !Float.isNaN(v10) && !Float.isNaN(v11)) {
      double top = v00 + tc * (v01 - v00);
      double bottom = v10 + tc * (v11 - v10);
      return (float) (top + tr * (bottom - top));
    }
    // Some neighbours are NODATA: the valid ones, weighted as bilinear would inside the cell
    // (weights clamped to 0..1, so no extrapolation from a lone value), renormalised.
    double wc = Math.min(1, Math.max(0, tc));
    double wr = Math.min(1, Math.max(0, tr));
    double[] weights = {(1 - wc) * (1 - wr), wc * (1 - wr), (1 - wc) * wr, wc * wr};
    float[] corners = {v00, v01, v10, v11};
    double sum = 0;
    double weight = 0;
    for (int i = 0; i < 4; i++) {
      if (!Float.isNaN(corners[i])) {
        sum += corners[i] * weights[i];
        weight += weights[i];
      }
    }
    return weight > 0 ? (float) (sum / weight) : values[row * n + col];
  }
}
