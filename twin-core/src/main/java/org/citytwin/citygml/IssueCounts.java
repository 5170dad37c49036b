package org.citytwin.citygml;

import java.util.EnumMap;
import java.util.Map;

/** Counts of data problems by kind, with the first example of each; not thread-safe. */
public final class IssueCounts {
  private final EnumMap<IssueKind, Long> counts = new EnumMap<>(IssueKind.class);
  private final EnumMap<IssueKind, String> examples = new EnumMap<>(IssueKind.class);

  public void add(IssueKind kind, String example) {
    counts.merge(kind, 1L, Long::sum);
    examples.putIfAbsent(kind, example);
  }

  public void addAll(IssueCounts other) {
    other.counts.forEach((kind, n) -> counts.merge(kind, n, Long::sum));
    other.examples.forEach(examples::putIfAbsent);
  }

  public long count(IssueKind kind) {
    return counts.getOrDefault(kind, 0L);
  }

  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Counts by kind in declaration order, only kinds that occurred. */
  public Map<IssueKind, Long> byKind() {
    return Map.copyOf(counts);
  }

  /** Where the first problem of {@code kind} was seen (gml:id and detail), or null. */
  public String example(IssueKind kind) {
    return examples.get(kind);
  }
}
