package org.citytwin.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.citytwin.citygml.CityGmlParser;
import org.citytwin.citygml.CityGmlSources;
import org.citytwin.citygml.Fixtures;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.load.CityImporter;
import org.citytwin.load.ImportListener;
import org.citytwin.model.CityObjectType;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.citytwin.store.TwinStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;

/**
 * Crowd areas over a real store holding one PLATEAU Osaka tile's buildings and roads: walkable
 * ground, density and congestion levels, and forecasts from a generated history.
 */
class CrowdAreaTest {
  static final GeometryFactory GEOMETRY = new GeometryFactory();
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  /** A block of the sample city with about 30 buildings (lon 135.4596..135.4612, lat 34.6176..). */
  static final Polygon BLOCK = box(135.4596, 34.6176, 135.4612, 34.6187);

  static final String ROAD = "tran_d3928a91-aecd-4911-97b1-8fad7617faf0";
  @TempDir static Path directory;
  static TwinStore city;
  static SensorService sensors;

  @BeforeAll
  static void openCity() throws Exception {
    city = TwinStore.open(directory.resolve("store"));
    try (CityGmlParser parser = new CityGmlParser(2, null)) {
      new CityImporter(city, parser, ImportListener.SILENT)
          .importAll(
              CityGmlSources.expand(
                  List.of(
                      Fixtures.osakaDirectory().resolve("51357346_bldg_6697_op.gml"),
                      Fixtures.osakaDirectory().resolve("51357346_tran_6697_op.gml"))));
    }
    sensors = SensorService.open(city, SensorOptions.defaults().withCrowdTimeZone(TOKYO));
    sensors.put(new Sensor("camera", "people-counting camera", "", ""));
    sensors.put(new ObservedProperty("people", "persons", "", ""));
    sensors.put(areaThing("block", BLOCK));
    sensors.put(count("block-people", "block", CountScope.walkable()));
    sensors.put(new Thing("avenue", "avenue", "", ROAD, sensors.locationOf(ROAD)));
    sensors.put(count("avenue-people", "avenue", CountScope.walkable()));
    sensors.put(areaThing("bridge", box(135.4500, 34.6200, 135.4502, 34.6201)));
    sensors.put(count("bridge-flow", "bridge", CountScope.line(Duration.ofMinutes(5))));
    sensors.put(new Thing("point", "a point counter", "", null, new Location(135.45, 34.62, null)));
    sensors.put(count("point-people", "point", CountScope.area(500)));
  }

  @AfterAll
  static void close() {
    sensors.close();
    city.close();
  }

  static Polygon box(double minLon, double minLat, double maxLon, double maxLat) {
    return GEOMETRY.createPolygon(
        new Coordinate[] {
          new Coordinate(minLon, minLat),
          new Coordinate(maxLon, minLat),
          new Coordinate(maxLon, maxLat),
          new Coordinate(minLon, maxLat),
          new Coordinate(minLon, minLat)
        });
  }

  static Thing areaThing(String id, Geometry area) {
    var c = area.getCentroid();
    return new Thing(id, id, "", null, new Location(c.getX(), c.getY(), null), area);
  }

  static Datastream count(String id, String thing, CountScope scope) {
    return new Datastream(
        id,
        id,
        thing,
        "camera",
        "people",
        ObservationKind.PEOPLE_COUNT,
        UnitOfMeasurement.standard(ObservationKind.PEOPLE_COUNT),
        null,
        scope);
  }

  static CrowdState state(String id) throws Exception {
    return sensors.crowdState(id).orElseThrow();
  }

