package org.citytwin.terrain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.model.CityObject;
import org.citytwin.model.LodGeometry;
import org.citytwin.model.Polygon3D;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Collects what {@link CityTerrainBuilder} needs from city objects in lon/lat (building ground
 * points, footprints and heights; relief triangles), then moves it all into the metric frame at
 * once in {@link #finish()}.
 */
final class CitySamples {
  private final LocalMetricFrame frame;
  private final Growable ground = new Growable();
  private final Growable triangles = new Growable();
  private final List<SiteBuilding> lonLatBuildings = new ArrayList<>();
  private final List<SiteBuilding> buildings = new ArrayList<>();
  private final Envelope extent = new Envelope();
  private int withoutLod1;

  CitySamples(LocalMetricFrame frame) {
    this.frame = frame;
  }

  /** Adds a building's LOD1 bottom vertices and footprint; one without LOD1 is counted. */
  void addBuilding(CityObject object) {
    List<double[]> rings = CityTerrainBuilder.lod1Rings(object);
    Geometry footprint = CityTerrainBuilder.footprintOf(object);
    if (rings.isEmpty() || footprint == null || footprint.isEmpty()) {
      withoutLod1++;
      return;
    }
    double bottom = Double.POSITIVE_INFINITY;
    double top = Double.NEGATIVE_INFINITY;
    for (double[] ring : rings) {
      for (int i = 2; i < ring.length; i += 3) {
        bottom = Math.min(bottom, ring[i]);
        top = Math.max(top, ring[i]);
      }
    }
    for (double[] ring : rings) {
      for (int i = 0; i < ring.length; i += 3) {
        if (ring[i + 2] <= bottom + CityTerrainBuilder.BOTTOM_TOLERANCE_METRES) {
          ground.add(ring[i], ring[i + 1], bottom);
        }
      }
    }
    try {
      lonLatBuildings.add(new SiteBuilding(object.gmlId(), footprint, footprint, bottom, top));
    } catch (IllegalArgumentException e) {
      withoutLod1++; // a footprint that is not polygonal (no surfaces): not an obstacle
    }
  }

  /** Adds the surfaces of a relief object, split into triangles (fans for larger polygons). */
  void addRelief(CityObject object) {
    for (LodGeometry g : object.geometries()) {
      if (!g.isSurface()) {
        continue;
      }
      for (Polygon3D p : g.polygons()) {
        double[] r = p.exterior();
        for (int v = 2; v < r.length / 3; v++) {
          triangles.add(r[0], r[1], r[2]);
          triangles.add(r[3 * v - 3], r[3 * v - 2], r[3 * v - 1]);
          triangles.add(r[3 * v], r[3 * v + 1], r[3 * v + 2]);
        }
      }
    }
  }

  /** Transforms everything into the metric frame. */
  void finish() throws CoordinateConversionException {
    ground.toMetric(frame);
    triangles.toMetric(frame);
    for (SiteBuilding b : lonLatBuildings) {
      Geometry metric = toMetric(b.footprint());
      extent.expandToInclude(metric.getEnvelopeInternal());
      buildings.add(
          new SiteBuilding(
              b.id(), metric, b.footprint(), b.groundHeightMetres(), b.roofHeightMetres()));
    }
    double[] t = triangles.values();
    for (int i = 0; i < t.length; i += 3) {
      extent.expandToInclude(t[i], t[i + 1]);
    }
  }

  private Geometry toMetric(Geometry lonLat) throws CoordinateConversionException {
    return toMetric(frame, lonLat);
  }

  /** A copy of a lon/lat geometry with its vertices carried into {@code frame}. */
  static Geometry toMetric(LocalMetricFrame frame, Geometry lonLat)
      throws CoordinateConversionException {
    Geometry copy = lonLat.copy();
    double[] xyz = new double[copy.getNumPoints() * 3];
    int[] k = {0};
    copy.apply(
        sequences(
            (seq, i) -> {
              xyz[k[0]++] = seq.getX(i);
              xyz[k[0]++] = seq.getY(i);
              xyz[k[0]++] = 0;
            }));
    frame.toMetric(xyz, 0, xyz.length / 3);
    k[0] = 0;
    copy.apply(
        sequences(
            (seq, i) -> {
              seq.setOrdinate(i, 0, xyz[k[0]]);
              seq.setOrdinate(i, 1, xyz[k[0] + 1]);
              k[0] += 3;
            }));
    copy.geometryChanged();
    return copy;
  }

  private interface CoordinateVisitor {
    void visit(CoordinateSequence seq, int i);
  }

  private static CoordinateSequenceFilter sequences(CoordinateVisitor visitor) {
    return new CoordinateSequenceFilter() {
      @Override
      public void filter(CoordinateSequence seq, int i) {
        visitor.visit(seq, i);
      }

      @Override
      public boolean isDone() {
        return false;
      }

      @Override
      public boolean isGeometryChanged() {
        return true;
      }
    };
  }

  Envelope extent() {
    return extent;
  }

  double[] groundPoints() {
    return ground.values();
  }

  double[] reliefTriangles() {
    return triangles.values();
  }

  int withoutLod1() {
    return withoutLod1;
  }

  /** The buildings whose footprint touches the grid. */
  List<SiteBuilding> buildingsInside(GridGeometry grid) {
    Envelope g =
        new Envelope(
            grid.originX(),
            grid.originX() + grid.ncols() * grid.cellSizeMetres(),
            grid.originY(),
            grid.originY() + grid.nrows() * grid.cellSizeMetres());
    return buildings.stream()
        .filter(b -> g.intersects(b.footprint().getEnvelopeInternal()))
        .toList();
  }

  /** A growing array of x, y, z triples. */
  private static final class Growable {
    private double[] values = new double[3 * 1024];
    private int size;

    void add(double x, double y, double z) {
      if (size + 3 > values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      values[size++] = x;
      values[size++] = y;
      values[size++] = z;
    }

    void toMetric(LocalMetricFrame frame) throws CoordinateConversionException {
      if (size > 0) {
        frame.toMetric(values, 0, size / 3);
      }
    }

    double[] values() {
      return Arrays.copyOf(values, size);
    }
  }
}
