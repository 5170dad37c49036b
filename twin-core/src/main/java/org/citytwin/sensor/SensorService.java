package org.citytwin.sensor;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.citytwin.model.DerivedShape;
import org.citytwin.store.SensorDatabase;
import org.citytwin.store.StoreException;
import org.citytwin.store.StoredObject;
import org.citytwin.store.TwinStore;
import org.locationtech.jts.geom.Point;

/**
 * The twin's live sensors over a city store: entities, durable ingest with group commit, queries,
 * threshold alerts and the live feed. Open with {@link #open}, close after the server that uses it.
 *
 * <p>An observation is acknowledged ({@link #ingest} returns) only after the transaction holding it
 * committed; see {@link SensorDatabase} for what that survives.
 */
public final class SensorService implements AutoCloseable {
  /** How long an ingest waits to be taken into a commit before it gives up (and is not written). */
  static final long COMMIT_WAIT_SECONDS = 60;

  private final TwinStore city;
  private final SensorDatabase database;
  private final SensorCatalog catalog = new SensorCatalog();
  private final ObservationFeed feed = new ObservationFeed();
  private final AlertDetector detector;
  private final IngestWriter writer;
  private final CrowdAreas crowdAreas;
  private final ZoneId crowdTimeZone;

  private SensorService(TwinStore city, SensorDatabase database, SensorOptions options)
      throws StoreException {
    this.city = city;
    this.database = database;
    database.things().forEach(catalog::put);
    database.sensors().forEach(catalog::put);
    database.observedProperties().forEach(catalog::put);
    List<Observation> latest = new ArrayList<>();
    for (Datastream d : database.datastreams()) {
      catalog.put(d);
      database.latest(d.id()).ifPresent(latest::add);
    }
    feed.seed(latest);
    this.detector =
        new AlertDetector(catalog, feed, new CityExposure(city, options.alertRadiusMetres()));
    this.crowdAreas = new CrowdAreas(city, catalog);
    this.writer =
        new IngestWriter(
            database,
            feed,
            detector,
            new CongestionDetector(catalog, feed, crowdAreas),
            options.maxGroupObservations());
    this.crowdTimeZone = options.crowdTimeZone();
  }

