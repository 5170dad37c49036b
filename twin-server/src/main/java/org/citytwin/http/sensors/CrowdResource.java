package org.citytwin.http.sensors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import org.citytwin.http.HttpProblem;
import org.citytwin.http.Links;
import org.citytwin.http.RequestParameters;
import org.citytwin.http.Utf8Body;
import org.citytwin.sensor.CongestionLevel;
import org.citytwin.sensor.CrowdArea;
import org.citytwin.sensor.CrowdForecast;
import org.citytwin.sensor.CrowdState;
import org.citytwin.sensor.SensorService;
import org.citytwin.sensor.SlotStatistics;
import org.citytwin.store.StoreException;
import org.locationtech.jts.geom.Envelope;

/**
 * Crowd areas: {@code GET CrowdAreas} as a GeoJSON FeatureCollection (each area's polygon in CRS84,
 * its latest count, density on the walkable ground and congestion level, or flow for a line count),
 * {@code GET CrowdAreas/{id}} one Feature, and {@code GET CrowdAreas/{id}/Forecast} the weekday and
 * time-of-day forecast from the stored counts. See docs/SENSORS.md for the members.
 */
final class CrowdResource {
  static final int DEFAULT_SLOT_MINUTES = 30;

  private final SensorService service;

  CrowdResource(SensorService service) {
    this.service = service;
  }

  void list(Context ctx) throws StoreException {
    double[] bbox = Selections.of(RequestParameters.of(ctx, Set.of("bbox"))).bbox();
    Envelope box = bbox == null ? null : new Envelope(bbox[0], bbox[2], bbox[1], bbox[3]);
    String base = Links.origin(ctx) + SensorsApi.ROOT;
    ObjectNode body = EntityJson.MAPPER.createObjectNode().put("type", "FeatureCollection");
    ArrayNode features = body.putArray("features");
    for (CrowdState state : service.crowdStates()) {
      if (box == null || box.intersects(state.area().areaLonLat().getEnvelopeInternal())) {
        features.add(feature(state, base));
      }
    }
    Utf8Body.send(ctx, "application/geo+json", body.toString());
  }

