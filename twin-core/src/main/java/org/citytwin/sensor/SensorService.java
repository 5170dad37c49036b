package org.citytwin.sensor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
  /** How long an ingest waits for its commit before it gives up (the commit may still happen). */
  static final long COMMIT_WAIT_SECONDS = 60;

  private final TwinStore city;
  private final SensorDatabase database;
  private final SensorCatalog catalog = new SensorCatalog();
  private final ObservationFeed feed = new ObservationFeed();
  private final AlertDetector detector;
  private final IngestWriter writer;

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
    this.writer = new IngestWriter(database, feed, detector, options.maxGroupObservations());
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
    try {
      return writer.submit(observations).get(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StoreException store) {
        throw store;
      }
      throw new StoreException("cannot store observations: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new StoreException(
          "observations not committed within " + COMMIT_WAIT_SECONDS + " s; they may still be");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for the commit");
    }
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
