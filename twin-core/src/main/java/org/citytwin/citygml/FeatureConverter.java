package org.citytwin.citygml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citygml4j.core.model.building.AbstractBuilding;
import org.citygml4j.core.model.common.GeometryInfo;
import org.citygml4j.core.model.construction.GroundSurface;
import org.citygml4j.core.model.construction.RoofSurface;
import org.citygml4j.core.model.construction.WallSurface;
import org.citygml4j.core.model.core.AbstractCityObject;
import org.citygml4j.core.model.core.AbstractFeature;
import org.citygml4j.core.model.core.AbstractThematicSurface;
import org.citygml4j.core.model.core.ClosureSurface;
import org.citygml4j.core.visitor.ObjectWalker;
import org.citytwin.geom.GeometryProblem;
import org.citytwin.geom.ShapeDeriver;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.CityObject;
import org.citytwin.model.DerivedShape;
import org.citytwin.model.LodGeometry;
import org.citytwin.model.Polygon3D;
import org.citytwin.model.SurfaceRole;
import org.xmlobjects.gml.model.geometry.AbstractGeometry;
import org.xmlobjects.gml.model.geometry.GeometryProperty;
import org.xmlobjects.gml.model.geometry.aggregates.MultiSolid;
import org.xmlobjects.gml.model.geometry.primitives.AbstractSolid;
import org.xmlobjects.model.Child;

/**
 * Converts one top-level citygml4j feature into the twin's city objects: the feature itself and its
 * parts (BuildingPart, BridgePart, TunnelPart) as objects of their own linked to their parent.
 * Boundary surfaces (roof, wall, ground) stay within their object as geometry roles.
 */
final class FeatureConverter {
  private final CrsContext crs;
  private final CodeLists codeLists;

  FeatureConverter(CrsContext crs, CodeLists codeLists) {
    this.crs = crs;
    this.codeLists = codeLists;
  }

  /**
   * Converts {@code feature}; {@code xml} holds the chunk's i-UR content and {@code anonymousId}
   * names objects without a gml:id (deterministic: from the chunk's position in the file).
   */
  List<CityObject> convert(
      AbstractFeature feature, ChunkXmlCollector xml, String anonymousId, IssueCounts issues)
      throws CityGmlFormatException {
    if (!(feature instanceof AbstractCityObject top)) {
      issues.add(IssueKind.NOT_A_CITY_OBJECT, feature.getClass().getSimpleName());
      return List.of();
    }
    Map<AbstractCityObject, AbstractCityObject> parents = objectsWithParents(top);
    Set<AbstractCityObject> emitted = Collections.newSetFromMap(new IdentityHashMap<>());
    emitted.addAll(parents.keySet());
    Map<AbstractCityObject, String> ids = new IdentityHashMap<>();
    int anonymous = 0;
    for (AbstractCityObject object : parents.keySet()) {
      String id = object.getId();
      ids.put(object, id != null ? id : anonymousId + (anonymous++ == 0 ? "" : "-" + anonymous));
    }
    List<CityObject> objects = new ArrayList<>(parents.size());
    Set<AbstractCityObject> withParts = Collections.newSetFromMap(new IdentityHashMap<>());
    withParts.addAll(parents.values());
    for (Map.Entry<AbstractCityObject, AbstractCityObject> entry : parents.entrySet()) {
      AbstractCityObject object = entry.getKey();
      AbstractCityObject parent = entry.getValue();
      String parentId = parent == null ? null : ids.get(parent);
      boolean hasParts = withParts.contains(object);
      objects.add(convertOne(object, ids.get(object), parentId, hasParts, emitted, xml, issues));
    }
    return objects;
  }

  /** The feature and its nested parts in document order, each with its parent (top: null). */
  private static Map<AbstractCityObject, AbstractCityObject> objectsWithParents(
      AbstractCityObject top) {
    Map<AbstractCityObject, AbstractCityObject> parents = new LinkedHashMap<>();
    parents.put(top, null);
    top.accept(
        new ObjectWalker() {
          @Override
          public void visit(AbstractFeature feature) {
            if (feature instanceof AbstractCityObject object
                && feature != top
                && CityObjectTypes.isPart(object)) {
              parents.put(object, nearestEmitted(object, parents.keySet()));
            }
            super.visit(feature);
          }
        });
    return parents;
  }

  private static AbstractCityObject nearestEmitted(Object node, Set<AbstractCityObject> emitted) {
    Object current = node instanceof Child child ? child.getParent() : null;
    while (current != null) {
      if (current instanceof AbstractCityObject object && emitted.contains(object)) {
        return object;
      }
      current = current instanceof Child child ? child.getParent() : null;
    }
    return null;
  }

  private CityObject convertOne(
      AbstractCityObject object,
      String id,
      String parentId,
      boolean hasParts,
      Set<AbstractCityObject> emitted,
      ChunkXmlCollector xml,
      IssueCounts issues)
      throws CityGmlFormatException {
    StandardAttributes standard = StandardAttributes.of(object, codeLists);
    IurAttributes iur = IurAttributes.map(xml.adeProperties(object.getId()), codeLists);
    Map<String, AttributeValue> attributes = new LinkedHashMap<>(standard.values());
    iur.attributes().forEach(attributes::putIfAbsent);
    List<LodGeometry> geometries = geometries(object, id, emitted, issues);
    DerivedShape shape = null;
    if (geometries.isEmpty()) {
      if (!hasParts) {
        issues.add(IssueKind.NO_GEOMETRY, id); // a building may hold its geometry in its parts
      }
    } else {
      ShapeDeriver.Result derived =
          ShapeDeriver.run(meshSources(geometries), standard.measuredHeightMetres());
      for (GeometryProblem problem : derived.problems()) {
        issues.add(issueOf(problem), id + ": " + problem.message());
      }
      shape = derived.shape();
    }
    return new CityObject(
        id,
        CityObjectTypes.of(object),
        object.getClass().getSimpleName(),
        parentId,
        attributes,
        iur.risks(),
        geometries,
        shape);
  }

