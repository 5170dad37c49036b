package org.citytwin.sensor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.citytwin.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the crowd areas whose congestion level a group of committed counts changes. As with
 * water-level alerts, a count counts when it is newer than the area's latest (late data changes no
 * level), and the first count of an area is a change from no level. Only counts of walkable ground
 * have levels; line counts (flows) never do.
 */
final class CongestionDetector {
  private static final Logger LOG = LoggerFactory.getLogger(CongestionDetector.class);

  private final SensorCatalog catalog;
  private final ObservationFeed feed;
  private final CrowdAreas areas;

  CongestionDetector(SensorCatalog catalog, ObservationFeed feed, CrowdAreas areas) {
    this.catalog = catalog;
    this.feed = feed;
    this.areas = areas;
  }

  /**
   * The level changes in the group, in its order. Called by the ingest thread after the commit and
   * before the feed publishes the group, so the feed still holds the previous counts.
   */
  List<CongestionChange> detect(List<Observation> group) {
    List<CongestionChange> changes = new ArrayList<>();
    Map<String, Optional<CrowdArea>> areaOfThing = new HashMap<>();
    NewestObservations newest = new NewestObservations(feed);
    for (Observation o : group) {
      Optional<Datastream> stream = catalog.datastream(o.datastreamId());
      if (stream.isEmpty()
          || stream.get().kind() != ObservationKind.PEOPLE_COUNT
          || !stream.get().countScope().walkableArea()) {
        continue;
      }
      NewestObservations.Step step = newest.advance(o);
      if (step.late()) {
        continue;
      }
      Observation previous = step.previous();
      Optional<CrowdArea> area = areaOfThing.computeIfAbsent(stream.get().thingId(), this::areaOf);
      if (area.isEmpty() || !area.get().count().id().equals(o.datastreamId())) {
        continue; // the thing's area is counted by another of its datastreams
      }
      OptionalDouble density = CrowdState.density(area.get(), o.result());
      if (density.isEmpty()) {
        continue;
      }
      CongestionLevel to = CongestionLevel.ofDensity(density.getAsDouble());
      CongestionLevel from = null;
      if (previous != null) {
        OptionalDouble before = CrowdState.density(area.get(), previous.result());
        from = before.isPresent() ? CongestionLevel.ofDensity(before.getAsDouble()) : null;
      }
      if (from != to) {
        changes.add(
            new CongestionChange(
                area.get().id(),
                o.datastreamId(),
                o.phenomenonTime(),
                o.result(),
                density.getAsDouble(),
                from,
                to));
      }
    }
    return changes;
  }

  private Optional<CrowdArea> areaOf(String thingId) {
    try {
      return areas.byId(thingId);
    } catch (StoreException | RuntimeException e) {
      // Called after the commit: the counts are acknowledged and published all the same, only the
      // level event is lost, and the log says why.
      LOG.error("no congestion event for {}: {}", thingId, e.getMessage(), e);
      return Optional.empty();
    }
  }
}
