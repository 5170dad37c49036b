package org.citytwin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.CityObject;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Envelope3D;
import org.citytwin.model.RiskAttribute;
import org.citytwin.model.RiskKind;
import org.citytwin.query.Filter;
import org.citytwin.query.Filter.Operator;
import org.citytwin.query.GroundDistance;
import org.citytwin.query.Literal;
import org.citytwin.query.Query;
import org.citytwin.query.SortKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Seeded random queries against a brute-force scan of the same 2000 synthetic buildings around
 * Osaka bay (34.6N 135.45E), in two datasets. Any difference prints the seed-determined filter.
 */
class QueryOracleTest {

  private static final long SEED = 20240611L;
  private static final double LON = 135.45;
  private static final double LAT = 34.6;
  private static final double SPREAD_DEGREES = 0.01;
  private static final String[] NAMES = {
    "梅田ビル", "Bldg A", "B_1", "x'); DROP TABLE city_object; --", "なんば", "100%", "bldg a"
  };
  private static final String[] RANKS = {"1", "2", "3", "4", "5", "unknown"};

  @TempDir static Path directory;
  private static TwinStore store;
  private static final List<Oracle.Row> rows = new ArrayList<>();

  @BeforeAll
  static void importCity() throws Exception {
    Random random = new Random(SEED);
    List<CityObject> east = new ArrayList<>();
    List<CityObject> west = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      CityObject object = randomObject(random, i);
      boolean isEast = i % 3 != 0;
      (isEast ? east : west).add(object);
      rows.add(new Oracle.Row(object, isEast ? "east.gml" : "west.gml"));
    }
    store = TwinStore.open(directory);
    TwinStoreTest.importAll(store, "east.gml", east);
    TwinStoreTest.importAll(store, "west.gml", west);
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  @Test
  void randomFiltersMatchTheLinearScan() throws Exception {
    Random random = new Random(SEED + 1);
    int nonTrivial = 0;
    for (int i = 0; i < 400; i++) {
      Filter filter = randomFilter(random, 3);
      List<String> expected = expected(filter, Oracle.order(List.of()));
      List<String> actual = ids(store.list(Query.of(filter)));
      assertEquals(expected, actual, () -> "filter " + filter);
      assertEquals(expected.size(), store.count(filter), () -> "count of " + filter);
      nonTrivial += expected.isEmpty() || expected.size() == rows.size() ? 0 : 1;
    }
    // Guard against a generator so skewed that every filter is trivially all or nothing.
    assertEquals(
        true, nonTrivial > 200, "only " + nonTrivial + " filters selected a proper subset");
  }

  @Test
  void eachLeafKindMatchesTheLinearScan() throws Exception {
    Random random = new Random(SEED + 2);
    for (int kind = 0; kind < LEAF_KINDS; kind++) {
      for (int i = 0; i < 25; i++) {
        Filter filter = leaf(random, kind);
        assertEquals(
            expected(filter, Oracle.order(List.of())),
            ids(store.list(Query.of(filter))),
            () -> "filter " + filter);
      }
    }
  }

  @Test
  void sortedQueriesAndPagesOf37MatchTheLinearScan() throws Exception {
    Random random = new Random(SEED + 3);
    String[] attributes = {
      "height",
      "name",
      "storeysAboveGround",
      "yearOfConstruction",
      "river_flood_depth",
      "type",
      "dataset",
      "parent_id",
      "usage",
      "nothing"
    };
    for (int i = 0; i < 40; i++) {
      List<SortKey> keys = new ArrayList<>();
      for (int k = random.nextInt(3); k >= 0; k--) {
        keys.add(new SortKey(attributes[random.nextInt(attributes.length)], random.nextBoolean()));
      }
      Filter filter = random.nextBoolean() ? Filter.all() : randomFilter(random, 2);
      Query query = Query.of(filter).sortedBy(keys.toArray(SortKey[]::new));
      List<String> expected = expected(filter, Oracle.order(keys));
      assertEquals(expected, ids(store.list(query)), () -> "query " + query);
      if (i % 4 != 0) {
        continue; // Offset paging re-sorts per page; a quarter of the queries keep the test quick.
      }
      List<String> paged = new ArrayList<>();
      for (long offset = 0; offset <= expected.size(); offset += 37) {
        paged.addAll(ids(store.list(query.page(37, offset))));
      }
      assertEquals(expected, paged, () -> "pages of " + query);
    }
  }

