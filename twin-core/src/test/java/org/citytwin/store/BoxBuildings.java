package org.citytwin.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.CityObject;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.DerivedShape;
import org.citytwin.model.Envelope3D;
import org.citytwin.model.LodGeometry;
import org.citytwin.model.Mesh;
import org.citytwin.model.Polygon3D;
import org.citytwin.model.RiskAttribute;
import org.citytwin.model.SurfaceRole;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Synthetic box buildings, and deep comparison of objects whose records hold arrays. */
final class BoxBuildings {

  static final double METRES_PER_DEGREE_LAT = 111_195.0;
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private BoxBuildings() {}

  /**
   * An axis-aligned box building: LOD0 footprint, LOD1 solid (walls and roof), one LOD1 mesh, and a
   * derived shape consistent with them.
   */
  static CityObject box(
      String gmlId,
      double lon,
      double lat,
      double widthMetres,
      double depthMetres,
      double groundMetres,
      double heightMetres,
      Map<String, AttributeValue> attributes,
      List<RiskAttribute> risks) {
    double halfLon = widthMetres / 2 / (METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(lat)));
    double halfLat = depthMetres / 2 / METRES_PER_DEGREE_LAT;
    double w = lon - halfLon;
    double e = lon + halfLon;
    double s = lat - halfLat;
    double n = lat + halfLat;
    double roof = groundMetres + heightMetres;
    LodGeometry lod0 =
        new LodGeometry(0, SurfaceRole.FOOTPRINT, false, List.of(ring(w, s, e, n, groundMetres)));
    List<Polygon3D> shell = new ArrayList<>();
    shell.add(ring(w, s, e, n, roof));
    shell.add(
        new Polygon3D(
            List.of(
                new double[] {w, s, groundMetres, e, s, groundMetres, e, s, roof, w, s, roof})));
    LodGeometry lod1 = new LodGeometry(1, SurfaceRole.SHELL, true, shell);
    Mesh mesh =
        new Mesh(
            1,
            new double[] {w, s, roof, e, s, roof, e, n, roof, w, n, roof},
            new int[] {0, 1, 2, 0, 2, 3});
    Polygon footprint =
        FACTORY.createPolygon(
            new Coordinate[] {
              new Coordinate(w, s),
              new Coordinate(e, s),
              new Coordinate(e, n),
              new Coordinate(w, n),
              new Coordinate(w, s)
            });
    DerivedShape shape =
        new DerivedShape(
            footprint,
            Envelope3D.of(w, s, groundMetres, e, n, roof),
            groundMetres,
            roof,
            heightMetres,
            widthMetres * depthMetres,
            List.of(mesh));
    return new CityObject(
        gmlId,
        CityObjectType.BUILDING,
        "bldg:Building",
        null,
        attributes,
        risks,
        List.of(lod0, lod1),
        shape);
  }

  private static Polygon3D ring(double w, double s, double e, double n, double h) {
    return new Polygon3D(List.of(new double[] {w, s, h, e, s, h, e, n, h, w, n, h}));
  }

  /** A text form with array contents spelled out, equal exactly when the objects are. */
  static String deep(CityObject object) {
    StringBuilder text = new StringBuilder();
    text.append(object.gmlId()).append('|').append(object.type()).append('|');
    text.append(object.featureType()).append('|').append(object.parentId()).append('|');
    text.append(object.attributes()).append('|').append(object.risks()).append('|');
    for (LodGeometry geometry : object.geometries()) {
      text.append(geometry.lod()).append(geometry.role()).append(geometry.solid());
      geometry.polygons().forEach(p -> p.rings().forEach(r -> text.append(Arrays.toString(r))));
    }
    DerivedShape shape = object.shape();
    if (shape != null) {
      text.append('|').append(shape.footprint().toText()).append(shape.envelope());
      text.append(shape.groundHeightMetres()).append(',').append(shape.roofHeightMetres());
      text.append(',').append(shape.heightMetres()).append(',');
      text.append(shape.footprintAreaSquareMetres());
      for (Mesh mesh : shape.meshes()) {
        text.append(mesh.lod()).append(Arrays.toString(mesh.positions()));
        text.append(Arrays.toString(mesh.indices()));
      }
    }
    return text.toString();
  }
}
