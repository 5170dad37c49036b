package org.citytwin.tiles;

import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import org.citytwin.model.CityObject;
import org.citytwin.model.Mesh;

/**
 * Collects buildings into one tile's {@link TileContent}: picks each building's LOD2 mesh (else
 * LOD1, else its finest), converts its orthometric lon/lat/height vertices to ellipsoidal heights
 * with the geoid and then to the tile's east/north/up frame, and writes its triangles with flat
 * normals in glTF's y-up axes. A vertex is written once per stored vertex and face direction (its
 * normal as {@link GlbWriter} stores it, in signed bytes), so the triangles of one face share their
 * corners through the index list while each face keeps its own normal.
 */
public final class TileContentBuilder {
  private final EnuFrame frame;
  private final GeoidModel geoid;
  private final FloatArrayList positions = new FloatArrayList();
  private final FloatArrayList normals = new FloatArrayList();
  private final FloatArrayList featureIds = new FloatArrayList();
  private final IntArrayList indices = new IntArrayList();
  private final List<BuildingFeature> features = new ArrayList<>();
  private int degenerate;

  public TileContentBuilder(EnuFrame frame, GeoidModel geoid) {
    this.frame = frame;
    this.geoid = geoid;
  }

  /** The mesh a building shows in tiles, or null when it has none. */
  public static Mesh tileMesh(CityObject object) {
    if (object.shape() == null || object.shape().meshes().isEmpty()) {
      return null;
    }
    Mesh best = null;
    for (Mesh mesh : object.shape().meshes()) {
      if (best == null || rank(mesh.lod()) > rank(best.lod())) {
        best = mesh;
      }
    }
    return best;
  }

  private static int rank(int lod) {
    return lod == 2 ? 10 : lod == 1 ? 9 : lod;
  }

  /** Adds a building; returns false (adding nothing) when it has no mesh. */
  public boolean add(CityObject object) {
    return add(object, tileMesh(object));
  }

  /**
   * Adds {@code mesh} as the geometry of {@code object}'s feature (for a relief tile, a simplified
   * mesh in place of its TIN); returns false (adding nothing) when the mesh is null.
   */
  public boolean add(CityObject object, Mesh mesh) {
    if (mesh == null) {
      return false;
    }
    double[] local = toLocal(mesh.positions());
    float featureId = features.size();
    int[] meshIndices = mesh.indices();
    double[] normal = new double[3];
    // Key: the stored vertex and the face direction as written; value: its vertex number here.
    Long2IntOpenHashMap written = new Long2IntOpenHashMap();
    written.defaultReturnValue(-1);
    for (int t = 0; t < meshIndices.length; t += 3) {
      int a = meshIndices[t] * 3;
      int b = meshIndices[t + 1] * 3;
      int c = meshIndices[t + 2] * 3;
      if (!faceNormal(local, a, b, c, normal)) {
        degenerate++;
        continue;
      }
      long direction = GlbWriter.packedNormal(normal[0], normal[2], -normal[1]);
      for (int vertex : new int[] {a, b, c}) {
        long key = ((long) vertex << 24) | direction;
        int number = written.get(key);
        if (number < 0) {
          number = featureIds.size();
          written.put(key, number);
          addYUp(positions, local[vertex], local[vertex + 1], local[vertex + 2]);
          addYUp(normals, normal[0], normal[1], normal[2]);
          featureIds.add(featureId);
        }
        indices.add(number);
      }
    }
    features.add(BuildingFeature.of(object));
    return true;
  }

  public int featureCount() {
    return features.size();
  }

  public TileContent build() {
    return new TileContent(
        positions.toFloatArray(),
        normals.toFloatArray(),
        featureIds.toFloatArray(),
        indices.toIntArray(),
        features,
        degenerate);
  }

  private double[] toLocal(double[] lonLatHeight) {
    double[] local = new double[lonLatHeight.length];
    double[] point = new double[3];
    for (int i = 0; i < lonLatHeight.length; i += 3) {
      double lon = lonLatHeight[i];
      double lat = lonLatHeight[i + 1];
      double ellipsoidal = lonLatHeight[i + 2] + geoid.undulationMetres(lon, lat);
      frame.toLocal(lon, lat, ellipsoidal, point);
      System.arraycopy(point, 0, local, i, 3);
    }
    return local;
  }

  /** The unit normal of triangle a, b, c (offsets into {@code xyz}); false when it has no area. */
  private static boolean faceNormal(double[] xyz, int a, int b, int c, double[] out) {
    double ux = xyz[b] - xyz[a];
    double uy = xyz[b + 1] - xyz[a + 1];
    double uz = xyz[b + 2] - xyz[a + 2];
    double vx = xyz[c] - xyz[a];
    double vy = xyz[c + 1] - xyz[a + 1];
    double vz = xyz[c + 2] - xyz[a + 2];
    double nx = uy * vz - uz * vy;
    double ny = uz * vx - ux * vz;
    double nz = ux * vy - uy * vx;
    double length = Math.sqrt(nx * nx + ny * ny + nz * nz);
    // Below 1 mm^2 of doubled area the direction is noise (and float positions may collapse).
    if (!(length > 1e-6)) {
      return false;
    }
    out[0] = nx / length;
    out[1] = ny / length;
    out[2] = nz / length;
    return true;
  }

  /**
   * Appends an east, north, up vector as glTF x, y, z. glTF is y-up; 3D Tiles 1.1 rotates glTF
   * content by +90 degrees about x into its z-up frame, taking (x, y, z) to (x, -z, y). Writing (e,
   * u, -n) therefore lands on (e, n, u), the tile's east/north/up frame.
   */
  private static void addYUp(FloatArrayList out, double east, double north, double up) {
    out.add((float) east);
    out.add((float) up);
    out.add((float) -north);
  }
}
