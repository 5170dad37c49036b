package org.citytwin.scenario;

import java.time.Instant;
import java.util.Objects;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.query.Filter;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.Raster;

/**
 * A raster a client uploaded ({@code POST /flood/dems}): a DEM for a run's terrain, or water levels
 * for its initial state. Immutable; kept in memory by {@code UploadedGrids} (in {@code
 * http.flood}).
 *
 * @param id the grid's id in URLs and scenarios
 * @param format {@code geotiff} or {@code ascii}
 * @param raster the values (metres), NaN for NODATA
 * @param frame the raster's projected CRS
 * @param lonLatBox the CRS84 box around the raster
 * @param bytes size of the uploaded file
 */
public record UploadedGrid(
    String id,
    String format,
    Raster raster,
    LocalMetricFrame frame,
    Filter.BboxIntersects lonLatBox,
    long bytes,
    Instant created) {
  public UploadedGrid {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(raster, "raster");
    Objects.requireNonNull(frame, "frame");
    Objects.requireNonNull(lonLatBox, "lonLatBox");
  }

  public GridGeometry geometry() {
    return raster.geometry();
  }

  /** Cells with data. */
  public int dataCells() {
    int n = 0;
    for (int i = 0; i < raster.geometry().cellCount(); i++) {
      n += raster.hasData(i) ? 1 : 0;
    }
    return n;
  }

  /** {@code [min, max]} of the values with data. */
  public double[] range() {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < raster.geometry().cellCount(); i++) {
      if (raster.hasData(i)) {
        min = Math.min(min, raster.value(i));
        max = Math.max(max, raster.value(i));
      }
    }
    return new double[] {min, max};
  }
}
