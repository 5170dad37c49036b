package org.citytwin.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The summary of one group (or of all objects).
 *
 * @param count objects in the group
 * @param measures statistics per measure name, in the order asked for
 * @param histogram the group's histogram, over the same edges as every other group's
 */
public record GroupResult(
    GroupKey key, long count, Map<String, Statistics> measures, Optional<Histogram> histogram) {

  public GroupResult {
    Objects.requireNonNull(key, "key");
    measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
    Objects.requireNonNull(histogram, "histogram (use Optional.empty())");
  }
}
