package org.citytwin.store;

import java.util.Objects;

/**
 * Describes a source about to be imported.
 *
 * @param sourceName identifies the dataset: importing the same name again replaces it
 * @param sourceCrs the source's CRS, for example {@code EPSG:6697}, or null when unknown
 * @param citygmlVersion for example {@code 2.0}, or null when unknown
 * @param sourceBytes the size of the source in bytes
 */
public record DatasetInfo(
    String sourceName, String sourceCrs, String citygmlVersion, long sourceBytes) {

  public DatasetInfo {
    Objects.requireNonNull(sourceName, "source name");
    if (sourceName.isBlank()) {
      throw new IllegalArgumentException("dataset source name must not be blank");
    }
    if (sourceBytes < 0) {
      throw new IllegalArgumentException("source size must be >= 0 bytes, was " + sourceBytes);
    }
  }
}
