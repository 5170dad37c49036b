package org.citytwin.model;

import java.util.List;
import java.util.Objects;

/**
 * The geometry of one object at one level of detail and role: surfaces as polygons, curves and
 * points as single-ring "polygons" of their vertices (role {@link SurfaceRole#CURVE} or {@link
 * SurfaceRole#POINT}).
 *
 * @param lod the level of detail 0..4
 * @param solid whether the polygons came from a gml:Solid (a closed shell)
 */
public record LodGeometry(int lod, SurfaceRole role, boolean solid, List<Polygon3D> polygons) {

  public LodGeometry {
    if (lod < 0 || lod > 4) {
      throw new IllegalArgumentException("lod must be 0..4, was " + lod);
    }
    Objects.requireNonNull(role, "role");
    polygons = List.copyOf(polygons);
  }

  public boolean isSurface() {
    return role != SurfaceRole.CURVE && role != SurfaceRole.POINT;
  }
}
