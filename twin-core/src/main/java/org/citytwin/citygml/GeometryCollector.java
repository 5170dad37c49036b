package org.citytwin.citygml;

import java.util.ArrayList;
import java.util.List;
import org.citytwin.model.Polygon3D;
import org.xmlobjects.gml.model.base.AbstractInlineOrByReferenceProperty;
import org.xmlobjects.gml.model.geometry.AbstractGeometry;
import org.xmlobjects.gml.model.geometry.primitives.AbstractRing;
import org.xmlobjects.gml.model.geometry.primitives.AbstractRingProperty;
import org.xmlobjects.gml.model.geometry.primitives.LineString;
import org.xmlobjects.gml.model.geometry.primitives.Point;
import org.xmlobjects.gml.model.geometry.primitives.Polygon;
import org.xmlobjects.gml.model.geometry.primitives.PolygonPatch;
import org.xmlobjects.gml.model.geometry.primitives.Triangle;
import org.xmlobjects.gml.visitor.GeometryWalker;

/**
 * Walks one GML geometry (solid, multi-surface, TIN, curve...) and collects its polygons, curves
 * and points as canonical-frame rings. Coordinates are converted with the CRS in effect for the
 * geometry; problems (dangling references, zero vertices, curved rings) are counted, not thrown.
 */
final class GeometryCollector extends GeometryWalker {
  private final CrsContext crs;
  private final IssueCounts issues;
  private final String ownerId;
  private final List<Polygon3D> surfaces = new ArrayList<>();
  private final List<Polygon3D> curves = new ArrayList<>();
  private final List<Polygon3D> points = new ArrayList<>();
  private CrsContext.Converter converter;

  GeometryCollector(CrsContext crs, IssueCounts issues, String ownerId) {
    this.crs = crs;
    this.issues = issues;
    this.ownerId = ownerId;
  }

  /** Collects {@code geometry}, whose CRS is its own srsName or the inherited one. */
  void collect(AbstractGeometry geometry) throws CityGmlFormatException {
    converter = crs.converterFor(geometry);
    geometry.accept(this);
  }

  List<Polygon3D> surfaces() {
    return surfaces;
  }

  List<Polygon3D> curves() {
    return curves;
  }

  List<Polygon3D> points() {
    return points;
  }

  @Override
  public void visit(AbstractInlineOrByReferenceProperty<?> property) {
    if (property.getObject() == null && property.getHref() != null) {
      issues.add(IssueKind.DANGLING_XLINK, ownerId + " -> " + property.getHref());
      return;
    }
    super.visit(property);
  }

  @Override
  public void visit(Polygon polygon) {
    addSurface(polygon.getExterior(), polygon.getInterior(), polygon.getId());
  }

  @Override
  public void visit(PolygonPatch patch) {
    addSurface(patch.getExterior(), patch.getInterior(), ownerId);
  }

  @Override
  public void visit(Triangle triangle) {
    addSurface(triangle.getExterior(), List.of(), ownerId);
  }

  @Override
  public void visit(LineString lineString) {
    double[] coordinates = convert(lineString.getControlPoints().toCoordinateList3D(), false);
    if (coordinates != null) {
      curves.add(new Polygon3D(List.of(coordinates)));
    }
  }

  @Override
  public void visit(Point point) {
    double[] coordinates = convert(point.toCoordinateList3D(), false);
    if (coordinates != null) {
      points.add(new Polygon3D(List.of(coordinates)));
    }
  }

  private void addSurface(
      AbstractRingProperty exterior, List<AbstractRingProperty> interiors, String polygonId) {
    String where = polygonId != null ? polygonId : ownerId;
    List<double[]> rings = new ArrayList<>(1 + interiors.size());
    double[] shell = ring(exterior, where);
    if (shell == null) {
      return;
    }
    rings.add(shell);
    for (AbstractRingProperty interior : interiors) {
      double[] hole = ring(interior, where);
      if (hole == null) {
        return;
      }
      rings.add(hole);
    }
    surfaces.add(new Polygon3D(rings));
  }

  /** The ring's converted coordinates, or null when the whole polygon must be left out. */
  private double[] ring(AbstractRingProperty property, String where) {
    if (property == null || property.getObject() == null) {
      issues.add(IssueKind.UNSUPPORTED_GEOMETRY, where + ": polygon without exterior ring");
      return null;
    }
    AbstractRing ring = property.getObject();
    List<Double> coordinates = ring.toCoordinateList3D();
    if (coordinates.size() < 9) {
      issues.add(
          IssueKind.TOO_FEW_POINTS, where + ": ring with " + coordinates.size() / 3 + " vertices");
      return null;
    }
    if (hasZeroVertex(coordinates)) {
      issues.add(IssueKind.ZERO_COORDINATES, where);
      return null;
    }
    return convert(coordinates, true);
  }

  private static boolean hasZeroVertex(List<Double> coordinates) {
    for (int i = 0; i + 2 < coordinates.size(); i += 3) {
      if (coordinates.get(i) == 0 && coordinates.get(i + 1) == 0 && coordinates.get(i + 2) == 0) {
        return true;
      }
    }
    return false;
  }

  /** Converts to the canonical frame, dropping a closing vertex that repeats the first. */
  private double[] convert(List<Double> coordinates, boolean closed) {
    int count = coordinates.size() / 3;
    if (closed && count > 1 && sameVertex(coordinates, 0, count - 1)) {
      count--;
    }
    if (count == 0) {
      return null;
    }
    double[] xyz = new double[count * 3];
    for (int i = 0; i < xyz.length; i++) {
      xyz[i] = coordinates.get(i);
    }
    if (!converter.toCanonical(xyz)) {
      issues.add(IssueKind.COORDINATE_OUT_OF_RANGE, ownerId);
      return null;
    }
    return xyz;
  }

  private static boolean sameVertex(List<Double> coordinates, int a, int b) {
    return coordinates.get(a * 3).equals(coordinates.get(b * 3))
        && coordinates.get(a * 3 + 1).equals(coordinates.get(b * 3 + 1))
        && coordinates.get(a * 3 + 2).equals(coordinates.get(b * 3 + 2));
  }
}
