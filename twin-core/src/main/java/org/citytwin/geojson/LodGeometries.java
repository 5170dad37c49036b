package org.citytwin.geojson;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.citytwin.model.CityObject;
import org.citytwin.model.LodGeometry;
import org.citytwin.model.Polygon3D;
import org.citytwin.model.SurfaceRole;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Every geometry of an object in 3D CRS84 (lon, lat, height), merged per level of detail and role:
 * surfaces as a MultiPolygon Z, curves as a MultiLineString Z, points as a MultiPoint Z. Rings with
 * fewer than three vertices cannot form polygons and are left out of the surfaces.
 */
public final class LodGeometries {
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private LodGeometries() {}

  /** LOD (ascending) to role (in {@link SurfaceRole} order) to geometry. */
  public static Map<Integer, Map<SurfaceRole, Geometry>> byLodAndRole(CityObject object) {
    Map<Integer, Map<SurfaceRole, List<Polygon3D>>> grouped = new TreeMap<>();
    for (LodGeometry geometry : object.geometries()) {
      grouped
          .computeIfAbsent(geometry.lod(), lod -> new EnumMap<>(SurfaceRole.class))
          .computeIfAbsent(geometry.role(), role -> new ArrayList<>())
          .addAll(geometry.polygons());
    }
    Map<Integer, Map<SurfaceRole, Geometry>> result = new TreeMap<>();
    grouped.forEach(
        (lod, roles) -> {
          Map<SurfaceRole, Geometry> byRole = new EnumMap<>(SurfaceRole.class);
          roles.forEach((role, polygons) -> byRole.put(role, toGeometry(role, polygons)));
          result.put(lod, byRole);
        });
    return result;
  }

  private static Geometry toGeometry(SurfaceRole role, List<Polygon3D> polygons) {
    return switch (role) {
      case CURVE ->
          FACTORY.createMultiLineString(
              polygons.stream()
                  .filter(p -> p.exterior().length >= 6)
                  .map(p -> FACTORY.createLineString(coordinates(p.exterior())))
                  .toArray(LineString[]::new));
      case POINT ->
          FACTORY.createMultiPoint(
              polygons.stream()
                  .flatMap(p -> List.of(coordinates(p.exterior())).stream())
                  .map(FACTORY::createPoint)
                  .toArray(Point[]::new));
      default ->
          FACTORY.createMultiPolygon(
              polygons.stream()
                  .map(GeometryChoice::toPolygon)
                  .filter(p -> p != null)
                  .toArray(Polygon[]::new));
    };
  }

  private static Coordinate[] coordinates(double[] xyz) {
    Coordinate[] coordinates = new Coordinate[xyz.length / 3];
    for (int i = 0; i < coordinates.length; i++) {
      coordinates[i] = new Coordinate(xyz[i * 3], xyz[i * 3 + 1], xyz[i * 3 + 2]);
    }
    return coordinates;
  }
}
