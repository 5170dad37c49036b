package org.citytwin.analysis;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.citytwin.query.FixedAttribute;
import org.citytwin.query.Literal;

/**
 * What to compute over a stream of objects: statistics of each {@code measures} attribute, per
 * value of {@code groupBy} when given, and optionally a histogram.
 *
 * <p>Names are flat attribute names as in {@link org.citytwin.query.Filter}: a {@link
 * FixedAttribute} name or a generic one from {@link org.citytwin.model.CityObject#attributes()}.
 * Measures and the histogram attribute must be numeric; a fixed text attribute is refused here,
 * while a generic attribute's non-numeric values are counted apart (see {@link Statistics}).
 *
 * @param groupBy the attribute whose value splits the objects into groups, or empty for one group
 * @param measures distinct numeric attributes, in output order
 */
public record AggregationSpec(
    Optional<String> groupBy, List<String> measures, Optional<HistogramSpec> histogram) {
  /** The most measures one aggregation may compute. */
  public static final int MAX_MEASURES = 32;

  public AggregationSpec {
    Objects.requireNonNull(groupBy, "groupBy (use Optional.empty())");
    Objects.requireNonNull(histogram, "histogram (use Optional.empty())");
    groupBy.ifPresent(name -> requireName(name, "groupBy"));
    measures = List.copyOf(new LinkedHashSet<>(measures));
    if (measures.size() > MAX_MEASURES) {
      throw new IllegalArgumentException(
          "at most " + MAX_MEASURES + " measures, got " + measures.size());
    }
    measures.forEach(AggregationSpec::requireNumeric);
    histogram.ifPresent(h -> requireNumeric(h.attribute()));
  }

  /** Counts only, no groups. */
  public static AggregationSpec count() {
    return new AggregationSpec(Optional.empty(), List.of(), Optional.empty());
  }

  public AggregationSpec groupedBy(String attribute) {
    return new AggregationSpec(Optional.of(attribute), measures, histogram);
  }

  public AggregationSpec measuring(String... attributes) {
    return new AggregationSpec(groupBy, List.of(attributes), histogram);
  }

  public AggregationSpec withHistogram(HistogramSpec spec) {
    return new AggregationSpec(groupBy, measures, Optional.of(spec));
  }

  private static void requireName(String name, String role) {
    Objects.requireNonNull(name, role + " attribute");
    if (name.isBlank()) {
      throw new IllegalArgumentException(role + " attribute must not be blank");
    }
  }

  private static void requireNumeric(String name) {
    requireName(name, "measure");
    Optional<FixedAttribute> fixed = FixedAttribute.find(name);
    if (fixed.isPresent() && fixed.get().kind() != Literal.Kind.NUMBER) {
      throw new IllegalArgumentException(
          "attribute '" + name + "' holds texts and cannot be summed or binned");
    }
  }
}
