package org.citytwin.http.sensors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.citytwin.http.HttpProblem;
import org.citytwin.http.Links;
import org.citytwin.http.RequestParameters;
import org.citytwin.sensor.DatastreamSelection;
import org.citytwin.sensor.SensorService;
import org.citytwin.sensor.Thing;

/**
 * {@code PUT} (create or replace, 201 or 200) and {@code GET} of Things, Sensors,
 * ObservedProperties and Datastreams; lists of things and datastreams can be narrowed by {@code
 * bbox}, {@code cityObject} and (datastreams) {@code datastream} ids.
 */
final class EntityResource {
  static final List<String> COLLECTIONS =
      List.of("Things", "Sensors", "ObservedProperties", "Datastreams");

  private final SensorService service;
  private final WriteAccess access;

  EntityResource(SensorService service, WriteAccess access) {
    this.service = service;
    this.access = access;
  }

  void put(Context ctx, String collection) throws Exception {
    access.require(ctx);
    String id = ctx.pathParam("id");
    JsonNode body = Bodies.json(ctx);
    String base = base(ctx);
    boolean created;
    ObjectNode written;
    switch (collection) {
      case "Things" -> {
        Thing thing = EntityJson.thing(id, body, service::locationOf);
        created = service.put(thing);
        written = EntityJson.write(thing, base);
      }
      case "Sensors" -> {
        var sensor = EntityJson.sensor(id, body);
        created = service.put(sensor);
        written = EntityJson.write(sensor, base);
      }
      case "ObservedProperties" -> {
        var property = EntityJson.observedProperty(id, body);
        created = service.put(property);
        written = EntityJson.write(property, base);
      }
      default -> {
        var datastream = EntityJson.datastream(id, body);
        created = service.put(datastream);
        written = EntityJson.write(datastream, base);
      }
    }
    SensorsApi.json(ctx.status(created ? 201 : 200), written);
  }

  void get(Context ctx, String collection) {
    RequestParameters.of(ctx, Set.of());
    String id = ctx.pathParam("id");
    String base = base(ctx);
    Optional<ObjectNode> found =
        switch (collection) {
          case "Things" -> service.thing(id).map(t -> EntityJson.write(t, base));
          case "Sensors" -> service.sensor(id).map(s -> EntityJson.write(s, base));
          case "ObservedProperties" ->
              service.observedProperty(id).map(p -> EntityJson.write(p, base));
          default -> service.datastream(id).map(d -> EntityJson.write(d, base));
        };
    SensorsApi.json(
        ctx,
        found.orElseThrow(() -> HttpProblem.notFound("no " + collection + " entity '" + id + "'")));
  }

  void list(Context ctx, String collection) {
    String base = base(ctx);
    ObjectNode body = EntityJson.MAPPER.createObjectNode();
    ArrayNode value = body.putArray("value");
    switch (collection) {
      case "Things" -> {
        DatastreamSelection selection =
            Selections.of(RequestParameters.of(ctx, Set.of("bbox", "cityObject")));
        service.things().stream()
            .filter(
                t ->
                    selection.bbox() == null
                        || t.location()
                            .within(
                                selection.bbox()[0],
                                selection.bbox()[1],
                                selection.bbox()[2],
                                selection.bbox()[3]))
            .filter(
                t ->
                    selection.cityObjectId() == null
                        || selection.cityObjectId().equals(t.cityObjectId()))
            .forEach(t -> value.add(EntityJson.write(t, base)));
      }
      case "Sensors" -> {
        RequestParameters.of(ctx, Set.of());
        service.sensors().forEach(s -> value.add(EntityJson.write(s, base)));
      }
      case "ObservedProperties" -> {
        RequestParameters.of(ctx, Set.of());
        service.observedProperties().forEach(p -> value.add(EntityJson.write(p, base)));
      }
      default -> {
        DatastreamSelection selection =
            Selections.of(RequestParameters.of(ctx, Selections.PARAMETERS));
        service.datastreams(selection).forEach(d -> value.add(EntityJson.write(d, base)));
      }
    }
    SensorsApi.json(ctx, body);
  }

  private static String base(Context ctx) {
    return Links.origin(ctx) + SensorsApi.ROOT;
  }
}
