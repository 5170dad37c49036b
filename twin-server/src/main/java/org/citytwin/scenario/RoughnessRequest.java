package org.citytwin.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.citytwin.terrain.RoughnessTable;

/**
 * Reads the {@code roughness} of a scenario: {@code "land-use"} for Manning's n by land use with
 * the cited defaults ({@link RoughnessTable#defaults()}), or an object overriding some of them:
 * {@code {"road": 0.016, "water": 0.03, "default": 0.035, "landUse": {"203": 0.1}}} (n in (0, 1];
 * {@code landUse} keys are {@code luse:class} codes). The same object is the table file of {@code
 * twin flood run --roughness-table}. Every refusal names the field, e.g. {@code
 * roughness.landUse.203}.
 */
public final class RoughnessRequest {
  /** The one text value: land-use roughness with the default table. */
  public static final String LAND_USE = "land-use";

  static final Set<String> FIELDS = Set.of("road", "water", "default", "landUse");
  private static final ObjectMapper JSON = new ObjectMapper();

  private RoughnessRequest() {}

  /** The table {@code n} asks for; {@code field} names it in refusals. */
  public static RoughnessTable parse(JsonNode n, String field) {
    if (n.isTextual() && LAND_USE.equals(n.asText())) {
      return RoughnessTable.defaults();
    }
    if (!n.isObject()) {
      throw ScenarioRejected.field(
          field,
          field
              + " must be \""
              + LAND_USE
              + "\" or an object of Manning's n overriding the defaults: {\"road\": n, \"water\":"
              + " n, \"default\": n, \"landUse\": {\"<class code>\": n}}");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!FIELDS.contains(name)) {
        throw ScenarioRejected.field(
            field + "." + name,
            "unknown field '"
                + field
                + "."
                + name
                + "'; accepted: "
                + new java.util.TreeSet<>(FIELDS));
      }
    }
    RoughnessTable table =
        RoughnessTable.defaults()
            .with(
                manning(n.get("road"), field + ".road"),
                manning(n.get("water"), field + ".water"),
                manning(n.get("default"), field + ".default"));
    JsonNode codes = n.get("landUse");
    if (codes == null || codes.isNull()) {
      return table;
    }
    if (!codes.isObject()) {
      throw ScenarioRejected.field(
          field + ".landUse",
          field + ".landUse must be an object of class code to Manning's n, e.g. {\"203\": 0.1}");
    }
    Map<String, Double> byCode = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = codes.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = field + ".landUse." + e.getKey();
      if (!e.getKey().matches("[A-Za-z0-9_.-]{1,32}")) {
        throw ScenarioRejected.field(
            at, "class code '" + e.getKey() + "' must be 1-32 letters, digits, _ . or -");
      }
      byCode.put(e.getKey(), manning(e.getValue(), at));
    }
    return table.withLandUse(byCode);
  }

  /**
   * A table file of {@code twin flood run --roughness-table}.
   *
   * @throws IllegalArgumentException naming the file and the field at fault
   */
  public static RoughnessTable read(Path file) throws IOException {
    JsonNode n;
    try {
      n = JSON.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "--roughness-table " + file + ": not JSON: " + e.getOriginalMessage(), e);
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException(
          "--roughness-table " + file + ": must be a JSON object {\"road\": n, ...}");
    }
    try {
      return parse(n, "roughness");
    } catch (ScenarioRejected e) {
      throw new IllegalArgumentException(
          "--roughness-table " + file + ": field '" + e.field() + "': " + e.detail(), e);
    }
  }

  private static Double manning(JsonNode n, String field) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isNumber() || !(n.asDouble() > 0 && n.asDouble() <= 1)) {
      throw ScenarioRejected.field(
          field, field + " " + n + " must be a Manning's n above 0 and at most 1");
    }
    return n.asDouble();
  }
}
