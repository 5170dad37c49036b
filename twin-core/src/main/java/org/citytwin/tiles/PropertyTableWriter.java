package org.citytwin.tiles;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The EXT_structural_metadata extension of a tile: a schema with one class, {@code building}, and
 * one property table with a row per feature. Absent values are written as the property's {@code
 * noData}: -1 for numbers that cannot be negative, the empty string for text.
 */
final class PropertyTableWriter {
  static final String CLASS = "building";
  static final double NO_NUMBER = -1;

  private PropertyTableWriter() {}

  static ObjectNode write(List<BuildingFeature> features, BinaryBody body) {
    ObjectNode extension = GlbWriter.JSON.createObjectNode();
    ObjectNode schema = extension.putObject("schema").put("id", "citytwin_buildings");
    ObjectNode classProperties =
        schema.putObject("classes").putObject(CLASS).putObject("properties");
    ObjectNode table = extension.putArray("propertyTables").addObject();
    table.put("class", CLASS).put("count", features.size());
    ObjectNode tableProperties = table.putObject("properties");

    classProperties.putObject("gml_id").put("type", "STRING").put("required", true);
    tableProperties.set("gml_id", strings(features, BuildingFeature::gmlId, body));

    classProperties.putObject("height").put("type", "SCALAR").put("componentType", "FLOAT64");
    tableProperties.set("height", float64(features, BuildingFeature::heightMetres, body));

    classProperties.putObject("usage").put("type", "STRING").put("noData", "");
    tableProperties.set("usage", strings(features, BuildingFeature::usage, body));

    classProperties
        .putObject("storeys")
        .put("type", "SCALAR")
        .put("componentType", "INT32")
        .put("noData", (int) NO_NUMBER);
    tableProperties.set("storeys", int32(features, body));

    classProperties
        .putObject("river_flood_depth")
        .put("type", "SCALAR")
        .put("componentType", "FLOAT32")
        .put("noData", NO_NUMBER);
    tableProperties.set(
        "river_flood_depth",
        float32(
            features,
            f -> f.riverFloodDepthMetres() == null ? NO_NUMBER : f.riverFloodDepthMetres(),
            body));

    classProperties.putObject("river_flood_rank").put("type", "STRING").put("noData", "");
    tableProperties.set(
        "river_flood_rank", strings(features, BuildingFeature::riverFloodRank, body));
    return extension;
  }

  private static ObjectNode strings(
      List<BuildingFeature> features, Function<BuildingFeature, String> value, BinaryBody body) {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    ByteBuffer offsets = body.buffer((features.size() + 1) * 4);
    offsets.putInt(0);
    for (BuildingFeature feature : features) {
      String string = value.apply(feature);
      byte[] utf8 = (string == null ? "" : string).getBytes(StandardCharsets.UTF_8);
      text.write(utf8, 0, utf8.length);
      offsets.putInt(text.size());
    }
    // A buffer view cannot be empty: when every string is, one unused byte stands in.
    ByteBuffer values = body.buffer(Math.max(1, text.size()));
    values.put(text.toByteArray());
    ObjectNode property = GlbWriter.JSON.createObjectNode();
    property.put("values", body.view(values, 0));
    property.put("stringOffsets", body.view(offsets, 0)).put("stringOffsetType", "UINT32");
    return property;
  }

  private static ObjectNode float64(
      List<BuildingFeature> features, ToDoubleFunction<BuildingFeature> value, BinaryBody body) {
    ByteBuffer values = body.buffer(features.size() * 8);
    features.forEach(f -> values.putDouble(value.applyAsDouble(f)));
    return GlbWriter.JSON.createObjectNode().put("values", body.view(values, 0));
  }

  private static ObjectNode float32(
      List<BuildingFeature> features, ToDoubleFunction<BuildingFeature> value, BinaryBody body) {
    ByteBuffer values = body.buffer(features.size() * 4);
    features.forEach(f -> values.putFloat((float) value.applyAsDouble(f)));
    return GlbWriter.JSON.createObjectNode().put("values", body.view(values, 0));
  }

  private static ObjectNode int32(List<BuildingFeature> features, BinaryBody body) {
    ByteBuffer values = body.buffer(features.size() * 4);
    features.forEach(f -> values.putInt(f.storeys() == null ? (int) NO_NUMBER : f.storeys()));
    return GlbWriter.JSON.createObjectNode().put("values", body.view(values, 0));
  }
}
