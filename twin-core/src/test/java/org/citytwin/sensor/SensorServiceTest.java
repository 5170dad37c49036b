package org.citytwin.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.citytwin.citygml.CityGmlParser;
import org.citytwin.citygml.CityGmlSources;
import org.citytwin.citygml.Fixtures;
import org.citytwin.load.CityImporter;
import org.citytwin.load.ImportListener;
import org.citytwin.model.RiskKind;
import org.citytwin.query.Filter;
import org.citytwin.query.Literal;
import org.citytwin.query.Query;
import org.citytwin.store.StoredObject;
import org.citytwin.store.TwinStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sensor service over a real store holding the Osaka sample buildings. */
class SensorServiceTest {
  @TempDir static Path directory;
  static TwinStore city;
  static SensorService sensors;
  static StoredObject floodedBuilding;
  static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");

  @BeforeAll
  static void openCity() throws Exception {
    city = TwinStore.open(directory.resolve("store"));
    Path sample = Fixtures.osakaDirectory().resolve("51357346_bldg_6697_op.gml");
    try (CityGmlParser parser = new CityGmlParser(2, null)) {
      new CityImporter(city, parser, ImportListener.SILENT)
          .importAll(CityGmlSources.expand(List.of(sample)));
    }
    floodedBuilding =
        city.list(
                Query.of(new Filter.Compare("river_flood_depth", Filter.Operator.GT, Literal.of(0)))
                    .page(1, 0))
            .get(0);
    sensors = SensorService.open(city, SensorOptions.defaults());
    sensors.put(new Sensor("radar", "radar water-level gauge", "", ""));
    sensors.put(new ObservedProperty("level", "water level", "", ""));
    Location at = sensors.locationOf(floodedBuilding.object().gmlId());
    sensors.put(new Thing("gauge", "gauge by the river", "", floodedBuilding.object().gmlId(), at));
    String river =
        floodedBuilding.object().risks().stream()
            .filter(
                r ->
                    r.kind() == RiskKind.RIVER_FLOOD
                        && r.depthMetres() != null
                        && r.depthMetres() > 0)
            .findFirst()
            .orElseThrow()
            .description();
    sensors.put(waterLevel("ds-level", new WaterLevelThresholds(2.0, 3.0, 3.5, 4.0, river)));
    sensors.put(waterLevel("ds-plain", null));
  }

  static Datastream waterLevel(String id, WaterLevelThresholds thresholds) {
    return new Datastream(
        id,
        id,
        "gauge",
        "radar",
        "level",
        ObservationKind.WATER_LEVEL,
        UnitOfMeasurement.standard(ObservationKind.WATER_LEVEL),
        thresholds,
        null);
  }

  @AfterAll
  static void close() {
    sensors.close();
    city.close();
  }

  static Observation at(String ds, int minute, double value) {
    return new Observation(ds, T0.plusSeconds(60L * minute), null, value);
  }

  @Test
  void upsertIsIdempotentAndLateDataKeepsTheLatest() throws Exception {
    sensors.ingest(List.of(at("ds-plain", 10, 1.0), at("ds-plain", 5, 0.5)), "observations");
    sensors.ingest(List.of(at("ds-plain", 10, 1.25)), null);
    sensors.ingest(List.of(at("ds-plain", 1, 0.1)), null);
    List<Observation> stored = new ArrayList<>();
    sensors.observations("ds-plain", T0, T0.plusSeconds(3600), 100, stored::add);
    assertEquals(
        List.of(at("ds-plain", 1, 0.1), at("ds-plain", 5, 0.5), at("ds-plain", 10, 1.25)), stored);
    assertEquals(at("ds-plain", 10, 1.25), sensors.latest("ds-plain").orElseThrow());
  }

