package org.citytwin.terrain;

import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

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
    GridGeometry g = geometry();
    boolean[] blocked = new boolean[g.cellCount()];
    GeometryFactory factory = new GeometryFactory();
    for (Geometry footprint : footprints) {
      if (!(footprint instanceof Polygonal)) {
        throw new IllegalArgumentException(
            "footprint must be a Polygon or MultiPolygon, was " + footprint.getGeometryType());
      }
      PreparedGeometry prepared = PreparedGeometryFactory.prepare(footprint);
      Envelope e = footprint.getEnvelopeInternal();
      int c0 = Math.max(0, (int) Math.floor((e.getMinX() - g.originX()) / g.cellSizeMetres()));
      int c1 = Math.min(g.ncols() - 1, (int) ((e.getMaxX() - g.originX()) / g.cellSizeMetres()));
      double top = g.originY() + g.nrows() * g.cellSizeMetres();
      int r0 = Math.max(0, (int) Math.floor((top - e.getMaxY()) / g.cellSizeMetres()));
      int r1 = Math.min(g.nrows() - 1, (int) ((top - e.getMinY()) / g.cellSizeMetres()));
      for (int r = r0; r <= r1; r++) {
        for (int c = c0; c <= c1; c++) {
          Coordinate centre = new Coordinate(g.centreX(c), g.centreY(r));
          if (prepared.intersects(factory.createPoint(centre))) {
            blocked[r * g.ncols() + c] = true;
          }
        }
      }
    }
    return CellMask.of(g, blocked);
  }
}
