package org.citytwin.load;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.citytwin.citygml.IssueCounts;
import org.citytwin.model.CityObjectType;

/** The outcome of an import over all its sources. */
public record ImportSummary(List<SourceResult> sources, Duration elapsed) {

  public ImportSummary {
    sources = List.copyOf(sources);
  }

  public long objectCount() {
    return sources.stream().mapToLong(SourceResult::objectCount).sum();
  }

  public long bytes() {
    return sources.stream().filter(SourceResult::succeeded).mapToLong(SourceResult::bytes).sum();
  }

  public List<SourceResult> failures() {
    return sources.stream().filter(s -> !s.succeeded()).toList();
  }

  public Map<CityObjectType, Long> objectsByType() {
    Map<CityObjectType, Long> total = new EnumMap<>(CityObjectType.class);
    for (SourceResult source : sources) {
      source.objectsByType().forEach((type, n) -> total.merge(type, n, Long::sum));
    }
    return total;
  }

  public IssueCounts issues() {
    IssueCounts total = new IssueCounts();
    for (SourceResult source : sources) {
      total.addAll(source.issues());
    }
    return total;
  }
}