  /**
   * Concurrent posts (single observations, small and large batches, some invalid, some repeating
   * another thread's keys) share group commits: every valid post is acknowledged, stored and
   * published once; an invalid one fails alone, naming its field, and leaves nothing behind; a key
   * posted by two threads is stored once.
   */
  @Test
  void concurrentPostsShareCommitsAndABadOneFailsOnlyItself() throws Exception {
    sensors.put(waterLevel("ds-concurrent", null));
    int threads = 24;
    int postsPerThread = 30;
    Instant start = T0.plusSeconds(86_400L * 400);
    java.util.Map<Instant, Double> acknowledged = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.Map<Instant, Set<Double>> shared = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.concurrent.atomic.AtomicInteger refused =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger sharedCommits =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.Queue<Throwable> unexpected = new java.util.concurrent.ConcurrentLinkedQueue<>();
    try (FeedSubscription feed =
        sensors.subscribe(
            new DatastreamSelection(Set.of("ds-concurrent"), null, null), 1_000_000)) {
      List<Thread> posters = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Thread poster =
            new Thread(
                () -> {
                  Random random = new Random(thread);
                  for (int post = 0; post < postsPerThread; post++) {
                    // Each thread owns a day of times; post 0 of every thread hits one shared key.
                    Instant base = start.plusSeconds(86_400L * 30 * thread + 1000L * post);
                    int size = post % 10 == 9 ? 300 : post % 5 == 4 ? 20 : 1;
                    List<Observation> batch = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                      Instant time = post == 0 ? start.minusSeconds(60) : base.plusSeconds(i);
                      batch.add(new Observation("ds-concurrent", time, null, random.nextInt(1000)));
                    }
                    boolean bad = post % 7 == 3;
                    if (bad) {
                      Observation last = batch.remove(batch.size() - 1);
                      batch.add(
                          new Observation("no-such-datastream", last.phenomenonTime(), null, 1));
                    }
                    try {
                      IngestReceipt receipt =
                          sensors.ingest(batch, size == 1 ? null : "observations");
                      assertFalse(bad, "an invalid post was acknowledged");
                      if (receipt.groupObservations() > receipt.observations()) {
                        sharedCommits.incrementAndGet();
                      }
                      for (Observation o : batch) {
                        if (post == 0) {
                          shared
                              .computeIfAbsent(
                                  o.phenomenonTime(),
                                  k -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                              .add(o.result());
                        } else {
                          acknowledged.put(o.phenomenonTime(), o.result());
                        }
                      }
                    } catch (InvalidSensorDataException e) {
                      if (!bad) {
                        unexpected.add(e);
                      }
                      String field =
                          size == 1 ? "datastream" : "observations[" + (size - 1) + "].datastream";
                      if (!field.equals(e.field())) {
                        unexpected.add(new AssertionError("named " + e.field() + ", not " + field));
                      }
                      refused.incrementAndGet();
                    } catch (Throwable e) {
                      unexpected.add(e);
                    }
                  }
                });
        posters.add(poster);
        poster.start();
      }
      for (Thread poster : posters) {
        poster.join(TimeUnit.MINUTES.toMillis(5));
      }
      assertTrue(unexpected.isEmpty(), "unexpected failures: " + unexpected);
      long badPerThread =
          java.util.stream.IntStream.range(0, postsPerThread).filter(p -> p % 7 == 3).count();
      assertEquals(threads * badPerThread, refused.get());
      assertTrue(sharedCommits.get() > 0, "no post shared a commit with another");

      java.util.Map<Instant, Double> stored = new java.util.HashMap<>();
      sensors.observations(
          "ds-concurrent",
          start.minusSeconds(3600),
          start.plusSeconds(86_400L * 30 * (threads + 1)),
          1_000_000,
          o -> assertEquals(null, stored.put(o.phenomenonTime(), o.result()), "stored twice"));
      Instant sharedKey = start.minusSeconds(60);
      assertTrue(shared.get(sharedKey).contains(stored.remove(sharedKey)), "shared key's value");
      assertEquals(acknowledged, stored, "exactly the acknowledged observations are stored");

      List<FeedEvent> events = new ArrayList<>();
      while (feed.poll(events, 1_000_000, 0, TimeUnit.SECONDS) > 0) {
        // drain: every committed observation was queued before its post returned
      }
      long published = events.stream().filter(e -> e instanceof FeedEvent.ObservationEvent).count();
      assertEquals(
          acknowledged.size() + threads, published, "each committed observation published once");
    }
  }

  @Test
  void aBadItemRejectsTheWholeBatchNamingItsIndex() throws Exception {
    long before = sensors.observationCount();
    List<Observation> batch =
        List.of(at("ds-plain", 100, 1), at("ds-plain", 101, 1), at("no-such", 102, 1));
    InvalidSensorDataException e =
        assertThrows(InvalidSensorDataException.class, () -> sensors.ingest(batch, "observations"));
    assertEquals("observations[2].datastream", e.field());
    assertEquals(before, sensors.observationCount());
  }

  @Test
  void crossingALevelRecordsAndPushesAnAlertListingFloodingBuildings() throws Exception {
    try (FeedSubscription feed =
        sensors.subscribe(new DatastreamSelection(Set.of("ds-level"), null, null), 1000)) {
      sensors.ingest(List.of(at("ds-level", 0, 1.0), at("ds-level", 1, 3.2)), "observations");
      sensors.ingest(List.of(at("ds-level", -5, 9.0)), null); // late data: no stage change
      List<FeedEvent> events = new ArrayList<>();
      while (events.size() < 4) {
        assertTrue(feed.poll(events, 100, 10, TimeUnit.SECONDS) > 0, "events arrive");
      }
      assertTrue(events.get(0) instanceof FeedEvent.ObservationEvent);
      assertTrue(events.get(1) instanceof FeedEvent.ObservationEvent);
      Alert pushed = ((FeedEvent.AlertEvent) events.get(2)).alert();
      assertEquals(WaterLevelStage.FLOOD_WATCH, pushed.to());
      assertEquals(WaterLevelStage.NORMAL, pushed.from());
      String bound = floodedBuilding.object().gmlId();
      assertTrue(pushed.nearbyObjectIds().contains(bound), pushed.nearbyObjectIds().toString());
      assertTrue(
          pushed.floodingBuildingIds().contains(bound), pushed.floodingBuildingIds().toString());
      for (int i = 1; i < events.size(); i++) {
        assertTrue(events.get(i).sequence() > events.get(i - 1).sequence());
      }
      assertEquals(List.of(pushed), sensors.alerts(1));
      assertEquals(3.2, sensors.latest("ds-level").orElseThrow().result());
    }
  }

  @Test
  void aggregatesMatchABruteForceOracle() throws Exception {
    sensors.put(waterLevel("ds-random", null));
    Random random = new Random(42);
    List<Observation> batch = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      batch.add(
          new Observation(
              "ds-random",
              T0.plusSeconds(random.nextInt(86_400)),
              null,
              Math.round(random.nextGaussian() * 1000) / 100.0));
    }
    sensors.ingest(batch, "observations");
    TreeMap<Instant, Double> unique = new TreeMap<>();
    batch.forEach(o -> unique.put(o.phenomenonTime(), o.result())); // later posts replace
    Instant from = T0.plusSeconds(1800);
    Duration interval = Duration.ofMinutes(90);
    List<IntervalAggregate> aggregates =
        sensors.aggregates("ds-random", from, T0.plusSeconds(86_400), interval);
    TreeMap<Instant, List<Double>> buckets = new TreeMap<>();
    unique
        .tailMap(from)
        .forEach(
            (t, v) -> {
              long index = Duration.between(from, t).toSeconds() / interval.toSeconds();
              buckets
                  .computeIfAbsent(from.plus(interval.multipliedBy(index)), k -> new ArrayList<>())
                  .add(v);
            });
    assertEquals(buckets.size(), aggregates.size());
    for (IntervalAggregate a : aggregates) {
      List<Double> values = buckets.get(a.start());
      assertEquals(values.size(), a.count());
      assertEquals(values.stream().mapToDouble(d -> d).min().orElseThrow(), a.min());
      assertEquals(values.stream().mapToDouble(d -> d).max().orElseThrow(), a.max());
      assertEquals(values.stream().mapToDouble(d -> d).average().orElseThrow(), a.mean(), 1e-9);
    }
  }

  @Test
  void aSnapshotThenEveryLaterEventReachesASubscriber() throws Exception {
    sensors.ingest(List.of(at("ds-plain", 500, 2.0)), null);
    try (FeedSubscription feed = sensors.subscribe(DatastreamSelection.all(), 10_000)) {
      assertTrue(feed.snapshot().contains(at("ds-plain", 500, 2.0)), feed.snapshot().toString());
      List<Observation> sent = new ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        sent.add(at("ds-plain", 1000 + i, i));
      }
      sensors.ingest(sent, "observations");
      List<FeedEvent> events = new ArrayList<>();
      while (events.size() < sent.size()) {
        assertTrue(feed.poll(events, 10_000, 10, TimeUnit.SECONDS) > 0);
      }
      assertEquals(
          sent, events.stream().map(e -> ((FeedEvent.ObservationEvent) e).observation()).toList());
      assertFalse(feed.overflowed());
    }
  }

  @Test
  void aSubscriberThatFallsBehindIsDroppedAndToldSo() throws Exception {
    try (FeedSubscription feed =
        sensors.subscribe(new DatastreamSelection(Set.of("ds-plain"), null, null), 10)) {
      List<Observation> sent = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        sent.add(at("ds-plain", 5000 + i, i));
      }
      sensors.ingest(sent, "observations");
      List<FeedEvent> events = new ArrayList<>();
      feed.poll(events, 100, 10, TimeUnit.SECONDS);
      assertEquals(10, events.size());
      assertTrue(feed.overflowed());
    }
  }

  @Test
  void entitiesAndObservationsSurviveReopening() throws Exception {
    sensors.ingest(List.of(at("ds-plain", 9000, 7.5)), null);
    List<Datastream> streams = sensors.datastreams(DatastreamSelection.all());
    List<Thing> things = sensors.things();
    long count = sensors.observationCount();
    sensors.close();
    sensors = SensorService.open(city, SensorOptions.defaults());
    assertEquals(streams, sensors.datastreams(DatastreamSelection.all()));
    assertEquals(things, sensors.things());
    assertEquals(count, sensors.observationCount());
    assertEquals(at("ds-plain", 9000, 7.5), sensors.latest("ds-plain").orElseThrow());
  }
}
