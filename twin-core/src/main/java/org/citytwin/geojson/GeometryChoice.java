package org.citytwin.geojson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.citytwin.model.CityObject;
import org.citytwin.model.LodGeometry;
import org.citytwin.model.Polygon3D;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Which geometry of an object a feature carries: the 2D footprint (light, the default), or the
 * surfaces of one LOD in 3D as a MultiPolygon Z (lon, lat, height). An object without the asked LOD
 * falls back to its footprint, so every feature keeps a geometry.
 */
public enum GeometryChoice {
  FOOTPRINT(-1),
  LOD0(0),
  LOD1(1),
  LOD2(2),
  LOD3(3),
  LOD4(4);

  private static final GeometryFactory FACTORY = new GeometryFactory();
  private final int lod;

  GeometryChoice(int lod) {
    this.lod = lod;
  }

  /** Parses {@code footprint}, {@code lod0} .. {@code lod4}, case-insensitively. */
  public static GeometryChoice parse(String text) {
    for (GeometryChoice choice : values()) {
      if (choice.name().equalsIgnoreCase(text.trim())) {
        return choice;
      }
    }
    throw new IllegalArgumentException(
        "geometry must be footprint, lod0, lod1, lod2, lod3 or lod4, was '" + text + "'");
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this choice needs the object's full geometry loaded from the store. */
  public boolean needsLodGeometry() {
    return lod >= 0;
  }

  /** The chosen geometry of {@code object} in CRS84 (3D for a LOD), or null when it has none. */
  public Geometry of(CityObject object) {
    if (lod >= 0) {
      List<Polygon> polygons = new ArrayList<>();
      for (LodGeometry geometry : object.geometries()) {
        if (geometry.lod() == lod && geometry.isSurface()) {
          for (Polygon3D polygon : geometry.polygons()) {
            Polygon converted = toPolygon(polygon);
            if (converted != null) {
              polygons.add(converted);
            }
          }
        }
      }
      if (!polygons.isEmpty()) {
        return FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
      }
    }
    return object.shape() == null ? null : object.shape().footprint();
  }

  static Polygon toPolygon(Polygon3D polygon) {
    LinearRing shell = ring(polygon.exterior());
    if (shell == null) {
      return null;
    }
    List<LinearRing> holes = new ArrayList<>();
    for (int i = 1; i < polygon.rings().size(); i++) {
      LinearRing hole = ring(polygon.rings().get(i));
      if (hole != null) {
        holes.add(hole);
      }
    }
    return FACTORY.createPolygon(shell, holes.toArray(LinearRing[]::new));
  }

  private static LinearRing ring(double[] xyz) {
    int n = xyz.length / 3;
    if (n < 3) {
      return null;
    }
    Coordinate[] coordinates = new Coordinate[n + 1];
    for (int i = 0; i < n; i++) {
      coordinates[i] = new Coordinate(xyz[i * 3], xyz[i * 3 + 1], xyz[i * 3 + 2]);
    }
    coordinates[n] = coordinates[0].copy();
    return FACTORY.createLinearRing(coordinates);
  }
}
