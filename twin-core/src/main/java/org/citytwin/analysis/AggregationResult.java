package org.citytwin.analysis;

import java.util.List;
import java.util.Objects;

/**
 * What an {@link Aggregation} found.
 *
 * @param total every object fed in, with the statistics over all of them (its key is {@link
 *     GroupKey#MISSING} and means "all")
 * @param groups one entry per distinct value of the grouping attribute in {@link GroupKey#ORDER},
 *     objects without a value last; empty when the spec has no {@code groupBy}
 */
public record AggregationResult(AggregationSpec spec, GroupResult total, List<GroupResult> groups) {

  public AggregationResult {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(total, "total");
    groups = List.copyOf(groups);
  }
}