  @Test
  void walkableGroundIsTheAreaMinusTheBuildingsMeasuredIndependently() throws Exception {
    WalkableGround ground = state("block").area().ground();
    // Independent: every building of the store, tested in Java, projected to UTM (not the plane
    // rectangular zone the twin uses), unioned one by one. UTM's scale factor near 135.46E is
    // about 0.9996 against 0.9999 for zone VI, so areas may differ by ~0.1 %: allow 0.3 %.
    LocalMetricFrame utm = LocalMetricFrame.around(135.46, 34.618);
    Geometry area = utm.toMetric(BLOCK);
    Geometry buildings = GEOMETRY.createPolygon();
    int count = 0;
    for (var stored :
        city.list(
            Query.of(
                new Filter.TypeIn(
                    EnumSet.of(CityObjectType.BUILDING, CityObjectType.BUILDING_PART))))) {
      Geometry footprint = stored.object().shape().footprint();
      if (footprint instanceof Polygonal && footprint.intersects(BLOCK)) {
        buildings = buildings.union(utm.toMetric(footprint).buffer(0));
        count++;
      }
    }
    double expectedWalkable = area.difference(buildings).getArea();
    assertTrue(count >= 10, "the block holds buildings: " + count);
    assertEquals(count, ground.buildings());
    assertEquals(area.getArea(), ground.areaSquareMetres(), area.getArea() * 0.003);
    assertEquals(expectedWalkable, ground.walkableSquareMetres(), expectedWalkable * 0.003);
    assertTrue(
        ground.buildingSquareMetres() > 0.1 * ground.areaSquareMetres(),
        "buildings cover part of the block: " + ground);
    assertEquals("EPSG:6674", ground.frame(), "JGD2011 plane rectangular zone VI (Osaka)");
  }

  @Test
  void aThingBoundToARoadCountsOverTheRoadFootprint() throws Exception {
    CrowdArea avenue = state("avenue").area();
    Geometry footprint = city.get(ROAD).orElseThrow().object().shape().footprint();
    assertEquals(ROAD, avenue.areaCityObjectId());
    assertTrue(avenue.areaLonLat().equalsExact(footprint, 1e-12));
    double roadArea = city.get(ROAD).orElseThrow().object().shape().footprintAreaSquareMetres();
    assertEquals(roadArea, avenue.ground().areaSquareMetres(), roadArea * 0.003);
    assertTrue(avenue.ground().walkableSquareMetres() <= avenue.ground().areaSquareMetres());
  }

  @ParameterizedTest
  @CsvSource({
    "0.0, EMPTY",
    "0.0999, EMPTY",
    "0.1, SOME",
    "0.4999, SOME",
    "0.5, CROWDED",
    "1.4999, CROWDED",
    "1.5, VERY_CROWDED",
    "4.0, VERY_CROWDED"
  })
  void levelsChangeAtTheThresholds(double density, CongestionLevel level) {
    assertEquals(level, CongestionLevel.ofDensity(density));
  }

  @Test
  void aCountBecomesADensityOnTheWalkableGroundAndALevel() throws Exception {
    assertTrue(state("block").persons().isEmpty(), "no count yet");
    assertTrue(state("block").congestion().isEmpty());
    double walkable = state("block").area().ground().walkableSquareMetres();
    Instant t = Instant.parse("2026-05-01T00:00:00Z");
    // Just under and at each threshold, in whole persons.
    for (double threshold : new double[] {0.1, 0.5, 1.5}) {
      long at = (long) Math.ceil(threshold * walkable);
      for (long persons : new long[] {at - 1, at}) {
        t = t.plusSeconds(60);
        sensors.ingest(List.of(new Observation("block-people", t, null, persons)), null);
        CrowdState s = state("block");
        assertEquals(t, s.phenomenonTime().orElseThrow());
        assertEquals(persons / walkable, s.personsPerSquareMetre().orElseThrow(), 1e-12);
        assertEquals(CongestionLevel.ofDensity(persons / walkable), s.congestion().orElseThrow());
        assertEquals(
            persons == at, s.congestion().orElseThrow() == CongestionLevel.ofDensity(threshold));
      }
    }
  }

