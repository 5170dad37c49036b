package org.citytwin.tiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads back what {@link GlbWriter} writes, independently of it, for the tests. */
record GlbReader(JsonNode json, ByteBuffer bin) {

  static GlbReader read(byte[] glb) throws IOException {
    ByteBuffer in = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN);
    if (in.getInt() != 0x46546C67 || in.getInt() != 2 || in.getInt() != glb.length) {
      throw new IOException("not a GLB 2 of " + glb.length + " bytes");
    }
    int jsonLength = in.getInt();
    in.getInt();
    JsonNode json =
        new ObjectMapper().readTree(new String(glb, 20, jsonLength, StandardCharsets.UTF_8).trim());
    in.position(20 + jsonLength);
    ByteBuffer bin = ByteBuffer.allocate(0);
    if (in.hasRemaining()) {
      int binLength = in.getInt();
      in.getInt();
      bin = in.slice().limit(binLength).order(ByteOrder.LITTLE_ENDIAN);
    }
    return new GlbReader(json, bin);
  }

  JsonNode primitive() {
    return json.at("/meshes/0/primitives/0");
  }

  /** A float32 attribute (SCALAR or VEC3), per vertex. */
  float[] floats(String attribute) {
    JsonNode accessor = json.at("/accessors/" + primitive().at("/attributes/" + attribute).asInt());
    if (accessor.get("componentType").asInt() != 5126) {
      throw new IllegalStateException(attribute + " is not FLOAT: " + accessor);
    }
    int components = accessor.get("type").asText().equals("VEC3") ? 3 : 1;
    ByteBuffer view = view(accessor.get("bufferView").asInt());
    float[] values = new float[accessor.get("count").asInt() * components];
    for (int i = 0; i < values.length; i++) {
      values[i] = view.getFloat(i * 4);
    }
    return values;
  }

  /**
   * POSITION in the tile's glTF frame, as a viewer sees it: float32 as written, or signed shorts
   * (KHR_mesh_quantization) taken through the node's scale and translation, which is then the only
   * transform the node may have.
   */
  double[] positions() {
    JsonNode accessor = json.at("/accessors/" + primitive().at("/attributes/POSITION").asInt());
    JsonNode node = json.at("/nodes/0");
    int count = accessor.get("count").asInt();
    double[] values = new double[count * 3];
    if (accessor.get("componentType").asInt() == 5126) {
      if (node.has("translation") || node.has("scale") || node.has("matrix")) {
        throw new IllegalStateException("float positions under a node transform: " + node);
      }
      float[] floats = floats("POSITION");
      for (int i = 0; i < values.length; i++) {
        values[i] = floats[i];
      }
      return values;
    }
    if (accessor.get("componentType").asInt() != 5122 || accessor.path("normalized").asBoolean()) {
      throw new IllegalStateException("POSITION is neither FLOAT nor plain SHORT: " + accessor);
    }
    if (node.has("matrix") || node.has("rotation")) {
      throw new IllegalStateException("unexpected node transform: " + node);
    }
    int stride =
        json.at("/bufferViews/" + accessor.get("bufferView").asInt() + "/byteStride").asInt(6);
    ByteBuffer view = view(accessor.get("bufferView").asInt());
    for (int i = 0; i < values.length; i++) {
      int axis = i % 3;
      short q = view.getShort((i / 3) * stride + axis * 2);
      if (q < accessor.at("/min/" + axis).asInt() || q > accessor.at("/max/" + axis).asInt()) {
        throw new IllegalStateException("position component " + q + " outside accessor min/max");
      }
      values[i] =
          node.at("/translation/" + axis).asDouble() + q * node.at("/scale/" + axis).asDouble();
    }
    return values;
  }

  /** The primitive's indices: three vertex numbers per triangle. */
  int[] indices() {
    JsonNode accessor = json.at("/accessors/" + primitive().get("indices").asInt());
    ByteBuffer view = view(accessor.get("bufferView").asInt());
    int[] indices = new int[accessor.get("count").asInt()];
    boolean shorts = accessor.get("componentType").asInt() == 5123;
    for (int i = 0; i < indices.length; i++) {
      indices[i] = shorts ? Short.toUnsignedInt(view.getShort(i * 2)) : view.getInt(i * 4);
    }
    return indices;
  }

  /**
   * Per-vertex values (of {@code components} each) repeated for every triangle corner, in index
   * order: what a non-indexed triangle list of the same triangles would hold.
   */
  double[] corners(double[] perVertex, int components) {
    int[] indices = indices();
    double[] corners = new double[indices.length * components];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(perVertex, indices[i] * components, corners, i * components, components);
    }
    return corners;
  }

  double[] corners(float[] perVertex, int components) {
    double[] values = new double[perVertex.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = perVertex[i];
    }
    return corners(values, components);
  }

  /** NORMAL as written: normalized signed bytes (KHR_mesh_quantization), byteStride 4. */
  float[] byteNormals() {
    JsonNode accessor = json.at("/accessors/" + primitive().at("/attributes/NORMAL").asInt());
    if (accessor.get("componentType").asInt() != 5120 || !accessor.path("normalized").asBoolean()) {
      throw new IllegalStateException("NORMAL is not normalized BYTE: " + accessor);
    }
    int stride =
        json.at("/bufferViews/" + accessor.get("bufferView").asInt() + "/byteStride").asInt();
    ByteBuffer view = view(accessor.get("bufferView").asInt());
    float[] values = new float[accessor.get("count").asInt() * 3];
    for (int i = 0; i < values.length; i++) {
      // glTF's decoding of a normalized signed byte: max(c / 127, -1).
      values[i] = Math.max(view.get((i / 3) * stride + i % 3) / 127f, -1f);
    }
    return values;
  }

  List<String> strings(String property) {
    JsonNode table = json.at("/extensions/EXT_structural_metadata/propertyTables/0");
    JsonNode column = table.at("/properties/" + property);
    ByteBuffer values = view(column.get("values").asInt());
    ByteBuffer offsets = view(column.get("stringOffsets").asInt());
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < table.get("count").asInt(); i++) {
      int start = offsets.getInt(i * 4);
      byte[] bytes = new byte[offsets.getInt(i * 4 + 4) - start];
      values.get(start, bytes);
      strings.add(new String(bytes, StandardCharsets.UTF_8));
    }
    return strings;
  }

  /** A numeric property column as doubles (FLOAT32, FLOAT64 or INT32, as the schema says). */
  double[] numbers(String property) {
    JsonNode metadata = json.at("/extensions/EXT_structural_metadata");
    JsonNode table = metadata.at("/propertyTables/0");
    String type =
        metadata
            .at("/schema/classes/" + table.get("class").asText() + "/properties/" + property)
            .get("componentType")
            .asText();
    ByteBuffer values = view(table.at("/properties/" + property + "/values").asInt());
    double[] numbers = new double[table.get("count").asInt()];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] =
          switch (type) {
            case "FLOAT64" -> values.getDouble(i * 8);
            case "FLOAT32" -> values.getFloat(i * 4);
            case "INT32" -> values.getInt(i * 4);
            default -> throw new IllegalStateException("unexpected component type " + type);
          };
    }
    return numbers;
  }

  /** Whether every buffer view starts on an 8-byte boundary, as EXT_structural_metadata needs. */
  boolean viewsAligned() {
    for (JsonNode view : json.get("bufferViews")) {
      if (view.path("byteOffset").asInt(0) % 8 != 0) {
        return false;
      }
    }
    return true;
  }

  private ByteBuffer view(int index) {
    JsonNode view = json.at("/bufferViews/" + index);
    int offset = view.path("byteOffset").asInt(0);
    return bin.slice(offset, view.get("byteLength").asInt()).order(ByteOrder.LITTLE_ENDIAN);
  }
}
