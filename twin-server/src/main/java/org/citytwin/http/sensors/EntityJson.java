package org.citytwin.http.sensors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.citytwin.http.Links;
import org.citytwin.sensor.CountScope;
import org.citytwin.sensor.Datastream;
import org.citytwin.sensor.InvalidSensorDataException;
import org.citytwin.sensor.Location;
import org.citytwin.sensor.ObservationKind;
import org.citytwin.sensor.ObservedProperty;
import org.citytwin.sensor.Sensor;
import org.citytwin.sensor.Thing;
import org.citytwin.sensor.UnitOfMeasurement;
import org.citytwin.sensor.WaterLevelThresholds;
import org.locationtech.jts.geom.Geometry;

/** The JSON form of the sensor entities, read from request bodies and written in responses. */
final class EntityJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private EntityJson() {}

  /** A thing without a location of its own, bound to a city object, is placed by {@code place}. */
  interface Placer {
    Location locationOf(String cityObjectId) throws Exception;
  }

  static Thing thing(String id, JsonNode body, Placer place) throws Exception {
    JsonFields f =
        JsonFields.of(body, null, Set.of("id", "name", "description", "cityObject", "location"));
    requireSameId(f, id);
    String cityObject = f.text("cityObject");
    Location location;
    Geometry area = null;
    if (f.has("location") && AreaJson.isGeoJson(f.node("location"))) {
      area = AreaJson.read(f.node("location"), "location");
      location = AreaJson.placeOf(area);
    } else if (f.has("location")) {
      JsonFields l = JsonFields.of(f.node("location"), "location", Set.of("lon", "lat", "height"));
      location = new Location(l.requiredNumber("lon"), l.requiredNumber("lat"), l.number("height"));
    } else if (cityObject != null) {
      location = place.locationOf(cityObject);
    } else {
      throw new InvalidSensorDataException(
          "location",
          "a thing needs a location ({lon, lat} or a GeoJSON Polygon) or a cityObject gml:id to be"
              + " placed at");
    }
    return new Thing(id, f.requiredText("name"), f.text("description"), cityObject, location, area);
  }

  static Sensor sensor(String id, JsonNode body) {
    JsonFields f = JsonFields.of(body, null, Set.of("id", "name", "description", "metadata"));
    requireSameId(f, id);
    return new Sensor(id, f.requiredText("name"), f.text("description"), f.text("metadata"));
  }

  static ObservedProperty observedProperty(String id, JsonNode body) {
    JsonFields f = JsonFields.of(body, null, Set.of("id", "name", "definition", "description"));
    requireSameId(f, id);
    return new ObservedProperty(
        id, f.requiredText("name"), f.text("definition"), f.text("description"));
  }

  static Datastream datastream(String id, JsonNode body) {
    JsonFields f =
        JsonFields.of(
            body,
            null,
            Set.of(
                "id",
                "name",
                "thing",
                "sensor",
                "observedProperty",
                "kind",
                "unitOfMeasurement",
                "thresholds",
                "countScope"));
    requireSameId(f, id);
    ObservationKind kind = ObservationKind.parse(f.requiredText("kind"), "kind");
    UnitOfMeasurement unit = UnitOfMeasurement.standard(kind);
    if (f.has("unitOfMeasurement")) {
      JsonFields u =
          JsonFields.of(
              f.node("unitOfMeasurement"),
              "unitOfMeasurement",
              Set.of("name", "symbol", "definition"));
      unit =
          new UnitOfMeasurement(
              u.requiredText("name"), u.requiredText("symbol"), u.text("definition"));
    }
    WaterLevelThresholds thresholds = null;
    if (f.has("thresholds")) {
      JsonFields t =
          JsonFields.of(
              f.node("thresholds"),
              "thresholds",
              Set.of("standby", "floodWatch", "evacuationDecision", "floodDanger", "river"));
      thresholds =
          new WaterLevelThresholds(
              t.number("standby"),
              t.number("floodWatch"),
              t.number("evacuationDecision"),
              t.number("floodDanger"),
              t.text("river"));
    }
    CountScope scope = null;
    if (f.has("countScope")) {
      JsonFields c =
          JsonFields.of(
              f.node("countScope"),
              "countScope",
              Set.of("areaSquareMetres", "interval", "walkableArea"));
      scope =
          new CountScope(
              c.number("areaSquareMetres"), c.duration("interval"), c.flag("walkableArea"));
    }
    return new Datastream(
        id,
        f.requiredText("name"),
        f.requiredText("thing"),
        f.requiredText("sensor"),
        f.requiredText("observedProperty"),
        kind,
        unit,
        thresholds,
        scope);
  }

  private static void requireSameId(JsonFields f, String pathId) {
    String bodyId = f.text("id");
    if (bodyId != null && !bodyId.equals(pathId)) {
      throw new InvalidSensorDataException(
          "id", "id '" + bodyId + "' differs from the id in the path '" + pathId + "'");
    }
  }

  static ObjectNode write(Thing t, String base) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", t.id()).put("name", t.name()).put("description", t.description());
    if (t.cityObjectId() != null) {
      n.put("cityObject", t.cityObjectId());
      n.put(
          "cityObjectLink",
          base.replace("/sensors/v1", "/api") + "/objects/" + Links.encode(t.cityObjectId()));
    }
    ObjectNode l =
        n.putObject("location").put("lon", t.location().lon()).put("lat", t.location().lat());
    if (t.location().heightMetres() != null) {
      l.put("height", t.location().heightMetres());
    }
    if (t.area() != null) {
      n.set("area", AreaJson.write(t.area()));
    }
    n.put("selfLink", base + "/Things/" + Links.encode(t.id()));
    return n;
  }

  static ObjectNode write(Sensor s, String base) {
    return MAPPER
        .createObjectNode()
        .put("id", s.id())
        .put("name", s.name())
        .put("description", s.description())
        .put("metadata", s.metadata())
        .put("selfLink", base + "/Sensors/" + Links.encode(s.id()));
  }

  static ObjectNode write(ObservedProperty p, String base) {
    return MAPPER
        .createObjectNode()
        .put("id", p.id())
        .put("name", p.name())
        .put("definition", p.definition())
        .put("description", p.description())
        .put("selfLink", base + "/ObservedProperties/" + Links.encode(p.id()));
  }

  static ObjectNode write(Datastream d, String base) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", d.id())
        .put("name", d.name())
        .put("thing", d.thingId())
        .put("sensor", d.sensorId())
        .put("observedProperty", d.observedPropertyId())
        .put("kind", d.kind().name());
    n.putObject("unitOfMeasurement")
        .put("name", d.unit().name())
        .put("symbol", d.unit().symbol())
        .put("definition", d.unit().definition());
    WaterLevelThresholds t = d.thresholds();
    if (t != null) {
      ObjectNode tn = n.putObject("thresholds");
      putIfSet(tn, "standby", t.standbyMetres());
      putIfSet(tn, "floodWatch", t.floodWatchMetres());
      putIfSet(tn, "evacuationDecision", t.evacuationDecisionMetres());
      putIfSet(tn, "floodDanger", t.floodDangerMetres());
      if (t.river() != null) {
        tn.put("river", t.river());
      }
    }
    CountScope c = d.countScope();
    if (c != null) {
      ObjectNode cn = n.putObject("countScope");
      putIfSet(cn, "areaSquareMetres", c.areaSquareMetres());
      if (c.interval() != null) {
        cn.put("interval", c.interval().toString());
      }
      if (c.walkableArea()) {
        cn.put("walkableArea", true);
      }
    }
    String self = base + "/Datastreams/" + Links.encode(d.id());
    n.put("selfLink", self)
        .put("observationsLink", self + "/Observations")
        .put("latestLink", self + "/Observations/latest")
        .put("aggregatesLink", self + "/Aggregates");
    return n;
  }

  private static void putIfSet(ObjectNode node, String name, Double value) {
    if (value != null) {
      node.put(name, value);
    }
  }
}