  @Test
  void aChangeOfLevelIsPushedOnceAndLateCountsChangeNothing() throws Exception {
    sensors.put(areaThing("events", box(135.4560, 34.6190, 135.4566, 34.6195)));
    sensors.put(count("events-people", "events", CountScope.walkable()));
    double walkable = state("events").area().ground().walkableSquareMetres();
    long some = (long) Math.ceil(0.2 * walkable);
    long crowded = (long) Math.ceil(0.6 * walkable);
    Instant t = Instant.parse("2026-05-03T00:00:00Z");
    try (FeedSubscription feed =
        sensors.subscribe(new DatastreamSelection(Set.of("events-people"), null, null), 1000)) {
      sensors.ingest(List.of(new Observation("events-people", t, null, some)), null);
      sensors.ingest(
          List.of(
              new Observation("events-people", t.plusSeconds(60), null, some + 1),
              new Observation("events-people", t.plusSeconds(120), null, crowded)),
          "observations");
      // Late data (older than the latest) with an empty area changes no level.
      sensors.ingest(List.of(new Observation("events-people", t.minusSeconds(60), null, 0)), null);
      sensors.ingest(List.of(new Observation("events-people", t.plusSeconds(180), null, 0)), null);
      List<FeedEvent> events = new ArrayList<>();
      while (events.size() < 8) {
        assertTrue(feed.poll(events, 100, 10, TimeUnit.SECONDS) > 0, "events arrive");
      }
      List<CongestionChange> changes =
          events.stream()
              .filter(e -> e instanceof FeedEvent.CongestionEvent)
              .map(e -> ((FeedEvent.CongestionEvent) e).change())
              .toList();
      assertEquals(3, changes.size(), changes.toString());
      assertEquals(null, changes.get(0).from());
      assertEquals(CongestionLevel.SOME, changes.get(0).to());
      assertEquals(CongestionLevel.SOME, changes.get(1).from());
      assertEquals(CongestionLevel.CROWDED, changes.get(1).to());
      assertEquals(t.plusSeconds(120), changes.get(1).phenomenonTime());
      assertEquals(crowded / walkable, changes.get(1).personsPerSquareMetre(), 1e-12);
      assertEquals(CongestionLevel.EMPTY, changes.get(2).to());
      assertEquals(t.plusSeconds(180), changes.get(2).phenomenonTime());
      assertTrue(
          events.get(4) instanceof FeedEvent.CongestionEvent,
          "a group's level change follows its observations: " + events);
    }
  }

  @Test
  void aLineCountIsAFlowWithoutDensity() throws Exception {
    sensors.ingest(
        List.of(new Observation("bridge-flow", Instant.parse("2026-05-02T00:00:00Z"), null, 100)),
        null);
    CrowdState s = state("bridge");
    assertTrue(s.area().countsLine());
    assertEquals(20.0, s.personsPerMinute().orElseThrow(), 1e-12, "100 persons in 5 minutes");
    assertTrue(s.personsPerSquareMetre().isEmpty());
    assertTrue(s.congestion().isEmpty());
  }

  @Test
  void onlyThingsWithAnAreaAndACrowdCountAreCrowdAreas() throws Exception {
    List<String> ids = sensors.crowdStates().stream().map(s -> s.area().id()).toList();
    // Other tests add areas of their own; these three are set up for all of them.
    assertTrue(ids.containsAll(List.of("avenue", "block", "bridge")), ids.toString());
    assertEquals(ids.stream().sorted().toList(), ids, "in thing id order");
    assertFalse(ids.contains("point"), "a point counter with a declared area is no crowd area");
    assertTrue(sensors.crowdState("point").isEmpty());
    assertTrue(sensors.crowdState("nothing").isEmpty());
  }

  @Test
  void aWalkableCountNeedsAnArea() throws Exception {
    InvalidSensorDataException e =
        assertThrows(
            InvalidSensorDataException.class,
            () -> sensors.put(count("bad", "point", CountScope.walkable())));
    assertEquals("countScope.walkableArea", e.field());
    e =
        assertThrows(
            InvalidSensorDataException.class,
            () ->
                sensors.put(
                    new Thing("block", "block", "", null, new Location(135.46, 34.618, null))));
    assertEquals("location", e.field(), "dropping the area of a walkable count's thing");
    Polygon bowTie =
        GEOMETRY.createPolygon(
            new Coordinate[] {
              new Coordinate(135.45, 34.62),
              new Coordinate(135.451, 34.621),
              new Coordinate(135.451, 34.62),
              new Coordinate(135.45, 34.621),
              new Coordinate(135.45, 34.62)
            });
    e = assertThrows(InvalidSensorDataException.class, () -> areaThing("bow", bowTie));
    assertEquals("location", e.field());
  }

