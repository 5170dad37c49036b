package org.citytwin.terrain;

import java.util.Arrays;
import java.util.Objects;

/**
 * A float value per cell of a {@link GridGeometry}; {@link Float#NaN} means NODATA. The values are
 * copied in and out, so a raster never changes once made.
 */
public final class Raster {
  private final GridGeometry geometry;
  private final float[] values;

  private Raster(GridGeometry geometry, float[] values) {
    this.geometry = geometry;
    this.values = values;
  }

  /** A raster holding a copy of {@code values}, in row-major order with row 0 northernmost. */
  public static Raster of(GridGeometry geometry, float[] values) {
    Objects.requireNonNull(geometry, "geometry");
    if (values.length != geometry.cellCount()) {
      throw new IllegalArgumentException(
          values.length
              + " values do not fill a "
              + geometry.ncols()
              + " x "
              + geometry.nrows()
              + " grid");
    }
    return new Raster(geometry, values.clone());
  }

  /** A raster with every cell set to {@code value}. */
  public static Raster filled(GridGeometry geometry, float value) {
    float[] values = new float[geometry.cellCount()];
    Arrays.fill(values, value);
    return new Raster(geometry, values);
  }

  public GridGeometry geometry() {
    return geometry;
  }

  /** The value at a flat index; NaN for NODATA. */
  public float value(int index) {
    return values[index];
  }

  /** The value at a column and row; NaN for NODATA. */
  public float value(int col, int row) {
    return values[row * geometry.ncols() + col];
  }

  /** A copy of the values in row-major order. */
  public float[] values() {
    return values.clone();
  }

  /** Whether the cell at a flat index holds data. */
  public boolean hasData(int index) {
    return !Float.isNaN(values[index]);
  }
}
