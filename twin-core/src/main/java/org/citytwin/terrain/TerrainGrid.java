package org.citytwin.terrain;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A digital elevation model: ground elevations in metres on a square grid in a metric projected
 * CRS, NODATA cells as {@link Float#NaN} (the solver treats them as walls). Immutable.
 */
public final class TerrainGrid {
  private final Raster elevations;

  private TerrainGrid(Raster elevations) {
    this.elevations = elevations;
  }

  /** A terrain over the elevations of {@code raster}, in metres. */
  public static TerrainGrid of(Raster raster) {
    return new TerrainGrid(Objects.requireNonNull(raster, "raster"));
  }

  /** A terrain from row-major elevations (row 0 northernmost), copied. */
  public static TerrainGrid of(GridGeometry geometry, float[] elevationsMetres) {
    return new TerrainGrid(Raster.of(geometry, elevationsMetres));
  }

  /** A flat terrain at {@code elevationMetres}. */
  public static TerrainGrid flat(GridGeometry geometry, float elevationMetres) {
    return new TerrainGrid(Raster.filled(geometry, elevationMetres));
  }

  public GridGeometry geometry() {
    return elevations.geometry();
  }

  /** Elevations as a raster. */
  public Raster raster() {
    return elevations;
  }

  /** Elevation at a column and row, metres; NaN for NODATA. */
  public float elevation(int col, int row) {
    return elevations.value(col, row);
  }

  /** A copy of the elevations in row-major order. */
  public float[] elevations() {
    return elevations.values();
  }

  /**
   * Cells whose centre lies inside (or on the boundary of) any of the footprints, for instance
   * buildings that water must flow around. Footprints must be in this grid's CRS; non-polygonal
   * geometries are rejected.
   */
  public CellMask blockedBy(Iterable<? extends Geometry> footprints) {
    return CellMask.within(geometry(), footprints);
  }
}