  @Test
  void nearestNeighboursMatchTheLinearScan() throws Exception {
    Random random = new Random(SEED + 4);
    for (int i = 0; i < 60; i++) {
      double lon = LON + (random.nextDouble() * 2 - 1) * SPREAD_DEGREES * 1.5;
      double lat = LAT + (random.nextDouble() * 2 - 1) * SPREAD_DEGREES * 1.5;
      int k = 1 + random.nextInt(i % 10 == 0 ? 2500 : 30);
      Filter filter = random.nextInt(3) == 0 ? randomFilter(random, 1) : Filter.all();
      Comparator<Oracle.Row> byDistance =
          Comparator.<Oracle.Row>comparingDouble(
                  r -> GroundDistance.metres(r.object().shape().footprint(), lon, lat))
              .thenComparing(r -> r.object().gmlId());
      List<String> expected =
          rows.stream()
              .filter(r -> r.object().shape() != null && Oracle.matches(filter, r))
              .sorted(byDistance)
              .limit(k)
              .map(r -> r.object().gmlId())
              .toList();
      Query query = Query.of(filter).nearestTo(lon, lat, k);
      assertEquals(expected, ids(store.list(query)), () -> "query " + query);
      int offset = random.nextInt(expected.size() + 1);
      List<String> page = expected.subList(offset, Math.min(expected.size(), offset + 5));
      assertEquals(page, ids(store.list(query.page(5, offset))), () -> "page of " + query);
    }
  }

  private static List<String> expected(Filter filter, Comparator<Oracle.Row> order) {
    Predicate<Oracle.Row> matches = row -> Oracle.matches(filter, row);
    return rows.stream().filter(matches).sorted(order).map(r -> r.object().gmlId()).toList();
  }

  private static List<String> ids(List<StoredObject> objects) {
    return objects.stream().map(o -> o.object().gmlId()).toList();
  }

  private static CityObject randomObject(Random random, int index) {
    String gmlId = String.format("b_%04d", index);
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    if (random.nextInt(5) > 0) {
      attributes.put("name", new AttributeValue.Text(NAMES[random.nextInt(NAMES.length)]));
    }
    attributes.put("storeysAboveGround", new AttributeValue.Number(1 + random.nextInt(30), null));
    int year = 1950 + random.nextInt(70);
    switch (random.nextInt(10)) {
      case 0 -> {}
      case 1, 2 -> attributes.put("yearOfConstruction", new AttributeValue.Text("" + year));
      default -> attributes.put("yearOfConstruction", new AttributeValue.Number(year, null));
    }
    attributes.put("usage", new AttributeValue.Code("41" + random.nextInt(5), "usage.xml", null));
    List<RiskAttribute> risks = new ArrayList<>();
    for (int r = random.nextInt(4); r > 0; r--) {
      Double depth = random.nextInt(6) == 0 ? null : Math.round(random.nextDouble() * 500) / 100.0;
      risks.add(
          new RiskAttribute(
              RiskKind.RIVER_FLOOD,
              "淀川",
              RANKS[random.nextInt(RANKS.length)],
              depth,
              random.nextBoolean() ? null : random.nextDouble() * 48,
              "L2",
              null,
              null));
    }
    if (random.nextInt(10) == 0) {
      risks.add(new RiskAttribute(RiskKind.LANDSLIDE, null, null, null, null, null, null, "1"));
    }
    // A few very large objects stretch the prefilter strips; a few have no geometry at all.
    boolean large = random.nextInt(400) == 0;
    CityObject box =
        BoxBuildings.box(
            gmlId,
            LON + (random.nextDouble() * 2 - 1) * SPREAD_DEGREES,
            LAT + (random.nextDouble() * 2 - 1) * SPREAD_DEGREES,
            large ? 900 : 5 + random.nextDouble() * 55,
            large ? 700 : 5 + random.nextDouble() * 55,
            random.nextDouble() * 5,
            3 + random.nextDouble() * 60,
            attributes,
            risks);
    boolean part = random.nextInt(10) == 0;
    boolean bare = random.nextInt(50) == 0;
    return new CityObject(
        gmlId,
        part ? CityObjectType.BUILDING_PART : CityObjectType.BUILDING,
        part ? "bldg:BuildingPart" : "bldg:Building",
        part ? String.format("b_%04d", random.nextInt(2000)) : null,
        box.attributes(),
        box.risks(),
        bare ? List.of() : box.geometries(),
        bare ? null : box.shape());
  }

  private static Filter randomFilter(Random random, int depth) {
    int choice = random.nextInt(depth <= 0 ? 1 : 5);
    return switch (choice) {
      case 1 -> new Filter.And(children(random, depth));
      case 2 -> new Filter.Or(children(random, depth));
      case 3 -> new Filter.Not(randomFilter(random, depth - 1));
      default -> leaf(random, random.nextInt(LEAF_KINDS));
    };
  }

  private static List<Filter> children(Random random, int depth) {
    List<Filter> children = new ArrayList<>();
    for (int n = random.nextInt(4); n > 0; n--) {
      children.add(randomFilter(random, depth - 1));
    }
    return children;
  }

