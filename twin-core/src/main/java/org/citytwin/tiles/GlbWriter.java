package org.citytwin.tiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link TileContent} as binary glTF 2.0: one node, one mesh, one non-indexed triangle
 * primitive with POSITION, NORMAL and {@code _FEATURE_ID_0}, a plain light-grey material, and the
 * buildings' properties as an EXT_structural_metadata property table that the primitive's
 * EXT_mesh_features feature ids point into. Every buffer view starts on an 8-byte boundary, as the
 * metadata extension requires.
 *
 * <p>Size: every triangle has vertices of its own (for its flat normal), so an index buffer would
 * only count 0, 1, 2, ... and is left out (glTF draws a primitive without {@code indices} in vertex
 * order). Normals are stored as normalized signed bytes (KHR_mesh_quantization, a required
 * extension), 4 bytes per vertex with padding instead of 12; a flat face normal loses at most 0.5°
 * that way, invisible in shading. Positions stay float32, which keeps vertices within 0.02 mm.
 */
public final class GlbWriter {
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The GLB layout's revision: bumped whenever the bytes written for the same content change, so
   * that GLBs cached on disk by an older build are not served. 2: no indices, byte normals.
   */
  public static final int FORMAT_REVISION = 2;

  private static final int GLB_MAGIC = 0x46546C67;
  private static final int CHUNK_JSON = 0x4E4F534A;
  private static final int CHUNK_BIN = 0x004E4942;
  private static final int ARRAY_BUFFER = 34962;
  private static final int FLOAT = 5126;
  private static final int BYTE = 5120;
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
    gltf.putArray("nodes").addObject().put("mesh", 0);
    ArrayNode accessors = gltf.putArray("accessors");
    ObjectNode primitive = gltf.putArray("meshes").addObject().putArray("primitives").addObject();
    primitive.put("mode", TRIANGLES).put("material", 0);
    ObjectNode attributes = primitive.putObject("attributes");
    attributes.put("POSITION", accessors.size());
    addPositions(accessors, body.floats(content.positions(), ARRAY_BUFFER), content.positions());
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

  /** Float32 positions, with the min and max glTF requires of POSITION. */
  private static void addPositions(ArrayNode accessors, int view, float[] xyz) {
    ObjectNode accessor =
        accessors
            .addObject()
            .put("bufferView", view)
            .put("componentType", FLOAT)
            .put("count", xyz.length / 3)
            .put("type", "VEC3");
    float[] min = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
    float[] max = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
    for (int i = 0; i < xyz.length; i++) {
      min[i % 3] = Math.min(min[i % 3], xyz[i]);
      max[i % 3] = Math.max(max[i % 3], xyz[i]);
    }
    ArrayNode minNode = accessor.putArray("min");
    ArrayNode maxNode = accessor.putArray("max");
    for (int axis = 0; axis < 3; axis++) {
      minNode.add(min[axis]);
      maxNode.add(max[axis]);
    }
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
