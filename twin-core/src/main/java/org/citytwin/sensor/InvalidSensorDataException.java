package org.citytwin.sensor;

import java.util.Objects;

/**
 * A sensor entity or observation with a bad value. {@link #field} names the field as a client wrote
 * it, with the index of the item in a batch ({@code observations[12].result}), so the HTTP layer
 * can point at it.
 */
public final class InvalidSensorDataException extends IllegalArgumentException {
  private final String field;

  public InvalidSensorDataException(String field, String message) {
    super(message);
    this.field = Objects.requireNonNull(field, "field");
  }

  public String field() {
    return field;
  }

  /** The same problem as seen from a containing object: {@code prefix.field}. */
  public InvalidSensorDataException under(String prefix) {
    return new InvalidSensorDataException(prefix + "." + field, getMessage());
  }

  static void require(boolean condition, String field, String message) {
    if (!condition) {
      throw new InvalidSensorDataException(field, message);
    }
  }

  /** Requires an id of 1..128 printable characters without '/', usable in a URL path segment. */
  static String requireId(String id, String field) {
    require(id != null && !id.isBlank(), field, field + " must not be empty");
    require(id.length() <= 128, field, field + " must be at most 128 characters");
    require(
        id.chars().allMatch(c -> c > 0x20 && c != '/' && c != '\\' && c != 0x7f),
        field,
        field + " '" + id + "' must not contain spaces, control characters or slashes");
    return id;
  }

  static String requireText(String text, String field, int maxLength) {
    require(text != null, field, field + " is required");
    require(
        text.length() <= maxLength, field, field + " must be at most " + maxLength + " characters");
    return text;
  }
}
