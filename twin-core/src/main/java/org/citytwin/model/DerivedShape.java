package org.citytwin.model;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * Values computed once at load from an object's geometry, so queries and tiles never recompute
 * them.
 *
 * @param footprint 2D lon/lat (Multi)Polygon of the ground outline; for objects without surfaces (a
 *     road centre line), the 2D geometry of its vertices
 * @param envelope the 3D box around every vertex
 * @param groundHeightMetres lowest height of the object's geometry
 * @param roofHeightMetres highest height of the object's geometry
 * @param heightMetres measured height when given, otherwise roof minus ground
 * @param footprintAreaSquareMetres area of {@code footprint} on the ground, 0 when not a surface
 * @param meshes one triangulated mesh per LOD that has surfaces, lowest LOD first
 */
public record DerivedShape(
    Geometry footprint,
    Envelope3D envelope,
    double groundHeightMetres,
    double roofHeightMetres,
    double heightMetres,
    double footprintAreaSquareMetres,
    List<Mesh> meshes) {

  public DerivedShape {
    Objects.requireNonNull(footprint, "footprint");
    Objects.requireNonNull(envelope, "envelope");
    meshes = List.copyOf(meshes);
  }
}
