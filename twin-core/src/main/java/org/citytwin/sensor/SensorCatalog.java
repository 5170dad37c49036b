package org.citytwin.sensor;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entities in memory, for validating observations without a database read and for finding
 * datastreams by place or city object. A handful of maps: a city has thousands of gauges, not
 * millions.
 */
final class SensorCatalog {
  private final Map<String, Thing> things = new ConcurrentHashMap<>();
  private final Map<String, Sensor> sensors = new ConcurrentHashMap<>();
  private final Map<String, ObservedProperty> properties = new ConcurrentHashMap<>();
  private final Map<String, Datastream> datastreams = new ConcurrentHashMap<>();

  void put(Thing thing) {
    things.put(thing.id(), thing);
  }

  void put(Sensor sensor) {
    sensors.put(sensor.id(), sensor);
  }

  void put(ObservedProperty property) {
    properties.put(property.id(), property);
  }

  void put(Datastream datastream) {
    datastreams.put(datastream.id(), datastream);
  }

  Optional<Thing> thing(String id) {
    return Optional.ofNullable(things.get(id));
  }

  Optional<Sensor> sensor(String id) {
    return Optional.ofNullable(sensors.get(id));
  }

  Optional<ObservedProperty> observedProperty(String id) {
    return Optional.ofNullable(properties.get(id));
  }

  Optional<Datastream> datastream(String id) {
    return Optional.ofNullable(datastreams.get(id));
  }

  List<Thing> things() {
    return sorted(things, Thing::id);
  }

  List<Sensor> sensors() {
    return sorted(sensors, Sensor::id);
  }

  List<ObservedProperty> observedProperties() {
    return sorted(properties, ObservedProperty::id);
  }

  List<Datastream> datastreams() {
    return sorted(datastreams, Datastream::id);
  }

  /** Where the datastream's thing is; empty for an unknown datastream. */
  Optional<Location> locationOf(String datastreamId) {
    Datastream d = datastreams.get(datastreamId);
    return d == null ? Optional.empty() : thing(d.thingId()).map(Thing::location);
  }

  private static <T> List<T> sorted(Map<String, T> map, java.util.function.Function<T, String> id) {
    return map.values().stream().sorted(Comparator.comparing(id)).toList();
  }
}