  @Test
  void theForecastGivesTheMeanAndP90OfEachLocalWeekdaySlot() throws Exception {
    sensors.put(areaThing("history", box(135.4530, 34.6170, 135.4540, 34.6178)));
    sensors.put(count("history-people", "history", CountScope.walkable()));
    // Three weeks of counts every 15 minutes from Monday 2026-06-01 00:00 in Tokyo. In the
    // 30-minute
    // slot of weekday d and index i, each week w (-1, 0, 1) contributes base + w - 2 and
    // base + w + 2, base = 10 d + i, so the slot's mean is exactly base over six samples.
    LocalDateTime start = LocalDateTime.parse("2026-06-01T00:00:00");
    List<Observation> history = new ArrayList<>();
    Map<String, List<Double>> bySlot = new TreeMap<>();
    for (int week = -1; week <= 1; week++) {
      for (int quarter = 0; quarter < 7 * 96; quarter++) {
        LocalDateTime local = start.plusWeeks(week + 1).plusMinutes(15L * quarter);
        int slot = (local.getHour() * 60 + local.getMinute()) / 30;
        double base = 10 * local.getDayOfWeek().getValue() + slot;
        double value = base + week + (local.getMinute() % 30 == 0 ? -2 : 2);
        history.add(
            new Observation("history-people", local.atZone(TOKYO).toInstant(), null, value));
        bySlot
            .computeIfAbsent(local.getDayOfWeek() + "/" + slot, k -> new ArrayList<>())
            .add(value);
      }
    }
    sensors.ingest(history, "observations");
    CrowdForecast all =
        sensors.crowdForecast("history", EnumSet.allOf(DayOfWeek.class), 30, TOKYO).orElseThrow();
    assertEquals(7 * 48, all.slots().size());
    assertEquals(history.size(), all.samples());
    double walkable = all.area().ground().walkableSquareMetres();
    for (CrowdForecast.Slot slot : all.slots()) {
      int index = slot.statistics().startMinute() / 30;
      double base = 10 * slot.day().getValue() + index;
      assertEquals(6, slot.statistics().samples());
      assertEquals(base, slot.statistics().mean(), 1e-9, slot.day() + " " + slot.start());
      double p90 = percentile(bySlot.get(slot.day() + "/" + index), 0.9);
      assertEquals(p90, slot.statistics().p90(), 1e-9);
      assertEquals(base / walkable, slot.meanPersonsPerSquareMetre().orElseThrow(), 1e-12);
      assertEquals(slot.start().plusMinutes(30), slot.end());
    }
    CrowdForecast saturday =
        sensors.crowdForecast("history", EnumSet.of(DayOfWeek.SATURDAY), 60, TOKYO).orElseThrow();
    assertEquals(24, saturday.slots().size());
    assertTrue(saturday.slots().stream().allMatch(s -> s.day() == DayOfWeek.SATURDAY));
    assertEquals(12, saturday.slots().get(0).statistics().samples(), "4 quarters x 3 weeks");
    // The same history in UTC: Tokyo's Monday 00:00 is Sunday 15:00 UTC.
    CrowdForecast utc =
        sensors
            .crowdForecast("history", EnumSet.of(DayOfWeek.SUNDAY), 30, ZoneOffset.UTC)
            .orElseThrow();
    assertEquals("15:00", utc.slots().get(30).start().toString());
    assertEquals(10 * 1 + 0, utc.slots().get(30).statistics().mean(), 1e-9);
  }

  @Test
  void aForecastWithoutHistoryIsEmpty() throws Exception {
    CrowdForecast forecast =
        sensors.crowdForecast("avenue", EnumSet.allOf(DayOfWeek.class), 30, TOKYO).orElseThrow();
    assertTrue(forecast.slots().isEmpty());
    assertEquals(0, forecast.samples());
    assertFalse(
        sensors.crowdForecast("point", EnumSet.allOf(DayOfWeek.class), 30, TOKYO).isPresent());
  }

  /** SQL PERCENTILE_CONT: linear interpolation at rank p (n - 1) of the sorted values. */
  static double percentile(List<Double> values, double p) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    double rank = p * (sorted.length - 1);
    int low = (int) Math.floor(rank);
    int high = Math.min(low + 1, sorted.length - 1);
    return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
  }
}
