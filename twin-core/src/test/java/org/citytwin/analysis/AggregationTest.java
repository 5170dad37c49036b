package org.citytwin.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.CityObject;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.DerivedShape;
import org.citytwin.model.Envelope3D;
import org.citytwin.model.RiskAttribute;
import org.citytwin.model.RiskKind;
import org.citytwin.query.Literal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Aggregation against a brute-force oracle over seeded random buildings: sums are computed exactly
 * with {@link BigDecimal}, so the compensated sums must agree within 1e-9 relative.
 */
class AggregationTest {
  private static final long SEED = 20250117L;
  private static final int OBJECTS = 3000;
  private static final double RELATIVE = 1e-9;
  private static final GeometryFactory FACTORY = new GeometryFactory();
  private static final String[] USAGES = {"401", "402", "411", "431", "441"};

  /** One random building and the values the oracle reads straight from how it was made. */
  private record Sample(
      CityObject object, String usage, Double floorArea, boolean floorAreaText, Double depth) {}

  @Test
  void groupedStatisticsMatchBruteForce() {
    List<Sample> samples = samples(new Random(SEED));
    AggregationSpec spec =
        AggregationSpec.count()
            .groupedBy("usage")
            .measuring("uro_totalFloorArea", "river_flood_depth", "footprint_area");
    Aggregation aggregation = new Aggregation(spec);
    samples.forEach(s -> aggregation.add(s.object(), "ds"));
    AggregationResult result = aggregation.result();

    assertEquals(OBJECTS, result.total().count());
    Map<String, List<Sample>> byUsage = new TreeMap<>();
    List<Sample> missing = new ArrayList<>();
    for (Sample sample : samples) {
      if (sample.usage() == null) {
        missing.add(sample);
      } else {
        byUsage.computeIfAbsent(sample.usage(), u -> new ArrayList<>()).add(sample);
      }
    }
    List<GroupResult> groups = result.groups();
    assertEquals(byUsage.size() + 1, groups.size());
    int g = 0;
    for (Map.Entry<String, List<Sample>> entry : byUsage.entrySet()) {
      GroupResult group = groups.get(g++);
      assertEquals(Literal.of(entry.getKey()), group.key().value());
      assertEquals("label " + entry.getKey(), group.key().label());
      checkGroup(entry.getValue(), group);
    }
    assertTrue(groups.get(g).key().isMissing());
    checkGroup(missing, groups.get(g));
    checkGroup(samples, result.total());
  }

  private static void checkGroup(List<Sample> samples, GroupResult group) {
    assertEquals(samples.size(), group.count(), "count of " + group.key());
    check(
        samples.stream().map(Sample::floorArea).toList(),
        samples.stream().filter(Sample::floorAreaText).count(),
        group.measures().get("uro_totalFloorArea"));
    check(
        samples.stream().map(Sample::depth).toList(), 0, group.measures().get("river_flood_depth"));
    check(
        samples.stream()
            .map(
                s ->
                    s.object().shape() == null
                        ? null
                        : s.object().shape().footprintAreaSquareMetres())
            .toList(),
        0,
        group.measures().get("footprint_area"));
  }

