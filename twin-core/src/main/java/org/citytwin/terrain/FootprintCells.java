package org.citytwin.terrain;

import java.util.function.IntConsumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/** The cells of a grid whose centre lies inside (or on the boundary of) a footprint. */
final class FootprintCells {
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private FootprintCells() {}

  /**
   * Calls {@code sink} with the flat index of each cell whose centre is in {@code footprint}.
   *
   * @throws IllegalArgumentException when the footprint is not a (Multi)Polygon
   */
  static void forEach(GridGeometry g, Geometry footprint, IntConsumer sink) {
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
        if (prepared.intersects(FACTORY.createPoint(centre))) {
          sink.accept(r * g.ncols() + c);
        }
      }
    }
  }
}
