package org.citytwin.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One imported source as committed.
 *
 * @param issueCounts data problems counted during the import, by issue name
 * @param version the store {@linkplain TwinStore#version() version} its import committed
 */
public record Dataset(
    long id,
    String sourceName,
    String sourceCrs,
    String citygmlVersion,
    long sourceBytes,
    long objectCount,
    Instant importedAt,
    Map<String, Long> issueCounts,
    long version) {

  public Dataset {
    Objects.requireNonNull(sourceName, "source name");
    Objects.requireNonNull(importedAt, "import time");
    issueCounts = Map.copyOf(issueCounts);
  }
}
