package org.citytwin.sensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citytwin.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the water-level stage changes in a group of observations about to be committed. A change
 * counts when an observation newer than the gauge's latest (or the first one of a gauge) falls in
 * another stage than that latest; late data older than the latest changes no stage. The objects an
 * alert lists are looked up once per gauge and city store version.
 */
final class AlertDetector {
  private static final Logger LOG = LoggerFactory.getLogger(AlertDetector.class);

  private final SensorCatalog catalog;
  private final ObservationFeed feed;
  private final CityExposure exposure;
  private final Map<String, CachedExposure> exposures =
      new java.util.concurrent.ConcurrentHashMap<>();

  AlertDetector(SensorCatalog catalog, ObservationFeed feed, CityExposure exposure) {
    this.catalog = catalog;
    this.feed = feed;
    this.exposure = exposure;
  }

  /** The alerts (without ids) the group raises, in its order. Called by the ingest thread only. */
  List<Alert> detect(List<Observation> group) {
    List<Alert> alerts = new ArrayList<>();
    NewestObservations newest = new NewestObservations(feed);
    for (Observation o : group) {
      Optional<Datastream> stream = catalog.datastream(o.datastreamId());
      if (stream.isEmpty() || stream.get().thresholds() == null) {
        continue;
      }
      WaterLevelThresholds thresholds = stream.get().thresholds();
      NewestObservations.Step step = newest.advance(o);
      if (step.late()) {
        continue;
      }
      Observation previous = step.previous();
      WaterLevelStage from =
          previous == null ? WaterLevelStage.NORMAL : thresholds.stageOf(previous.result());
      WaterLevelStage to = thresholds.stageOf(o.result());
      if (from != to) {
        CityExposure.Exposure around = exposureOf(stream.get());
        alerts.add(
            new Alert(
                0,
                o.datastreamId(),
                o.phenomenonTime(),
                o.result(),
                from,
                to,
                exposure == null ? 0 : exposure.radiusMetres(),
                around.nearbyObjectIds(),
                around.floodingBuildingIds()));
      }
    }
    return alerts;
  }

  /** Forgets looked-up objects, after a thing or datastream changed. */
  void forget(String datastreamId) {
    exposures.remove(datastreamId);
  }

  private CityExposure.Exposure exposureOf(Datastream stream) {
    Optional<Location> gauge = catalog.locationOf(stream.id());
    if (exposure == null || gauge.isEmpty()) {
      return new CityExposure.Exposure(List.of(), List.of());
    }
    try {
      long version = exposure.cityVersion();
      CachedExposure cached = exposures.get(stream.id());
      if (cached == null || cached.cityVersion() != version || !cached.at().equals(gauge.get())) {
        cached =
            new CachedExposure(
                version, gauge.get(), exposure.around(gauge.get(), stream.thresholds().river()));
        exposures.put(stream.id(), cached);
      }
      return cached.exposure();
    } catch (StoreException e) {
      // The alert is still recorded and pushed: a gauge crossing a level matters more than the
      // list of objects, which the city store failed to give.
      LOG.error("alert on {} lists no city objects: {}", stream.id(), e.getMessage(), e);
      return new CityExposure.Exposure(List.of(), List.of());
    }
  }

  private record CachedExposure(long cityVersion, Location at, CityExposure.Exposure exposure) {}
}
