package org.citytwin.http.sensors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import org.citytwin.http.Links;
import org.citytwin.sensor.Datastream;
import org.citytwin.sensor.DatastreamSelection;
import org.citytwin.sensor.SensorService;

/**
 * Adds {@code liveReadings} to the JSON detail of a city object ({@code /api/objects/{gmlId}}) that
 * sensors are bound to: each bound datastream with its kind, unit and latest observation.
 *
 * <p>Why an after-handler: it keeps the OGC resources unaware of sensors. The detail is re-read
 * only for the few objects that have sensors; others pass untouched.
 */
final class ObjectReadings {
  private final SensorService service;

  ObjectReadings(SensorService service) {
    this.service = service;
  }

  void addTo(Context ctx) throws Exception {
    String contentType = ctx.res().getContentType();
    if (ctx.statusCode() != 200
        || contentType == null
        || !contentType.startsWith("application/json")) {
      return;
    }
    String gmlId = ctx.pathParam("gmlId");
    List<Datastream> bound =
        service.datastreams(new DatastreamSelection(java.util.Set.of(), null, gmlId));
    if (bound.isEmpty()) {
      return;
    }
    String body = ctx.result();
    if (body == null) {
      return;
    }
    JsonNode detail = EntityJson.MAPPER.readTree(body);
    if (!(detail instanceof ObjectNode object)) {
      return;
    }
    String base = Links.origin(ctx) + SensorsApi.ROOT;
    ArrayNode readings = object.putArray("liveReadings");
    for (Datastream d : bound) {
      ObjectNode reading = readings.addObject();
      reading
          .put("datastream", d.id())
          .put("name", d.name())
          .put("kind", d.kind().name())
          .put("unit", d.unit().symbol())
          .put("link", base + "/Datastreams/" + Links.encode(d.id()));
      service
          .latest(d.id())
          .ifPresent(
              o -> {
                reading.put("phenomenonTime", o.phenomenonTime().toString());
                reading.put("result", o.result());
                if (d.thresholds() != null) {
                  reading.put("stage", d.thresholds().stageOf(o.result()).name());
                }
              });
    }
    ctx.result(object.toString());
  }
}
