package org.citytwin.tiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link TileContent} as binary glTF 2.0: one node, one mesh, one indexed triangle
 * primitive with POSITION, NORMAL and {@code _FEATURE_ID_0}, a plain light-grey material, and the
 * buildings' properties as an EXT_structural_metadata property table that the primitive's
 * EXT_mesh_features feature ids point into. Every buffer view starts on an 8-byte boundary, as the
 * metadata extension requires.
 *
 * <p>Size, with KHR_mesh_quantization (a required extension): normals are normalized signed bytes,
 * 4 bytes per vertex with padding instead of 12 (a flat face normal turns by at most 0.5°,
 * invisible in shading). Positions are signed 16-bit integers, 8 bytes with padding instead of 12,
 * spread over the content's box on each axis; the node's {@code translation} and {@code scale} map
 * them back to metres, so a vertex moves by at most half a step, {@link #MAX_POSITION_STEP_METRES}
 * / 2. Content wider than 65,534 such steps on some axis (a large relief sheet) keeps float32
 * positions, good to about 0.1 mm within a kilometre. Indices are unsigned 16-bit when the vertices
 * allow it.
 */
public final class GlbWriter {
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The GLB layout's revision: bumped whenever the bytes written for the same content change, so
   * that GLBs cached on disk by an older build are not served. 2: no indices, byte normals. 3:
   * shared face vertices with indices, 16-bit positions.
   */
  public static final int FORMAT_REVISION = 3;

  /** The widest step of quantized positions: 1 cm, so a vertex moves by at most 5 mm. */
  public static final double MAX_POSITION_STEP_METRES = 0.01;

  private static final int STEPS = 65_534;

  private static final int GLB_MAGIC = 0x46546C67;
  private static final int CHUNK_JSON = 0x4E4F534A;
  private static final int CHUNK_BIN = 0x004E4942;
  private static final int ARRAY_BUFFER = 34962;
  private static final int FLOAT = 5126;
  private static final int BYTE = 5120;
  private static final int SHORT = 5122;
  private static final int UNSIGNED_SHORT = 5123;
  private static final int UNSIGNED_INT = 5125;
  private static final int ELEMENT_ARRAY_BUFFER = 34963;
  private static final int TRIANGLES = 4;

  private GlbWriter() {}

  /** The GLB bytes of one tile. */
  public static byte[] write(TileContent content) {
    ObjectNode gltf = JSON.createObjectNode();
    gltf.putObject("asset").put("version", "2.0").put("generator", "citytwin tiles");
    gltf.put("scene", 0);
    BinaryBody body = new BinaryBody(gltf.putArray("bufferViews"));
    if (content.vertexCount() == 0) {
      gltf.putArray("scenes").addObject();
      gltf.remove("bufferViews");
      return glb(gltf, new byte[0]);
    }
    gltf.putArray("scenes").addObject().putArray("nodes").add(0);
    ObjectNode node = gltf.putArray("nodes").addObject().put("mesh", 0);
    ArrayNode accessors = gltf.putArray("accessors");
    ObjectNode primitive = gltf.putArray("meshes").addObject().putArray("primitives").addObject();
    primitive.put("mode", TRIANGLES).put("material", 0);
    ObjectNode attributes = primitive.putObject("attributes");
    attributes.put("POSITION", accessors.size());
    addPositions(accessors, body, node, content.positions());
    attributes.put("NORMAL", accessors.size());
    accessors
        .addObject()
        .put("bufferView", body.normalizedBytes(content.normals(), ARRAY_BUFFER))
        .put("componentType", BYTE)
        .put("normalized", true)
        .put("count", content.vertexCount())
        .put("type", "VEC3");
    attributes.put("_FEATURE_ID_0", accessors.size());
    accessors
        .addObject()
        .put("bufferView", body.floats(content.featureIds(), ARRAY_BUFFER))
        .put("componentType", FLOAT)
        .put("count", content.vertexCount())
        .put("type", "SCALAR");
    primitive.put("indices", accessors.size());
    addIndices(accessors, body, content.indices(), content.vertexCount());
    primitive
        .putObject("extensions")
        .putObject("EXT_mesh_features")
        .putArray("featureIds")
        .addObject()
        .put("featureCount", content.features().size())
        .put("attribute", 0)
        .put("propertyTable", 0);
    addMaterial(gltf);
    gltf.putArray("extensionsUsed")
        .add("KHR_mesh_quantization")
        .add("EXT_mesh_features")
        .add("EXT_structural_metadata");
    gltf.putArray("extensionsRequired").add("KHR_mesh_quantization");
    gltf.putObject("extensions")
        .set("EXT_structural_metadata", PropertyTableWriter.write(content.features(), body));
    byte[] bin = body.bytes();
    gltf.putArray("buffers").addObject().put("byteLength", bin.length);
    return glb(gltf, bin);
  }

  /**
   * POSITION, with the min and max glTF requires of it: 16-bit steps over the content's box (the
   * node maps them back to metres) when every axis fits {@link #STEPS} steps of at most {@link
   * #MAX_POSITION_STEP_METRES}, float32 otherwise.
   */
  private static void addPositions(
      ArrayNode accessors, BinaryBody body, ObjectNode node, float[] xyz) {
    double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int i = 0; i < xyz.length; i++) {
      min[i % 3] = Math.min(min[i % 3], xyz[i]);
      max[i % 3] = Math.max(max[i % 3], xyz[i]);
    }
    double[] step = new double[3];
    double[] centre = new double[3];
    boolean fits = true;
    for (int axis = 0; axis < 3; axis++) {
      // A flat axis still needs a non-zero scale (glTF node scales must be invertible).
      step[axis] = Math.max((max[axis] - min[axis]) / STEPS, 1e-6);
      centre[axis] = (min[axis] + max[axis]) / 2;
      fits &= step[axis] <= MAX_POSITION_STEP_METRES;
    }
    ObjectNode accessor = accessors.addObject();
    ArrayNode minNode = accessor.putArray("min");
    ArrayNode maxNode = accessor.putArray("max");
    if (!fits) {
      accessor.put("bufferView", body.floats(xyz, ARRAY_BUFFER)).put("componentType", FLOAT);
      for (int axis = 0; axis < 3; axis++) {
        minNode.add((float) min[axis]);
        maxNode.add((float) max[axis]);
      }
    } else {
      ByteBuffer buffer = body.buffer(xyz.length / 3 * 8);
      short[] qMin = {Short.MAX_VALUE, Short.MAX_VALUE, Short.MAX_VALUE};
      short[] qMax = {Short.MIN_VALUE, Short.MIN_VALUE, Short.MIN_VALUE};
      for (int i = 0; i < xyz.length; i++) {
        int axis = i % 3;
        long steps = Math.round((xyz[i] - centre[axis]) / step[axis]);
        short q = (short) Math.max(-STEPS / 2, Math.min(STEPS / 2, steps));
        qMin[axis] = (short) Math.min(qMin[axis], q);
        qMax[axis] = (short) Math.max(qMax[axis], q);
        buffer.putShort(q);
        if (axis == 2) {
          buffer.putShort((short) 0); // pads each element to 4-byte alignment
        }
      }
      accessor.put("bufferView", body.view(buffer, ARRAY_BUFFER, 8)).put("componentType", SHORT);
      ArrayNode translation = node.putArray("translation");
      ArrayNode scale = node.putArray("scale");
      for (int axis = 0; axis < 3; axis++) {
        minNode.add(qMin[axis]);
        maxNode.add(qMax[axis]);
        translation.add(centre[axis]);
        scale.add(step[axis]);
      }
    }
    accessor.put("count", xyz.length / 3).put("type", "VEC3");
  }

  /** The triangle list's indices, as unsigned shorts when every vertex number fits. */
  private static void addIndices(
      ArrayNode accessors, BinaryBody body, int[] indices, int vertexCount) {
    boolean small = vertexCount <= 65_535;
    ByteBuffer buffer = body.buffer(indices.length * (small ? 2 : 4));
    for (int index : indices) {
      if (small) {
        buffer.putShort((short) index);
      } else {
        buffer.putInt(index);
      }
    }
    accessors
        .addObject()
        .put("bufferView", body.view(buffer, ELEMENT_ARRAY_BUFFER))
        .put("componentType", small ? UNSIGNED_SHORT : UNSIGNED_INT)
        .put("count", indices.length)
        .put("type", "SCALAR");
  }

  /**
   * A normal (glTF axes) as the three signed bytes this writer stores, packed into 24 bits: equal
   * for two normals exactly when they are written alike, so vertices can be shared on that.
   */
  static long packedNormal(double x, double y, double z) {
    return ((BinaryBody.snorm8((float) x) & 0xFFL) << 16)
        | ((BinaryBody.snorm8((float) y) & 0xFFL) << 8)
        | (BinaryBody.snorm8((float) z) & 0xFFL);
  }

  private static void addMaterial(ObjectNode gltf) {
    ObjectNode material = gltf.putArray("materials").addObject();
    material.put("name", "building").put("doubleSided", true);
    ObjectNode pbr = material.putObject("pbrMetallicRoughness");
    pbr.putArray("baseColorFactor").add(0.88).add(0.87).add(0.84).add(1.0);
    pbr.put("metallicFactor", 0.0).put("roughnessFactor", 0.9);
  }

  private static byte[] glb(ObjectNode gltf, byte[] bin) {
    byte[] json = gltf.toString().getBytes(StandardCharsets.UTF_8);
    int jsonLength = pad4(json.length);
    int binLength = pad4(bin.length);
    int total = 12 + 8 + jsonLength + (bin.length == 0 ? 0 : 8 + binLength);
    ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(GLB_MAGIC).putInt(2).putInt(total);
    out.putInt(jsonLength).putInt(CHUNK_JSON).put(json);
    for (int i = json.length; i < jsonLength; i++) {
      out.put((byte) ' ');
    }
    if (bin.length > 0) {
      out.putInt(binLength).putInt(CHUNK_BIN).put(bin);
    }
    return out.array();
  }

  static int pad4(int length) {
    return (length + 3) & ~3;
  }
}
