package org.citytwin.http.sensors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;
import org.citytwin.http.HttpProblem;
import org.citytwin.http.Links;
import org.citytwin.sensor.InvalidSensorDataException;
import org.citytwin.sensor.SensorService;
import org.citytwin.store.StoreException;

/**
 * Registers the sensor routes under {@link #ROOT}; see the package documentation and
 * docs/SENSORS.md for the resources.
 */
public final class SensorsApi {
  public static final String ROOT = "/sensors/v1";

  private final EntityResource entities;
  private final ObservationResource observations;
  private final EventStream events;
  private final ObjectReadings readings;
  private final CrowdResource crowds;

  /**
   * @param writeToken the bearer token writes must carry; empty disables writes
   */
  public SensorsApi(SensorService service, Optional<String> writeToken) {
    WriteAccess access = new WriteAccess(writeToken);
    this.entities = new EntityResource(service, access);
    this.observations = new ObservationResource(service, access);
    this.events = new EventStream(service);
    this.readings = new ObjectReadings(service);
    this.crowds = new CrowdResource(service);
  }

  public void addRoutes(JavalinConfig config) {
    var r = config.routes;
    r.get(ROOT, guard(SensorsApi::landing));
    for (String collection : EntityResource.COLLECTIONS) {
      r.get(ROOT + "/" + collection, guard(ctx -> entities.list(ctx, collection)));
      r.get(ROOT + "/" + collection + "/{id}", guard(ctx -> entities.get(ctx, collection)));
      r.put(ROOT + "/" + collection + "/{id}", guard(ctx -> entities.put(ctx, collection)));
    }
    r.post(ROOT + "/Observations", guard(observations::postOne));
    r.post(ROOT + "/Observations/batch", guard(observations::postBatch));
    r.get(ROOT + "/Datastreams/{id}/Observations", guard(observations::range));
    r.get(ROOT + "/Datastreams/{id}/Observations/latest", guard(observations::latestOfOne));
    r.get(ROOT + "/Datastreams/{id}/Aggregates", guard(observations::aggregates));
    r.get(ROOT + "/Latest", guard(observations::latest));
    r.get(ROOT + "/Alerts", guard(observations::alerts));
    r.get(ROOT + "/Events", guard(events::open));
    r.get(ROOT + "/CrowdAreas", guard(crowds::list));
    r.get(ROOT + "/CrowdAreas/{id}", guard(crowds::get));
    r.get(ROOT + "/CrowdAreas/{id}/Forecast", guard(crowds::forecast));
    r.after("/api/objects/{gmlId}", readings::addTo);
    config.events.serverStopping(events::closeAll);
  }

  private static void landing(Context ctx) {
    String base = Links.origin(ctx) + ROOT;
    ObjectNode body = EntityJson.MAPPER.createObjectNode();
    body.put("title", "Live sensors of the twin (SensorThings-style)");
    ArrayNode links = body.putArray("value");
    for (String name :
        new String[] {
          "Things",
          "Sensors",
          "ObservedProperties",
          "Datastreams",
          "Observations",
          "Latest",
          "Alerts",
          "Events",
          "CrowdAreas"
        }) {
      links.addObject().put("name", name).put("url", base + "/" + name);
    }
    SensorsApi.json(ctx, body);
  }

  static void json(Context ctx, com.fasterxml.jackson.databind.JsonNode body) {
    ctx.contentType("application/json").result(body.toString());
  }

  /** Maps the sensor layer's failures to problem responses, so handlers stay plain. */
  private static Handler guard(Handler handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (InvalidSensorDataException e) {
        throw HttpProblem.badParameter(e.field(), e.getMessage());
      } catch (ObservationJson.BatchTooLargeException e) {
        throw HttpProblem.tooLarge("observations", e.getMessage());
      } catch (StoreException e) {
        throw HttpProblem.unavailable("the sensor store failed: " + e.getMessage());
      }
    };
  }
}
