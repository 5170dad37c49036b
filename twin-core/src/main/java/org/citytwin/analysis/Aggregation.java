package org.citytwin.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.citytwin.analysis.AttributeReading.NotANumber;
import org.citytwin.analysis.AttributeReading.NumericValue;
import org.citytwin.analysis.AttributeReading.Present;
import org.citytwin.model.CityObject;
import org.citytwin.query.Filter;
import org.citytwin.query.Literal;
import org.citytwin.query.Query;
import org.citytwin.store.StoreException;
import org.citytwin.store.StoredObject;
import org.citytwin.store.TwinStore;

/**
 * Computes an {@link AggregationSpec} over objects pushed one at a time, then {@link #result()}
 * once. Memory grows with the number of groups (at most {@link #MAX_GROUPS}) and, when a histogram
 * is asked for, by 12 bytes per object that has the histogram attribute (bin edges depend on the
 * smallest and largest value, known only at the end); objects themselves are never kept.
 *
 * <p>Use {@link #run} to aggregate a store query in one call, or feed an instance as the {@link
 * Consumer} of {@link TwinStore#query}. Not thread-safe. States: accumulating, then finished by the
 * first {@link #result()}; adding after that is an {@link IllegalStateException}.
 */
public final class Aggregation implements Consumer<StoredObject> {
  /** The most groups one aggregation may produce. */
  public static final int MAX_GROUPS = 10_000;

  private final AggregationSpec spec;
  private final Optional<AttributeReading> groupBy;
  private final List<AttributeReading> measures;
  private final Optional<AttributeReading> histogramAttribute;
  private final Group total;
  private final Map<Literal, Group> groups = new HashMap<>();
  private final List<Group> groupOrder = new ArrayList<>();
  private final HistogramValues histogramValues = new HistogramValues();
  private AggregationResult result;

  public Aggregation(AggregationSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.groupBy = spec.groupBy().map(AttributeReading::new);
    this.measures = spec.measures().stream().map(AttributeReading::new).toList();
    this.histogramAttribute = spec.histogram().map(h -> new AttributeReading(h.attribute()));
    this.total = new Group(GroupKey.MISSING, -1);
  }

  /** Aggregates every object of the store matching {@code filter}, streaming. */
  public static AggregationResult run(TwinStore store, Filter filter, AggregationSpec spec)
      throws StoreException {
    Aggregation aggregation = new Aggregation(spec);
    store.query(Query.of(filter), aggregation);
    return aggregation.result();
  }

  @Override
  public void accept(StoredObject stored) {
    add(stored.object(), stored.datasetSourceName());
  }

  /**
   * Adds one object of the named dataset.
   *
   * @throws AggregationLimitException when it would open group {@link #MAX_GROUPS} + 1
   */
  public void add(CityObject object, String datasetName) {
    if (result != null) {
      throw new IllegalStateException("aggregation is finished; start a new one to add objects");
    }
    Group group = groupBy.isPresent() ? groupOf(groupBy.get().group(object, datasetName)) : null;
    for (int m = 0; m < measures.size(); m++) {
      NumericValue value = measures.get(m).number(object, datasetName);
      total.measure(m, value);
      if (group != null) {
        group.measure(m, value);
      }
    }
    total.count++;
    if (group != null) {
      group.count++;
    }
    if (histogramAttribute.isPresent()
        && histogramAttribute.get().number(object, datasetName) instanceof Present p) {
      histogramValues.add(p.value(), group == null ? -1 : group.index);
    }
  }

  /**
   * Finishes the aggregation (on the first call) and returns its result.
   *
   * @throws AggregationLimitException when a histogram bin width gives more than {@link
   *     HistogramSpec#MAX_BINS} bins over the values seen
   */
  public AggregationResult result() {
    if (result == null) {
      Optional<Binning> binning = spec.histogram().map(histogramValues::binning);
      long[][] groupCounts = new long[groupOrder.size()][];
      long[] totalCounts = binning.map(b -> histogramValues.count(b, groupCounts)).orElse(null);
      List<GroupResult> groupResults = new ArrayList<>();
      for (Group group : groupOrder) {
        groupResults.add(group.toResult(binning, groupCounts[group.index]));
      }
      groupResults.sort((a, b) -> GroupKey.ORDER.compare(a.key(), b.key()));
      result = new AggregationResult(spec, total.toResult(binning, totalCounts), groupResults);
    }
    return result;
  }

  private Group groupOf(GroupKey key) {
    Group group = groups.get(key.value());
    if (group == null) {
      if (groupOrder.size() == MAX_GROUPS) {
        throw new AggregationLimitException(
            AggregationLimitException.Limit.GROUPS,
            "grouping by '"
                + spec.groupBy().orElseThrow()
                + "' gives more than "
                + MAX_GROUPS
                + " groups; group by an attribute with fewer distinct values");
      }
      group = new Group(key, groupOrder.size());
      groups.put(key.value(), group);
      groupOrder.add(group);
    }
    return group;
  }

  /** The accumulators of one group. */
  private final class Group {
    final GroupKey key;
    final int index;
    final RunningStatistics[] statistics;
    long count;

    Group(GroupKey key, int index) {
      this.key = key;
      this.index = index;
      this.statistics = new RunningStatistics[measures.size()];
      for (int m = 0; m < statistics.length; m++) {
        statistics[m] = new RunningStatistics();
      }
    }

    void measure(int m, NumericValue value) {
      if (value instanceof Present p) {
        statistics[m].add(p.value());
      } else if (value instanceof NotANumber) {
        statistics[m].addNonNumeric();
      }
    }

    GroupResult toResult(Optional<Binning> binning, long[] counts) {
      Map<String, Statistics> byName = new LinkedHashMap<>();
      for (int m = 0; m < statistics.length; m++) {
        byName.put(measures.get(m).name(), statistics[m].snapshot());
      }
      Optional<Histogram> histogram =
          binning.map(
              b ->
                  new Histogram(
                      b.attribute(), b.edges(), counts == null ? new long[b.bins()] : counts));
      return new GroupResult(key, count, byName, histogram);
    }
  }
}
