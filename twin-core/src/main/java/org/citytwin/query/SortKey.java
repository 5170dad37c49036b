package org.citytwin.query;

import java.util.Objects;

/**
 * One level of result order. Objects missing the attribute come last in either direction. A generic
 * attribute sorts numeric values first (by number), then the others by text.
 */
public record SortKey(String attribute, boolean ascending) {

  public SortKey {
    Objects.requireNonNull(attribute, "sort attribute");
    if (attribute.isBlank()) {
      throw new IllegalArgumentException("sort attribute must not be blank");
    }
  }

  public static SortKey ascending(String attribute) {
    return new SortKey(attribute, true);
  }

  public static SortKey descending(String attribute) {
    return new SortKey(attribute, false);
  }
}