  private List<LodGeometry> geometries(
      AbstractCityObject object, String id, Set<AbstractCityObject> emitted, IssueCounts issues)
      throws CityGmlFormatException {
    GeometryInfo info = object.getGeometryInfo(true);
    Map<GeometryKey, List<Polygon3D>> grouped = new LinkedHashMap<>();
    for (int lod : info.getLods()) {
      for (GeometryProperty<?> property : info.getGeometries(lod)) {
        if (nearestEmitted(property, emitted) != object) {
          continue; // a part's geometry: converted with the part
        }
        AbstractGeometry geometry = property.getObject();
        if (geometry == null) {
          if (property.getHref() != null) {
            issues.add(IssueKind.DANGLING_XLINK, id + " -> " + property.getHref());
          }
          continue;
        }
        collect(lod, role(object, lod, property), geometry, id, grouped, issues);
      }
    }
    List<LodGeometry> geometries = new ArrayList<>(grouped.size());
    grouped.forEach(
        (key, polygons) -> geometries.add(new LodGeometry(key.lod, key.role, key.solid, polygons)));
    return geometries;
  }

  private void collect(
      int lod,
      SurfaceRole role,
      AbstractGeometry geometry,
      String id,
      Map<GeometryKey, List<Polygon3D>> grouped,
      IssueCounts issues)
      throws CityGmlFormatException {
    GeometryCollector collector = new GeometryCollector(crs, issues, id);
    collector.collect(geometry);
    boolean solid = geometry instanceof AbstractSolid || geometry instanceof MultiSolid;
    add(grouped, new GeometryKey(lod, role, solid), collector.surfaces());
    add(grouped, new GeometryKey(lod, SurfaceRole.CURVE, false), collector.curves());
    add(grouped, new GeometryKey(lod, SurfaceRole.POINT, false), collector.points());
  }

  private static void add(
      Map<GeometryKey, List<Polygon3D>> grouped, GeometryKey key, List<Polygon3D> polygons) {
    if (!polygons.isEmpty()) {
      grouped.computeIfAbsent(key, k -> new ArrayList<>()).addAll(polygons);
    }
  }

  private static SurfaceRole role(
      AbstractCityObject object, int lod, GeometryProperty<?> property) {
    Object current = property;
    while (current instanceof Child child && current != object) {
      current = child.getParent();
      if (current instanceof AbstractThematicSurface surface) {
        return thematicRole(surface);
      }
    }
    if (object instanceof AbstractBuilding building
        && building.hasDeprecatedProperties()
        && building.getDeprecatedProperties().getLod0RoofEdge() == property) {
      return SurfaceRole.ROOF_EDGE;
    }
    return lod == 0 ? SurfaceRole.FOOTPRINT : SurfaceRole.SHELL;
  }

  private static SurfaceRole thematicRole(AbstractThematicSurface surface) {
    if (surface instanceof RoofSurface) {
      return SurfaceRole.ROOF;
    } else if (surface instanceof WallSurface) {
      return SurfaceRole.WALL;
    } else if (surface instanceof GroundSurface) {
      return SurfaceRole.GROUND;
    } else if (surface instanceof ClosureSurface) {
      return SurfaceRole.CLOSURE;
    }
    return SurfaceRole.SHELL;
  }

  /**
   * Where a LOD has thematic surfaces, its solid shell repeats the same polygons (PLATEAU and
   * 3DCityDB exports reference them by xlink), so only the thematic ones are meshed.
   */
  static List<LodGeometry> meshSources(List<LodGeometry> geometries) {
    boolean[] thematic = new boolean[5];
    for (LodGeometry geometry : geometries) {
      switch (geometry.role()) {
        case ROOF, WALL, GROUND, CLOSURE -> thematic[geometry.lod()] = true;
        default -> {
          // shells, footprints, curves and points do not replace a shell
        }
      }
    }
    List<LodGeometry> sources = new ArrayList<>(geometries.size());
    for (LodGeometry geometry : geometries) {
      if (!(thematic[geometry.lod()] && geometry.role() == SurfaceRole.SHELL)) {
        sources.add(geometry);
      }
    }
    return sources;
  }

  private static IssueKind issueOf(GeometryProblem problem) {
    return switch (problem.kind()) {
      case TOO_FEW_POINTS -> IssueKind.TOO_FEW_POINTS;
      case DEGENERATE -> IssueKind.DEGENERATE_POLYGON;
      case NON_PLANAR -> IssueKind.NON_PLANAR_POLYGON;
      case SELF_INTERSECTING -> IssueKind.SELF_INTERSECTING_POLYGON;
      case TRIANGULATION_FAILED -> IssueKind.TRIANGULATION_FAILED;
      case NON_FINITE_COORDINATE -> IssueKind.COORDINATE_OUT_OF_RANGE;
      case FOOTPRINT_FALLBACK -> IssueKind.FOOTPRINT_FALLBACK;
    };
  }

  private record GeometryKey(int lod, SurfaceRole role, boolean solid) {}
}
