package org.citytwin.http.sensors;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;
import org.citytwin.sensor.InvalidSensorDataException;

/**
 * Typed reads of the members of one JSON object of a request body; a missing, mistyped or unknown
 * member throws an {@link InvalidSensorDataException} naming it (under {@code prefix}).
 */
final class JsonFields {
  private final JsonNode node;
  private final String prefix;

  private JsonFields(JsonNode node, String prefix) {
    this.node = node;
    this.prefix = prefix;
  }

  /** The object at {@code node}, accepting only the member names in {@code allowed}. */
  static JsonFields of(JsonNode node, String prefix, Set<String> allowed) {
    String where = prefix == null ? "body" : prefix;
    if (node == null || !node.isObject()) {
      throw new InvalidSensorDataException(where, where + " must be a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new InvalidSensorDataException(
            qualified(prefix, name),
            "unknown member '"
                + qualified(prefix, name)
                + "'; accepted: "
                + allowed.stream().sorted().toList());
      }
    }
    return new JsonFields(node, prefix);
  }

  String field(String name) {
    return qualified(prefix, name);
  }

  private static String qualified(String prefix, String name) {
    return prefix == null ? name : prefix + "." + name;
  }

  boolean has(String name) {
    JsonNode value = node.get(name);
    return value != null && !value.isNull();
  }

  JsonNode node(String name) {
    return node.get(name);
  }

  String text(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidSensorDataException(field(name), field(name) + " must be a string");
    }
    return value.textValue();
  }

  String requiredText(String name) {
    String text = text(name);
    if (text == null) {
      throw new InvalidSensorDataException(field(name), field(name) + " is required");
    }
    return text;
  }

  Double number(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw new InvalidSensorDataException(
          field(name),
          field(name)
              + " must be a JSON number, was "
              + value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }
    double number = value.doubleValue();
    if (!Double.isFinite(number)) {
      throw new InvalidSensorDataException(
          field(name), field(name) + " must be finite, was " + value);
    }
    return number;
  }

  double requiredNumber(String name) {
    Double number = number(name);
    if (number == null) {
      throw new InvalidSensorDataException(field(name), field(name) + " is required");
    }
    return number;
  }

  /** A JSON boolean; false when absent or null. */
  boolean flag(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw new InvalidSensorDataException(field(name), field(name) + " must be true or false");
    }
    return value.booleanValue();
  }

  /** An RFC 3339 date-time with a zone offset ({@code Z} or {@code +09:00}), or null. */
  Instant instant(String name) {
    String text = text(name);
    return text == null ? null : parseInstant(text, field(name));
  }

  Duration duration(String name) {
    String text = text(name);
    if (text == null) {
      return null;
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidSensorDataException(
          field(name),
          field(name) + " must be an ISO 8601 duration such as PT5M, was '" + text + "'");
    }
  }

  static Instant parseInstant(String text, String field) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      boolean zoneless;
      try {
        LocalDateTime.parse(text);
        zoneless = true;
      } catch (DateTimeParseException notLocal) {
        zoneless = false;
      }
      throw new InvalidSensorDataException(
          field,
          zoneless
              ? field
                  + " '"
                  + text
                  + "' has no zone offset; write it like 2026-07-01T09:00:00+09:00 or ...Z"
              : field
                  + " '"
                  + text
                  + "' is not an RFC 3339 date-time such as 2026-07-01T09:00:00+09:00");
    }
  }
}
