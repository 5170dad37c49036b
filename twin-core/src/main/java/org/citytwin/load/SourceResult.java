package org.citytwin.load;

import java.time.Duration;
import java.util.Map;
import org.citytwin.citygml.IssueCounts;
import org.citytwin.model.CityObjectType;

/**
 * What importing one source did: objects stored by type and problems counted, or, when it failed,
 * why (the store then holds exactly what it held before this source).
 *
 * @param failure the one-line reason the source was rejected, or null when it was imported
 */
public record SourceResult(
    String sourceName,
    String sourceCrs,
    long bytes,
    Map<CityObjectType, Long> objectsByType,
    IssueCounts issues,
    Duration elapsed,
    String failure) {

  public SourceResult {
    objectsByType = Map.copyOf(objectsByType);
  }

  public boolean succeeded() {
    return failure == null;
  }

  public long objectCount() {
    return objectsByType.values().stream().mapToLong(Long::longValue).sum();
  }
}
