package org.citytwin.geom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.citytwin.model.LodGeometry;
import org.citytwin.model.Mesh;
import org.citytwin.model.Polygon3D;
import org.citytwin.model.SurfaceRole;

/**
 * One triangle mesh per LOD 1..4 from the usable surface polygons of that LOD. Each polygon adds
 * its own vertices (so vertices are shared within a polygon, not across polygons, which keeps flat
 * shading and per-surface roles possible later) and its triangles.
 */
final class MeshBuilder {

  /** Roles that are outlines or lines rather than surfaces of the object's body. */
  private static final Set<SurfaceRole> NOT_MESHED =
      Set.of(SurfaceRole.FOOTPRINT, SurfaceRole.ROOF_EDGE, SurfaceRole.CURVE, SurfaceRole.POINT);

  private MeshBuilder() {}

  static boolean isMeshed(LodGeometry geometry) {
    return geometry.lod() >= 1 && !NOT_MESHED.contains(geometry.role());
  }

  /** Meshes lowest LOD first; a LOD whose polygons all failed gets no mesh (failures counted). */
  static List<Mesh> build(
      List<LodGeometry> geometries, SurfaceInspection inspection, List<GeometryProblem> problems) {
    List<Mesh> meshes = new ArrayList<>();
    for (int lod = 1; lod <= 4; lod++) {
      Buffers buffers = new Buffers();
      for (int g = 0; g < geometries.size(); g++) {
        LodGeometry geometry = geometries.get(g);
        if (geometry.lod() == lod && isMeshed(geometry)) {
          addGeometry(geometry, g, inspection, buffers, problems);
        }
      }
      if (buffers.indexCount > 0) {
        meshes.add(buffers.toMesh(lod));
      }
    }
    return meshes;
  }

  private static void addGeometry(
      LodGeometry geometry,
      int g,
      SurfaceInspection inspection,
      Buffers buffers,
      List<GeometryProblem> problems) {
    for (int p = 0; p < geometry.polygons().size(); p++) {
      PlanarPolygon planar = inspection.usable(g, p).orElse(null);
      if (planar == null) {
        continue; // unusable, already counted by the inspection
      }
      try {
        int[] triangles = Triangulator.triangulate(planar);
        buffers.add(geometry.polygons().get(p), triangles);
      } catch (InvalidPolygonException e) {
        problems.add(new GeometryProblem(e.kind(), g, p, e.getMessage()));
      }
    }
  }

  /** Growable position and index arrays for one mesh. */
  private static final class Buffers {
    private double[] positions = new double[96];
    private int positionCount;
    private int[] indices = new int[96];
    private int indexCount;

    void add(Polygon3D polygon, int[] triangles) {
      int base = positionCount / 3;
      for (double[] ring : polygon.rings()) {
        if (positionCount + ring.length > positions.length) {
          positions =
              Arrays.copyOf(positions, Math.max(2 * positions.length, positionCount + ring.length));
        }
        System.arraycopy(ring, 0, positions, positionCount, ring.length);
        positionCount += ring.length;
      }
      if (indexCount + triangles.length > indices.length) {
        indices =
            Arrays.copyOf(indices, Math.max(2 * indices.length, indexCount + triangles.length));
      }
      for (int index : triangles) {
        indices[indexCount++] = base + index;
      }
    }

    Mesh toMesh(int lod) {
      return new Mesh(
          lod, Arrays.copyOf(positions, positionCount), Arrays.copyOf(indices, indexCount));
    }
  }
}