  private static final int LEAF_KINDS = 14;

  private static Filter leaf(Random random, int kind) {
    Operator op = Operator.values()[random.nextInt(Operator.values().length)];
    return switch (kind) {
      case 0 ->
          new Filter.Compare(
              pick(random, "height", "ground_height", "roof_height", "footprint_area"),
              op,
              Literal.of(random.nextDouble() * 70));
      case 1 ->
          new Filter.Compare(
              pick(
                  random,
                  "river_flood_depth",
                  "river_flood_rank",
                  "river_flood_duration",
                  "landslide"),
              op,
              Literal.of(random.nextInt(6)));
      case 2 ->
          new Filter.Compare(
              pick(random, "storeysAboveGround", "yearOfConstruction", "nothing"),
              op,
              Literal.of(random.nextBoolean() ? random.nextInt(31) : 1950 + random.nextInt(70)));
      case 3 ->
          new Filter.Compare(
              pick(random, "name", "usage", "yearOfConstruction", "gml_id", "parent_id", "dataset"),
              op,
              Literal.of(
                  pick(
                      random,
                      NAMES[random.nextInt(NAMES.length)],
                      "412",
                      "1990",
                      "b_1000",
                      "east.gml",
                      "")));
      case 4 ->
          new Filter.Between(
              pick(random, "height", "storeysAboveGround", "river_flood_depth"),
              Literal.of(random.nextInt(20)),
              Literal.of(random.nextInt(20) + random.nextInt(40)));
      case 5 ->
          new Filter.In(
              pick(random, "yearOfConstruction", "name", "usage"),
              List.of(
                  Literal.of(1950 + random.nextInt(70)),
                  Literal.of("" + (1950 + random.nextInt(70))),
                  Literal.of(NAMES[random.nextInt(NAMES.length)]),
                  Literal.of("41" + random.nextInt(5))));
      case 6 ->
          new Filter.Like(
              pick(random, "name", "gml_id", "usage", "parent_id", "yearOfConstruction"),
              pick(random, "%ビル%", "B\\_%", "b_1%", "%a", "1__0", "100\\%", "%", "19%", "x'%"),
              random.nextBoolean());
      case 7 ->
          new Filter.IsNull(
              pick(
                  random,
                  "name",
                  "parent_id",
                  "river_flood_depth",
                  "yearOfConstruction",
                  "landslide",
                  "height",
                  "nothing"));
      case 8 ->
          new Filter.TypeIn(
              random.nextBoolean()
                  ? Set.of(CityObjectType.BUILDING_PART)
                  : EnumSet.of(CityObjectType.BUILDING, CityObjectType.ROAD));
      case 9 -> {
        double lon = LON + (random.nextDouble() * 2 - 1) * SPREAD_DEGREES;
        double lat = LAT + (random.nextDouble() * 2 - 1) * SPREAD_DEGREES;
        double size = random.nextDouble() * SPREAD_DEGREES / 2;
        yield new Filter.BboxIntersects(lon, lat, lon + size, lat + size * 0.8);
      }
      case 10 -> {
        double lon = LON + (random.nextDouble() * 2 - 1) * SPREAD_DEGREES;
        double lat = LAT + (random.nextDouble() * 2 - 1) * SPREAD_DEGREES;
        double size = random.nextDouble() * SPREAD_DEGREES / 2;
        double h = random.nextDouble() * 60;
        yield new Filter.Box3DIntersects(
            Envelope3D.of(lon, lat, h, lon + size, lat + size, h + random.nextDouble() * 10));
      }
      case 11 -> new Filter.GeometryIntersects(randomTriangle(random));
      case 12 ->
          new Filter.WithinDistance(
              LON + (random.nextDouble() * 2 - 1) * SPREAD_DEGREES,
              LAT + (random.nextDouble() * 2 - 1) * SPREAD_DEGREES,
              random.nextDouble() * 600);
      default ->
          new Filter.Compare(
              "type",
              pick(random, Operator.EQ, Operator.NE, Operator.LT),
              Literal.of(pick(random, "building", "BUILDING_PART", "road")));
    };
  }

  private static org.locationtech.jts.geom.Geometry randomTriangle(Random random) {
    Coordinate[] ring = new Coordinate[4];
    for (int i = 0; i < 3; i++) {
      ring[i] =
          new Coordinate(
              LON + (random.nextDouble() * 2 - 1) * SPREAD_DEGREES,
              LAT + (random.nextDouble() * 2 - 1) * SPREAD_DEGREES);
    }
    ring[3] = ring[0];
    return new GeometryFactory().createPolygon(ring);
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... options) {
    return options[random.nextInt(options.length)];
  }
}