  void get(Context ctx) throws StoreException {
    RequestParameters.of(ctx, Set.of());
    CrowdState state =
        service.crowdState(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx.pathParam("id")));
    Utf8Body.send(
        ctx,
        "application/geo+json",
        feature(state, Links.origin(ctx) + SensorsApi.ROOT).toString());
  }

  void forecast(Context ctx) throws StoreException {
    RequestParameters p = RequestParameters.of(ctx, Set.of("day", "slotMinutes", "timeZone"));
    Set<DayOfWeek> days = days(p.list("day"));
    int slotMinutes = p.integer("slotMinutes", DEFAULT_SLOT_MINUTES, 5, 240);
    if ((24 * 60) % slotMinutes != 0) {
      throw HttpProblem.badParameter(
          "slotMinutes",
          "slotMinutes must divide a day into equal slots (5, 10, 15, 20, 30, 60, 120, 180, 240"
              + " ...), was "
              + slotMinutes);
    }
    ZoneId zone = zone(p.text("timeZone"));
    String id = ctx.pathParam("id");
    CrowdForecast forecast =
        service.crowdForecast(id, days, slotMinutes, zone).orElseThrow(() -> notFound(id));
    SensorsApi.json(ctx, forecastJson(forecast, Links.origin(ctx) + SensorsApi.ROOT));
  }

  private static HttpProblem notFound(String id) {
    return HttpProblem.notFound(
        "no crowd area '"
            + id
            + "': a crowd area is a thing with an area polygon (or a city object with a polygonal"
            + " footprint) and a PEOPLE_COUNT datastream of its walkable ground or through a line");
  }

  static ObjectNode feature(CrowdState state, String base) {
    CrowdArea area = state.area();
    ObjectNode feature = EntityJson.MAPPER.createObjectNode().put("type", "Feature");
    feature.put("id", area.id());
    feature.set("geometry", AreaJson.write(area.areaLonLat()));
    ObjectNode p = feature.putObject("properties");
    p.put("id", area.id())
        .put("name", area.thing().name())
        .put("datastream", area.count().id())
        .put("countScope", area.countsLine() ? "line" : "walkableArea");
    if (area.areaCityObjectId() != null) {
      p.put("areaCityObject", area.areaCityObjectId());
    }
    p.put("areaSquareMetres", area.ground().areaSquareMetres())
        .put("walkableSquareMetres", area.ground().walkableSquareMetres())
        .put("buildingSquareMetres", area.ground().buildingSquareMetres())
        .put("buildings", area.ground().buildings());
    putOrNull(p, "persons", state.persons());
    if (area.countsLine()) {
      // A flow through a line has no density: leave density and level out rather than invent one.
      p.put("interval", area.count().countScope().interval().toString());
      putOrNull(p, "personsPerMinute", state.personsPerMinute());
    } else {
      putOrNull(p, "personsPerSquareMetre", state.personsPerSquareMetre());
      p.put("congestion", state.congestion().map(CrowdResource::levelName).orElse(null));
    }
    p.put("phenomenonTime", state.phenomenonTime().map(Object::toString).orElse(null));
    String self = base + "/CrowdAreas/" + Links.encode(area.id());
    p.put("forecastLink", self + "/Forecast");
    p.put("datastreamLink", base + "/Datastreams/" + Links.encode(area.count().id()));
    return feature;
  }

  private static ObjectNode forecastJson(CrowdForecast forecast, String base) {
    CrowdArea area = forecast.area();
    ObjectNode body = EntityJson.MAPPER.createObjectNode();
    body.put("area", area.id())
        .put("name", area.thing().name())
        .put("datastream", area.count().id())
        .put("countScope", area.countsLine() ? "line" : "walkableArea")
        .put("walkableSquareMetres", area.ground().walkableSquareMetres())
        .put("timeZone", forecast.zone().getId())
        .put("slotMinutes", forecast.slotMinutes());
    ArrayNode days = body.putArray("days");
    EnumSet.copyOf(forecast.days()).forEach(d -> days.add(dayName(d)));
    body.put("samples", forecast.samples());
    if (forecast.slots().isEmpty()) {
      body.put(
          "detail",
          "no stored counts of "
              + area.count().id()
              + " on these days: there is no history to forecast from");
    }
    ArrayNode slots = body.putArray("slots");
    for (CrowdForecast.Slot slot : forecast.slots()) {
      SlotStatistics s = slot.statistics();
      ObjectNode n =
          slots
              .addObject()
              .put("day", dayName(slot.day()))
              .put("start", slot.start().toString())
              .put("end", slot.end().toString())
              .put("samples", s.samples())
              .put("meanPersons", s.mean())
              .put("p90Persons", s.p90())
              .put("maxPersons", s.max());
      if (area.countsLine()) {
        putOrNull(n, "meanPersonsPerMinute", slot.meanPersonsPerMinute());
        putOrNull(n, "p90PersonsPerMinute", slot.p90PersonsPerMinute());
      } else {
        putOrNull(n, "meanPersonsPerSquareMetre", slot.meanPersonsPerSquareMetre());
        putOrNull(n, "p90PersonsPerSquareMetre", slot.p90PersonsPerSquareMetre());
        n.put("congestion", slot.congestion().map(CrowdResource::levelName).orElse(null));
        n.put("p90Congestion", slot.p90Congestion().map(CrowdResource::levelName).orElse(null));
      }
    }
    body.put("areaLink", base + "/CrowdAreas/" + Links.encode(area.id()));
    return body;
  }

  /** {@code empty}, {@code some}, {@code crowded} or {@code very_crowded}. */
  static String levelName(CongestionLevel level) {
    return level.name().toLowerCase(Locale.ROOT);
  }

  static String dayName(DayOfWeek day) {
    return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
  }

  /** {@code mon..sun} (comma-separated for several) or {@code all}, the default. */
  private static Set<DayOfWeek> days(List<String> values) {
    if (values.isEmpty()) {
      return EnumSet.allOf(DayOfWeek.class);
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String value : values) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      if (v.equals("all")) {
        days.addAll(EnumSet.allOf(DayOfWeek.class));
        continue;
      }
      DayOfWeek day =
          EnumSet.allOf(DayOfWeek.class).stream()
              .filter(d -> dayName(d).equals(v))
              .findFirst()
              .orElseThrow(
                  () ->
                      HttpProblem.badParameter(
                          "day",
                          "day must be mon, tue, wed, thu, fri, sat, sun (comma-separated for"
                              + " several) or all, was '"
                              + value
                              + "'"));
      days.add(day);
    }
    return days;
  }

  private ZoneId zone(String text) {
    if (text == null) {
      return service.crowdTimeZone();
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw HttpProblem.badParameter(
          "timeZone",
          "timeZone must be an IANA zone such as Asia/Tokyo or an offset such as +09:00, was '"
              + text
              + "'");
    }
  }

  private static void putOrNull(ObjectNode node, String name, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(name, value.getAsDouble());
    } else {
      node.putNull(name);
    }
  }
}
