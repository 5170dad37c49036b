package org.citytwin.citygml;

import java.util.Locale;

/**
 * Data problems inside an otherwise readable file. Each is counted in the import summary and
 * handled by one fixed rule (see each constant), so a re-import gives the same store.
 */
public enum IssueKind {
  /** A gml:id seen before in the same source; a repeated city object is stored as {@code id~2}. */
  DUPLICATE_ID,
  /** An xlink:href to a geometry that is not in the feature; the reference is left out. */
  DANGLING_XLINK,
  /** A polygon with a vertex at exactly (0, 0, 0): the polygon is left out. */
  ZERO_COORDINATES,
  /** A coordinate outside the domain of its CRS: the geometry holding it is left out. */
  COORDINATE_OUT_OF_RANGE,
  /** Fewer than three distinct vertices in a ring: left out of meshes and footprints. */
  TOO_FEW_POINTS,
  /** A polygon of zero area: left out of meshes. */
  DEGENERATE_POLYGON,
  /** A polygon whose vertices stray from its plane beyond the tolerance: kept, counted. */
  NON_PLANAR_POLYGON,
  /** A self-intersecting ring: kept when it can still be triangulated, counted. */
  SELF_INTERSECTING_POLYGON,
  /** A polygon that could not be triangulated: left out of the mesh. */
  TRIANGULATION_FAILED,
  /**
   * No valid footprint could be formed from the polygons: the convex hull of the vertices is used.
   */
  FOOTPRINT_FALLBACK,
  /** A geometry type the loader does not convert (for example a curved ring): left out. */
  UNSUPPORTED_GEOMETRY,
  /** A city object without any geometry: stored with attributes only. */
  NO_GEOMETRY,
  /** A top-level feature that is not a city object (an appearance, an address): not stored. */
  NOT_A_CITY_OBJECT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
