package org.citytwin.sensor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.citytwin.model.DerivedShape;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * Finds the crowd areas among the things: a thing whose area is known (its own polygon, else the
 * polygonal footprint of its city object, such as a road or land-use object) and that has a people
 * count of its walkable ground or through a line. The walkable ground is measured once per thing
 * and city store version (an import can add or remove buildings) and kept.
 */
final class CrowdAreas {
  private final TwinStore city;
  private final SensorCatalog catalog;
  private final Map<String, Measured> measured = new ConcurrentHashMap<>();

  CrowdAreas(TwinStore city, SensorCatalog catalog) {
    this.city = city;
    this.catalog = catalog;
  }

  /** Every crowd area, in thing id order. */
  List<CrowdArea> all() throws StoreException {
    List<CrowdArea> areas = new ArrayList<>();
    Map<String, List<Datastream>> counts =
        catalog.datastreams().stream()
            .filter(CrowdAreas::countsCrowd)
            .collect(java.util.stream.Collectors.groupingBy(Datastream::thingId));
    for (Thing thing : catalog.things()) {
      Optional<CrowdArea> area = of(thing, counts.getOrDefault(thing.id(), List.of()));
      if (area.isPresent()) {
        areas.add(area.get());
      }
    }
    return areas;
  }

  /** The crowd area of the thing with this id; empty when there is none. */
  Optional<CrowdArea> byId(String thingId) throws StoreException {
    Optional<Thing> thing = catalog.thing(thingId);
    if (thing.isEmpty()) {
      return Optional.empty();
    }
    return of(
        thing.get(),
        catalog.datastreams().stream()
            .filter(d -> d.thingId().equals(thingId) && countsCrowd(d))
            .toList());
  }

  /**
   * The area a thing covers: its own polygon, else its city object's polygonal footprint; empty for
   * a point thing or a city object without a surface footprint (a road centre line).
   */
  Optional<Geometry> areaOf(Thing thing) throws StoreException {
    if (thing.area() != null) {
      return Optional.of(thing.area());
    }
    if (thing.cityObjectId() == null) {
      return Optional.empty();
    }
    return city.get(thing.cityObjectId())
        .map(stored -> stored.object().shape())
        .map(DerivedShape::footprint)
        .filter(footprint -> footprint instanceof Polygonal && footprint.getArea() > 0);
  }

  /** Whether the datastream can be a crowd area's count: of the walkable ground or a line. */
  static boolean countsCrowd(Datastream d) {
    return d.kind() == ObservationKind.PEOPLE_COUNT
        && (d.countScope().walkableArea() || d.countScope().isLine());
  }

  private Optional<CrowdArea> of(Thing thing, List<Datastream> counts) throws StoreException {
    Optional<Datastream> count =
        counts.stream()
            // A count of the ground says more about the crowd than a flow: take it first.
            .min(
                Comparator.comparing((Datastream d) -> d.countScope().isLine())
                    .thenComparing(Datastream::id));
    if (count.isEmpty()) {
      return Optional.empty();
    }
    long version = city.version();
    Measured cached = measured.get(thing.id());
    if (cached == null || cached.thing() != thing || cached.cityVersion() != version) {
      Optional<Geometry> area = areaOf(thing);
      cached =
          new Measured(
              thing,
              version,
              area.orElse(null),
              area.isEmpty() ? null : WalkableGround.measure(city, area.get()));
      measured.put(thing.id(), cached);
    }
    if (cached.area() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new CrowdArea(
            thing,
            count.get(),
            cached.area(),
            thing.area() == null ? thing.cityObjectId() : null,
            cached.ground()));
  }

  /** A thing's area and ground as measured against one city store version. */
  private record Measured(Thing thing, long cityVersion, Geometry area, WalkableGround ground) {}
}