  /** Opens the sensor database in the city store's directory (see {@link SensorDatabase}). */
  public static SensorService open(TwinStore city, SensorOptions options) throws StoreException {
    Objects.requireNonNull(city, "city store");
    Objects.requireNonNull(options, "options");
    SensorDatabase database = SensorDatabase.open(city.directory(), options.syncMode());
    try {
      return new SensorService(city, database, options);
    } catch (StoreException | RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /**
   * Where a city object stands: the centroid of its footprint at its ground height.
   *
   * @throws InvalidSensorDataException naming {@code cityObject} when there is no such object or it
   *     has no geometry
   */
  public Location locationOf(String cityObjectId) throws StoreException {
    StoredObject stored =
        city.get(cityObjectId)
            .orElseThrow(
                () ->
                    new InvalidSensorDataException(
                        "cityObject", "cityObject: no city object has gml:id " + cityObjectId));
    DerivedShape shape = stored.object().shape();
    InvalidSensorDataException.require(
        shape != null, "cityObject", "cityObject " + cityObjectId + " has no geometry to place at");
    Point centroid = shape.footprint().getCentroid();
    return new Location(centroid.getX(), centroid.getY(), shape.groundHeightMetres());
  }

  /** Creates or replaces a thing; returns whether it was new. */
  public boolean put(Thing thing) throws StoreException {
    if (thing.cityObjectId() != null && city.get(thing.cityObjectId()).isEmpty()) {
      throw new InvalidSensorDataException(
          "cityObject", "cityObject: no city object has gml:id " + thing.cityObjectId());
    }
    if (crowdAreas.areaOf(thing).isEmpty()) {
      for (Datastream d : catalog.datastreams()) {
        InvalidSensorDataException.require(
            !d.thingId().equals(thing.id())
                || !d.kind().equals(ObservationKind.PEOPLE_COUNT)
                || !d.countScope().walkableArea(),
            "location",
            "thing "
                + thing.id()
                + " needs an area (a location polygon or a city object with a polygonal"
                + " footprint): datastream "
                + d.id()
                + " counts its walkable ground");
      }
    }
    boolean created = catalog.thing(thing.id()).isEmpty();
    database.put(thing);
    catalog.put(thing);
    catalog.datastreams().stream()
        .filter(d -> d.thingId().equals(thing.id()))
        .forEach(d -> detector.forget(d.id()));
    return created;
  }

  public boolean put(Sensor sensor) throws StoreException {
    boolean created = catalog.sensor(sensor.id()).isEmpty();
    database.put(sensor);
    catalog.put(sensor);
    return created;
  }

  public boolean put(ObservedProperty property) throws StoreException {
    boolean created = catalog.observedProperty(property.id()).isEmpty();
    database.put(property);
    catalog.put(property);
    return created;
  }

  /**
   * Creates or replaces a datastream. Its thing, sensor and observed property must exist; an
   * existing datastream keeps its kind and unit, since its stored results are in them.
   */
  public boolean put(Datastream datastream) throws StoreException {
    requireExists(catalog.thing(datastream.thingId()), "thing", datastream.thingId());
    requireExists(catalog.sensor(datastream.sensorId()), "sensor", datastream.sensorId());
    requireExists(
        catalog.observedProperty(datastream.observedPropertyId()),
        "observedProperty",
        datastream.observedPropertyId());
    if (datastream.countScope() != null && datastream.countScope().walkableArea()) {
      InvalidSensorDataException.require(
          crowdAreas.areaOf(catalog.thing(datastream.thingId()).orElseThrow()).isPresent(),
          "countScope.walkableArea",
          "countScope.walkableArea needs an area on thing "
              + datastream.thingId()
              + ": a location polygon, or a city object with a polygonal footprint");
    }
    Optional<Datastream> old = catalog.datastream(datastream.id());
    if (old.isPresent()) {
      InvalidSensorDataException.require(
          old.get().kind() == datastream.kind(),
          "kind",
          "kind of datastream "
              + datastream.id()
              + " is "
              + old.get().kind()
              + " and cannot change");
      InvalidSensorDataException.require(
          old.get().unit().symbol().equals(datastream.unit().symbol()),
          "unitOfMeasurement.symbol",
          "unit of datastream "
              + datastream.id()
              + " is "
              + old.get().unit().symbol()
              + " and cannot change");
    }
    database.put(datastream);
    catalog.put(datastream);
    detector.forget(datastream.id());
    return old.isEmpty();
  }

  public Optional<Thing> thing(String id) {
    return catalog.thing(id);
  }

  public Optional<Sensor> sensor(String id) {
    return catalog.sensor(id);
  }

  public Optional<ObservedProperty> observedProperty(String id) {
    return catalog.observedProperty(id);
  }

  public Optional<Datastream> datastream(String id) {
    return catalog.datastream(id);
  }

  public List<Thing> things() {
    return catalog.things();
  }

  public List<Sensor> sensors() {
    return catalog.sensors();
  }

  public List<ObservedProperty> observedProperties() {
    return catalog.observedProperties();
  }

  /** The datastreams the selection accepts, in id order. */
  public List<Datastream> datastreams(DatastreamSelection selection) {
    return catalog.datastreams().stream()
        .filter(d -> selection.accepts(d, catalog.thing(d.thingId()).orElse(null)))
        .toList();
  }

  /** The selection as a test on datastream ids, evaluated against the entities at each call. */
  public Predicate<String> matcher(DatastreamSelection selection) {
    return id ->
        catalog
            .datastream(id)
            .map(d -> selection.accepts(d, catalog.thing(d.thingId()).orElse(null)))
            .orElse(false);
  }

  /**
   * Checks every observation against its datastream, then writes them all in one transaction and
   * returns once that committed. Nothing is written when any is invalid.
   *
   * @param fieldPrefix prefix of the field names in errors ({@code observations} gives {@code
   *     observations[3].result}); null for a single observation ({@code result})
   * @throws InvalidSensorDataException naming the first bad item's field
   * @throws StoreException when the transaction failed or did not finish in time
   */
  public IngestReceipt ingest(List<Observation> observations, String fieldPrefix)
      throws StoreException {
    for (int i = 0; i < observations.size(); i++) {
      try {
        validate(observations.get(i));
      } catch (InvalidSensorDataException e) {
        throw fieldPrefix == null ? e : e.under(fieldPrefix + "[" + i + "]");
      }
    }
    return writer.write(observations, COMMIT_WAIT_SECONDS);
  }

  private void validate(Observation o) {
    Datastream d =
        catalog
            .datastream(o.datastreamId())
            .orElseThrow(
                () ->
                    new InvalidSensorDataException(
                        "datastream", "datastream: no datastream has id " + o.datastreamId()));
    d.kind().requireValidResult(o.result(), "result");
  }

  /** The latest observation of each selected datastream. */
  public List<Observation> latest(DatastreamSelection selection) {
    return feed.latest(matcher(selection));
  }

  public Optional<Observation> latest(String datastreamId) {
    return feed.latest(datastreamId);
  }

  public void observations(
      String datastreamId, Instant from, Instant to, int limit, Consumer<Observation> sink)
      throws StoreException {
    database.observations(datastreamId, from, to, limit, sink);
  }

  public List<IntervalAggregate> aggregates(
      String datastreamId, Instant from, Instant to, Duration interval) throws StoreException {
    return database.aggregates(datastreamId, from, to, interval);
  }

  public List<Alert> alerts(int limit) throws StoreException {
    return database.alerts(limit);
  }

  /**
   * The state of every crowd area at its latest count, in thing id order: things with an area
   * (their own polygon, or their city object's polygonal footprint) and a walkable-area or line
   * people count. The first call after a city import measures each area's walkable ground again.
   */
  public List<CrowdState> crowdStates() throws StoreException {
    List<CrowdState> states = new ArrayList<>();
    for (CrowdArea area : crowdAreas.all()) {
      states.add(new CrowdState(area, feed.latest(area.count().id()).orElse(null)));
    }
    return states;
  }

  /** The crowd area of the thing with this id at its latest count; empty when it is none. */
  public Optional<CrowdState> crowdState(String thingId) throws StoreException {
    return crowdAreas
        .byId(thingId)
        .map(area -> new CrowdState(area, feed.latest(area.count().id()).orElse(null)));
  }

  /** The zone crowd forecasts use unless told otherwise. */
  public ZoneId crowdTimeZone() {
    return crowdTimeZone;
  }

  /**
   * The weekday and time-of-day forecast of a crowd area from all its stored counts (see {@link
   * CrowdForecast}), computed by the sensor database; empty when the thing is no crowd area.
   *
   * @param slotMinutes the slot length, dividing a day (15, 30, 60...)
   */
  public Optional<CrowdForecast> crowdForecast(
      String thingId, Set<DayOfWeek> days, int slotMinutes, ZoneId zone) throws StoreException {
    Optional<CrowdArea> found = crowdAreas.byId(thingId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    CrowdArea area = found.get();
    List<CrowdForecast.Slot> slots = new ArrayList<>();
    for (SlotStatistics statistics :
        database.slotStatistics(
            area.count().id(), TimeRange.EARLIEST, TimeRange.LATEST, zone, slotMinutes)) {
      if (days.contains(statistics.day())) {
        slots.add(new CrowdForecast.Slot(area, slotMinutes, statistics));
      }
    }
    return Optional.of(new CrowdForecast(area, zone, slotMinutes, days, slots));
  }

  /** Subscribes to the selected datastreams' observations and alerts. */
  public FeedSubscription subscribe(DatastreamSelection selection, int capacity) {
    return feed.subscribe(matcher(selection), capacity);
  }

  public long observationCount() throws StoreException {
    return database.observationCount();
  }

  /** Writes what is queued, then closes the database; safe twice. The city store stays open. */
  @Override
  public void close() {
    writer.close();
    database.close();
  }

  private static void requireExists(Optional<?> entity, String field, String id) {
    InvalidSensorDataException.require(
        entity.isPresent(), field, field + ": no " + field + " has id " + id);
  }
}
