package org.citytwin.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.RiskAttribute;
import org.citytwin.model.RiskKind;

/**
 * JSON columns for attributes, risks and issue counts. Written through the tree model so the model
 * records need no Jackson annotations, and so each value keeps its kind (number with unit, text,
 * code) and attributes keep their source order.
 */
final class AttributeJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AttributeJson() {}

  /**
   * The attributes as a JSON array of objects, written by the streaming generator rather than the
   * tree model because it runs once per imported object; {@link #readAttributes} reads it back.
   */
  static String writeAttributes(Map<String, AttributeValue> attributes) {
    StringWriter text = new StringWriter(64 * (attributes.size() + 1));
    try (JsonGenerator json = MAPPER.getFactory().createGenerator(text)) {
      json.writeStartArray();
      for (Map.Entry<String, AttributeValue> entry : attributes.entrySet()) {
        writeAttribute(json, entry.getKey(), entry.getValue());
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to a string cannot fail", e);
    }
    return text.toString();
  }

  static Map<String, AttributeValue> readAttributes(String json) throws JsonProcessingException {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    for (JsonNode node : MAPPER.readTree(json)) {
      attributes.put(node.get("name").asText(), attributeValue(node));
    }
    return attributes;
  }

  static String writeRisks(List<RiskAttribute> risks) {
    ArrayNode array = MAPPER.createArrayNode();
    for (RiskAttribute risk : risks) {
      ObjectNode node = array.addObject().put("kind", risk.kind().name());
      node.put("description", risk.description()).put("rank", risk.rank());
      node.put("depthMetres", risk.depthMetres()).put("durationHours", risk.durationHours());
      node.put("scale", risk.scale()).put("adminType", risk.adminType());
      node.put("areaType", risk.areaType());
    }
    return array.toString();
  }

  static List<RiskAttribute> readRisks(String json) throws JsonProcessingException {
    List<RiskAttribute> risks = new ArrayList<>();
    for (JsonNode node : MAPPER.readTree(json)) {
      risks.add(
          new RiskAttribute(
              RiskKind.valueOf(node.get("kind").asText()),
              text(node, "description"),
              text(node, "rank"),
              number(node, "depthMetres"),
              number(node, "durationHours"),
              text(node, "scale"),
              text(node, "adminType"),
              text(node, "areaType")));
    }
    return risks;
  }

  static String writeCounts(Map<String, Long> counts) {
    ObjectNode node = MAPPER.createObjectNode();
    counts.forEach(node::put);
    return node.toString();
  }

  static Map<String, Long> readCounts(String json) throws JsonProcessingException {
    Map<String, Long> counts = new LinkedHashMap<>();
    MAPPER
        .readTree(json)
        .fields()
        .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
    return counts;
  }

  private static void writeAttribute(JsonGenerator json, String name, AttributeValue value)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("name", name);
    if (value instanceof AttributeValue.Number number) {
      json.writeNumberField("number", number.value());
      json.writeStringField("uom", number.uom());
    } else if (value instanceof AttributeValue.Code code) {
      json.writeStringField("code", code.code());
      json.writeStringField("codeSpace", code.codeSpace());
      json.writeStringField("label", code.label());
    } else {
      json.writeStringField("text", value.text());
    }
    json.writeEndObject();
  }

  private static AttributeValue attributeValue(JsonNode node) {
    if (node.has("number")) {
      return new AttributeValue.Number(node.get("number").asDouble(), text(node, "uom"));
    }
    if (node.has("code")) {
      return new AttributeValue.Code(
          node.get("code").asText(), text(node, "codeSpace"), text(node, "label"));
    }
    return new AttributeValue.Text(node.get("text").asText());
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Double number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asDouble();
  }
}
