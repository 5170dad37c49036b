package org.citytwin.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One city object as the twin keeps it: identity, kind, attributes and geometry in the canonical
 * frame, plus the values derived from it at load.
 *
 * @param gmlId the gml:id, unique within the store (duplicates are renamed at load and counted)
 * @param featureType the source element, for example {@code bldg:Building}
 * @param parentId the gml:id of the containing object (a BuildingPart's Building), or null
 * @param attributes attributes by flat name in source order: {@code name}, {@code class}, {@code
 *     function}, {@code usage}, {@code measuredHeight}, {@code storeysAboveGround}, {@code
 *     yearOfConstruction}, every {@code gen:} attribute by its name, and {@code uro_*} details
 * @param risks disaster-risk records (i-UR)
 * @param geometries every geometry by LOD and role
 * @param shape derived values, or null when the object has no geometry
 */
public record CityObject(
    String gmlId,
    CityObjectType type,
    String featureType,
    String parentId,
    Map<String, AttributeValue> attributes,
    List<RiskAttribute> risks,
    List<LodGeometry> geometries,
    DerivedShape shape) {

  public CityObject {
    Objects.requireNonNull(gmlId, "gmlId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(featureType, "featureType");
    attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    risks = List.copyOf(risks);
    geometries = List.copyOf(geometries);
  }

  /** A copy under another gml:id, used when a file repeats an id. */
  public CityObject withGmlId(String newId) {
    return new CityObject(newId, type, featureType, parentId, attributes, risks, geometries, shape);
  }

  /** The deepest river-flood depth over all rivers and scales, or null when none is recorded. */
  public Double maxDepthMetres(RiskKind kind) {
    Double max = null;
    for (RiskAttribute risk : risks) {
      if (risk.kind() == kind && risk.depthMetres() != null) {
        max = max == null ? risk.depthMetres() : Math.max(max, risk.depthMetres());
      }
    }
    return max;
  }
}