  private static void check(List<Double> values, long nonNumeric, Statistics actual) {
    BigDecimal sum = BigDecimal.ZERO;
    long count = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Double value : values) {
      if (value != null) {
        sum = sum.add(new BigDecimal(value));
        count++;
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
    }
    assertEquals(count, actual.count());
    assertEquals(nonNumeric, actual.nonNumeric());
    if (count == 0) {
      assertTrue(Double.isNaN(actual.mean()) && Double.isNaN(actual.min()));
      return;
    }
    double expectedSum = sum.doubleValue();
    assertEquals(expectedSum, actual.sum(), Math.abs(expectedSum) * RELATIVE);
    double expectedMean = expectedSum / count;
    assertEquals(expectedMean, actual.mean(), Math.abs(expectedMean) * RELATIVE);
    assertEquals(min, actual.min(), 0.0);
    assertEquals(max, actual.max(), 0.0);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 10, 100})
  void histogramByCountPutsEveryValueInTheBinItsEdgesSay(int bins) {
    List<Sample> samples = samples(new Random(SEED + bins));
    AggregationSpec spec =
        AggregationSpec.count()
            .groupedBy("usage")
            .withHistogram(HistogramSpec.bins("footprint_area", bins));
    Histogram histogram = aggregate(samples, spec).total().histogram().orElseThrow();
    double[] edges = histogram.edges();
    List<Double> values =
        samples.stream()
            .filter(s -> s.object().shape() != null)
            .map(s -> s.object().shape().footprintAreaSquareMetres())
            .toList();
    assertEquals(bins, histogram.binCount());
    assertEquals(values.stream().mapToDouble(v -> v).min().orElseThrow(), edges[0], 0.0);
    assertEquals(values.stream().mapToDouble(v -> v).max().orElseThrow(), edges[bins], 0.0);
    assertEquals(
        Arrays.toString(bruteForceCounts(values, edges)), Arrays.toString(histogram.counts()));
  }

  @Test
  void groupHistogramsShareEdgesAndAddUpToTheTotal() {
    List<Sample> samples = samples(new Random(SEED));
    AggregationSpec spec =
        AggregationSpec.count()
            .groupedBy("usage")
            .withHistogram(HistogramSpec.width("river_flood_depth", 0.5));
    AggregationResult result = aggregate(samples, spec);
    Histogram total = result.total().histogram().orElseThrow();
    long[] sum = new long[total.binCount()];
    for (GroupResult group : result.groups()) {
      Histogram histogram = group.histogram().orElseThrow();
      assertEquals(Arrays.toString(total.edges()), Arrays.toString(histogram.edges()));
      long[] counts = histogram.counts();
      for (int i = 0; i < counts.length; i++) {
        sum[i] += counts[i];
      }
    }
    assertEquals(Arrays.toString(total.counts()), Arrays.toString(sum));
    double[] edges = total.edges();
    assertEquals(0.0, Math.IEEEremainder(edges[0], 0.5), 1e-12, "edges lie on multiples of 0.5");
    List<Double> depths = samples.stream().map(Sample::depth).filter(d -> d != null).toList();
    assertEquals(Arrays.toString(bruteForceCounts(depths, edges)), Arrays.toString(total.counts()));
  }

  private static long[] bruteForceCounts(List<Double> values, double[] edges) {
    long[] counts = new long[edges.length - 1];
    for (double value : values) {
      for (int i = 0; i < counts.length; i++) {
        boolean last = i == counts.length - 1;
        if (value >= edges[i] && (value < edges[i + 1] || last && value == edges[i + 1])) {
          counts[i]++;
          break;
        }
      }
    }
    return counts;
  }

  @Test
  void alignedBinsIncludeAValueOnTheTopEdge() {
    AggregationSpec spec =
        AggregationSpec.count().withHistogram(HistogramSpec.width("height", 0.5));
    Aggregation aggregation = new Aggregation(spec);
    aggregation.add(building("a", null, 10.0, null, List.of()), "ds");
    aggregation.add(building("b", null, 11.0, null, List.of()), "ds");
    Histogram histogram = aggregation.result().total().histogram().orElseThrow();
    assertEquals("[10.0, 10.5, 11.0, 11.5]", Arrays.toString(histogram.edges()));
    assertEquals("[1, 0, 1]", Arrays.toString(histogram.counts()));
  }

  @Test
  void aTinyBinWidthIsRefusedWithTheNumbers() {
    List<Sample> samples = samples(new Random(SEED));
    AggregationSpec spec =
        AggregationSpec.count().withHistogram(HistogramSpec.width("footprint_area", 0.001));
    AggregationLimitException e =
        assertThrows(AggregationLimitException.class, () -> aggregate(samples, spec));
    assertEquals(AggregationLimitException.Limit.BINS, e.limit());
    assertTrue(e.getMessage().contains("0.001"), e.getMessage());
  }

  @Test
  void groupingByANearUniqueAttributeIsRefused() {
    Aggregation aggregation = new Aggregation(AggregationSpec.count().groupedBy("gml_id"));
    for (int i = 0; i < Aggregation.MAX_GROUPS; i++) {
      aggregation.add(building("b" + i, null, 1.0, null, List.of()), "ds");
    }
    AggregationLimitException e =
        assertThrows(
            AggregationLimitException.class,
            () -> aggregation.add(building("last", null, 1.0, null, List.of()), "ds"));
    assertEquals(AggregationLimitException.Limit.GROUPS, e.limit());
  }

  @Test
  void numericGroupsSortNumericallyBeforeMissing() {
    Aggregation aggregation = new Aggregation(AggregationSpec.count().groupedBy("height"));
    for (double height : new double[] {10, 9, 100, 9}) {
      aggregation.add(building("h" + height, null, height, null, List.of()), "ds");
    }
    aggregation.add(
        new CityObject(
            "none",
            CityObjectType.BUILDING,
            "bldg:Building",
            null,
            Map.of(),
            List.of(),
            List.of(),
            null),
        "ds");
    List<GroupResult> groups = aggregation.result().groups();
    assertEquals(
        Arrays.asList(Literal.of(9.0), Literal.of(10.0), Literal.of(100.0), null),
        groups.stream().map(g -> g.key().value()).toList());
    assertEquals(2, groups.get(0).count());
  }

  @Test
  void emptyInputHasZeroCountsAndNoBins() {
    AggregationSpec spec =
        AggregationSpec.count()
            .groupedBy("usage")
            .measuring("height")
            .withHistogram(HistogramSpec.bins("height", 10));
    AggregationResult result = new Aggregation(spec).result();
    assertEquals(0, result.total().count());
    assertTrue(result.groups().isEmpty());
    assertTrue(Double.isNaN(result.total().measures().get("height").mean()));
    assertEquals(0, result.total().histogram().orElseThrow().binCount());
  }

  @Test
  void addingAfterTheResultIsRefused() {
    Aggregation aggregation = new Aggregation(AggregationSpec.count());
    AggregationResult first = aggregation.result();
    assertEquals(first, aggregation.result());
    assertThrows(
        IllegalStateException.class,
        () -> aggregation.add(building("late", null, 1.0, null, List.of()), "ds"));
  }

  @Test
  void specsRefuseTextMeasuresAndBadBins() {
    assertThrows(IllegalArgumentException.class, () -> AggregationSpec.count().measuring("type"));
    assertThrows(IllegalArgumentException.class, () -> HistogramSpec.bins("height", 0));
    assertThrows(IllegalArgumentException.class, () -> HistogramSpec.bins("height", 101));
    assertThrows(IllegalArgumentException.class, () -> HistogramSpec.width("height", -1));
    assertThrows(IllegalArgumentException.class, () -> HistogramSpec.width("height", Double.NaN));
  }

  private static AggregationResult aggregate(List<Sample> samples, AggregationSpec spec) {
    Aggregation aggregation = new Aggregation(spec);
    samples.forEach(s -> aggregation.add(s.object(), "ds"));
    return aggregation.result();
  }

  private static List<Sample> samples(Random random) {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < OBJECTS; i++) {
      String usage = random.nextInt(8) == 0 ? null : USAGES[random.nextInt(USAGES.length)];
      int floorKind = random.nextInt(10);
      Double floorArea = floorKind < 7 ? Math.exp(random.nextDouble() * 10) : null;
      boolean floorText = floorKind == 9;
      Double depth = null;
      List<RiskAttribute> risks = new ArrayList<>();
      for (int r = random.nextInt(3); r > 0; r--) {
        double d = random.nextDouble() * 6;
        depth = depth == null ? d : Math.max(depth, d);
        risks.add(new RiskAttribute(RiskKind.RIVER_FLOOD, "river", "2", d, null, "L2", null, null));
      }
      if (random.nextInt(5) == 0) {
        risks.add(new RiskAttribute(RiskKind.TSUNAMI, "sea", "3", 9.0, null, null, null, null));
      }
      Map<String, AttributeValue> attributes = new LinkedHashMap<>();
      if (usage != null) {
        attributes.put(
            "usage", new AttributeValue.Code(usage, "Building_usage.xml", "label " + usage));
      }
      if (floorArea != null) {
        attributes.put("uro_totalFloorArea", new AttributeValue.Number(floorArea, "m2"));
      } else if (floorText) {
        attributes.put("uro_totalFloorArea", new AttributeValue.Text("unknown"));
      }
      Double area = random.nextInt(20) == 0 ? null : 20 + random.nextDouble() * 2000;
      CityObject object = building("b" + i, attributes, 3 + random.nextDouble() * 60, area, risks);
      samples.add(new Sample(object, usage, floorArea, floorText, depth));
    }
    return samples;
  }

  /** A building with a shape of that height and footprint area, or no shape when area is null. */
  private static CityObject building(
      String id,
      Map<String, AttributeValue> attributes,
      double height,
      Double area,
      List<RiskAttribute> risks) {
    DerivedShape shape = null;
    if (area != null || attributes == null) {
      shape =
          new DerivedShape(
              FACTORY.createPoint(new Coordinate(139.6, 35.3)),
              Envelope3D.of(139.6, 35.3, 0, 139.6, 35.3, height),
              0,
              height,
              height,
              area == null ? 0 : area,
              List.of());
    }
    return new CityObject(
        id,
        CityObjectType.BUILDING,
        "bldg:Building",
        null,
        attributes == null ? Map.of() : attributes,
        risks,
        List.of(),
        shape);
  }
}
