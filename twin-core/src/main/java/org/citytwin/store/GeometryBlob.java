package org.citytwin.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.citytwin.model.LodGeometry;
import org.citytwin.model.Mesh;
import org.citytwin.model.Polygon3D;
import org.citytwin.model.SurfaceRole;

/**
 * The binary column holding an object's LOD geometries and meshes: a format byte, then counts and
 * raw big-endian doubles and ints. Not compressed: coordinates are nearly random bits, so deflate
 * saves little and costs time on every tile read. The leading byte lets a later format coexist.
 */
final class GeometryBlob {

  static final byte FORMAT = 1;

  /** Everything in the blob: the geometries and the meshes of the derived shape. */
  record Content(List<LodGeometry> geometries, List<Mesh> meshes) {}

  private GeometryBlob() {}

  static byte[] write(List<LodGeometry> geometries, List<Mesh> meshes) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeInt(geometries.size());
      for (LodGeometry geometry : geometries) {
        writeGeometry(out, geometry);
      }
      out.writeInt(meshes.size());
      for (Mesh mesh : meshes) {
        out.writeByte(mesh.lod());
        writeDoubles(out, mesh.positions());
        out.writeInt(mesh.indices().length);
        for (int index : mesh.indices()) {
          out.writeInt(index);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /** Reads a blob; throws IOException naming the problem when it is not a known format. */
  static Content read(byte[] blob) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob));
    int format = in.readByte();
    if (format != FORMAT) {
      throw new IOException("unknown geometry format " + format + ", expected " + FORMAT);
    }
    int geometryCount = in.readInt();
    List<LodGeometry> geometries = new ArrayList<>(geometryCount);
    for (int i = 0; i < geometryCount; i++) {
      geometries.add(readGeometry(in));
    }
    int meshCount = in.readInt();
    List<Mesh> meshes = new ArrayList<>(meshCount);
    for (int i = 0; i < meshCount; i++) {
      int lod = in.readByte();
      double[] positions = readDoubles(in);
      int[] indices = new int[in.readInt()];
      for (int j = 0; j < indices.length; j++) {
        indices[j] = in.readInt();
      }
      meshes.add(new Mesh(lod, positions, indices));
    }
    return new Content(geometries, meshes);
  }

  private static void writeGeometry(DataOutputStream out, LodGeometry geometry) throws IOException {
    out.writeByte(geometry.lod());
    // By name, not ordinal, so adding a role to the enum never misreads old stores.
    out.writeUTF(geometry.role().name());
    out.writeBoolean(geometry.solid());
    out.writeInt(geometry.polygons().size());
    for (Polygon3D polygon : geometry.polygons()) {
      out.writeInt(polygon.rings().size());
      for (double[] ring : polygon.rings()) {
        writeDoubles(out, ring);
      }
    }
  }

  private static LodGeometry readGeometry(DataInputStream in) throws IOException {
    int lod = in.readByte();
    SurfaceRole role = SurfaceRole.valueOf(in.readUTF());
    boolean solid = in.readBoolean();
    int polygonCount = in.readInt();
    List<Polygon3D> polygons = new ArrayList<>(polygonCount);
    for (int i = 0; i < polygonCount; i++) {
      int ringCount = in.readInt();
      List<double[]> rings = new ArrayList<>(ringCount);
      for (int j = 0; j < ringCount; j++) {
        rings.add(readDoubles(in));
      }
      polygons.add(new Polygon3D(rings));
    }
    return new LodGeometry(lod, role, solid, polygons);
  }

  private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
    out.writeInt(values.length);
    for (double value : values) {
      out.writeDouble(value);
    }
  }

  private static double[] readDoubles(DataInputStream in) throws IOException {
    double[] values = new double[in.readInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readDouble();
    }
    return values;
  }
}
