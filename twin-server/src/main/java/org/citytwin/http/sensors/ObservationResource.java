package org.citytwin.http.sensors;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.citytwin.http.HttpProblem;
import org.citytwin.http.RequestParameters;
import org.citytwin.sensor.Alert;
import org.citytwin.sensor.IngestReceipt;
import org.citytwin.sensor.IntervalAggregate;
import org.citytwin.sensor.InvalidSensorDataException;
import org.citytwin.sensor.Observation;
import org.citytwin.sensor.SensorService;
import org.citytwin.store.StoreException;

/**
 * Posting observations (one, or a batch committed whole) and reading them back: time ranges,
 * interval aggregates, the latest values, alerts; JSON by default, CSV with {@code f=csv}.
 */
final class ObservationResource {
  /** The most observations one batch may carry. */
  static final int MAX_BATCH = 20_000;

  static final int MAX_RANGE_LIMIT = 100_000;
  static final int MAX_BUCKETS = 10_000;
  static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");
  private static final JsonFactory JSON = new JsonFactory();

  private final SensorService service;
  private final WriteAccess access;

  ObservationResource(SensorService service, WriteAccess access) {
    this.service = service;
    this.access = access;
  }

  void postOne(Context ctx) throws StoreException {
    access.require(ctx);
    RequestParameters.of(ctx, Set.of());
    Observation o = ObservationJson.read(Bodies.json(ctx), null);
    receipt(ctx, service.ingest(List.of(o), null));
  }

  void postBatch(Context ctx) throws StoreException {
    access.require(ctx);
    RequestParameters.of(ctx, Set.of());
    List<Observation> batch = ObservationJson.readBatch(Bodies.json(ctx), MAX_BATCH);
    receipt(ctx, service.ingest(batch, "observations"));
  }

  private static void receipt(Context ctx, IngestReceipt receipt) {
    SensorsApi.json(
        ctx.status(201),
        EntityJson.MAPPER
            .createObjectNode()
            .put("committed", receipt.observations())
            .put("groupCommitted", receipt.groupObservations()));
  }

  void range(Context ctx) throws StoreException {
    RequestParameters p = RequestParameters.of(ctx, Set.of("from", "to", "limit", "f"));
    boolean csv = csv(p);
    String id = existingDatastream(ctx);
    Instant from = instant(p, "from", EARLIEST);
    Instant to = instant(p, "to", LATEST);
    requireOrder(from, to);
    int limit = p.integer("limit", 10_000, 1, MAX_RANGE_LIMIT);
    List<Observation> rows = new ArrayList<>();
    service.observations(id, from, to, limit, rows::add);
    writeObservations(ctx, rows, csv);
  }

  void latestOfOne(Context ctx) {
    RequestParameters p = RequestParameters.of(ctx, Set.of("f"));
    boolean csv = csv(p);
    String id = existingDatastream(ctx);
    Observation latest =
        service
            .latest(id)
            .orElseThrow(
                () -> HttpProblem.notFound("datastream '" + id + "' has no observations yet"));
    writeObservations(ctx, List.of(latest), csv);
  }

  void latest(Context ctx) {
    Set<String> allowed = new HashSet<>(Selections.PARAMETERS);
    allowed.add("f");
    RequestParameters p = RequestParameters.of(ctx, allowed);
    boolean csv = csv(p);
    writeObservations(ctx, service.latest(Selections.of(p)), csv);
  }

  void aggregates(Context ctx) throws StoreException {
    RequestParameters p = RequestParameters.of(ctx, Set.of("from", "to", "interval", "f"));
    boolean csv = csv(p);
    String id = existingDatastream(ctx);
    Instant from = requiredInstant(p, "from");
    Instant to = requiredInstant(p, "to");
    requireOrder(from, to);
    Duration interval = interval(p);
    long buckets = Duration.between(from, to).toNanos() / interval.toNanos();
    if (buckets > MAX_BUCKETS) {
      throw HttpProblem.badParameter(
          "interval",
          "from..to holds "
              + buckets
              + " intervals of "
              + interval
              + "; at most "
              + MAX_BUCKETS
              + " are served, widen the interval");
    }
    List<IntervalAggregate> rows = service.aggregates(id, from, to, interval);
    if (csv) {
      StringBuilder out = new StringBuilder("start,count,min,max,mean\n");
      rows.forEach(
          a ->
              out.append(a.start())
                  .append(',')
                  .append(a.count())
                  .append(',')
                  .append(a.min())
                  .append(',')
                  .append(a.max())
                  .append(',')
                  .append(a.mean())
                  .append('\n'));
      ctx.contentType("text/csv; charset=utf-8").result(out.toString());
      return;
    }
    ctx.contentType("application/json")
        .result(
            write(
                json -> {
                  json.writeStartObject();
                  json.writeStringField("datastream", id);
                  json.writeStringField("interval", interval.toString());
                  json.writeArrayFieldStart("value");
                  for (IntervalAggregate a : rows) {
                    json.writeStartObject();
                    json.writeStringField("start", a.start().toString());
                    json.writeNumberField("count", a.count());
                    json.writeNumberField("min", a.min());
                    json.writeNumberField("max", a.max());
                    json.writeNumberField("mean", a.mean());
                    json.writeEndObject();
                  }
                  json.writeEndArray();
                  json.writeEndObject();
                }));
  }

  void alerts(Context ctx) throws StoreException {
    RequestParameters p = RequestParameters.of(ctx, Set.of("limit"));
    List<Alert> alerts = service.alerts(p.integer("limit", 100, 1, 10_000));
    ctx.contentType("application/json")
        .result(
            write(
                json -> {
                  json.writeStartObject();
                  json.writeArrayFieldStart("value");
                  for (Alert a : alerts) {
                    ObservationJson.write(json, a);
                  }
                  json.writeEndArray();
                  json.writeEndObject();
                }));
  }

  private String existingDatastream(Context ctx) {
    String id = ctx.pathParam("id");
    if (service.datastream(id).isEmpty()) {
      throw HttpProblem.notFound("no datastream '" + id + "'");
    }
    return id;
  }

  static boolean csv(RequestParameters p) {
    String f = p.text("f");
    if (f == null || f.equals("json")) {
      return false;
    }
    if (f.equals("csv")) {
      return true;
    }
    throw HttpProblem.badParameter("f", "f must be json or csv, was '" + f + "'");
  }

  private static Instant instant(RequestParameters p, String name, Instant absent) {
    String text = p.text(name);
    if (text == null) {
      return absent;
    }
    try {
      return JsonFields.parseInstant(text, name);
    } catch (InvalidSensorDataException e) {
      throw HttpProblem.badParameter(name, e.getMessage());
    }
  }

  private static Instant requiredInstant(RequestParameters p, String name) {
    if (p.text(name) == null) {
      throw HttpProblem.badParameter(name, name + " is required, e.g. 2026-07-01T00:00:00+09:00");
    }
    return instant(p, name, null);
  }

  private static void requireOrder(Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw HttpProblem.badParameter("to", "to " + to + " must be after from " + from);
    }
  }

  private static Duration interval(RequestParameters p) {
    String text = p.text("interval");
    if (text == null) {
      throw HttpProblem.badParameter(
          "interval", "interval is required, an ISO 8601 duration such as PT1H");
    }
    Duration interval;
    try {
      interval = Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw HttpProblem.badParameter(
          "interval", "interval must be an ISO 8601 duration such as PT1H, was '" + text + "'");
    }
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw HttpProblem.badParameter("interval", "interval must be at least PT1S, was " + interval);
    }
    return interval;
  }

  static void writeObservations(Context ctx, List<Observation> rows, boolean csv) {
    if (csv) {
      StringBuilder out = new StringBuilder("datastream,phenomenonTime,resultTime,result\n");
      for (Observation o : rows) {
        out.append(Csv.field(o.datastreamId()))
            .append(',')
            .append(o.phenomenonTime())
            .append(',')
            .append(o.resultTime())
            .append(',')
            .append(o.result())
            .append('\n');
      }
      ctx.contentType("text/csv; charset=utf-8")
          .result(out.toString().getBytes(StandardCharsets.UTF_8));
      return;
    }
    ctx.contentType("application/json")
        .result(
            write(
                json -> {
                  json.writeStartObject();
                  json.writeArrayFieldStart("value");
                  for (Observation o : rows) {
                    ObservationJson.write(json, o);
                  }
                  json.writeEndArray();
                  json.writeEndObject();
                }));
  }

  private static byte[] write(JsonBody body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
    try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
      body.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @FunctionalInterface
  private interface JsonBody {
    void write(JsonGenerator json) throws IOException;
  }

  /** RFC 4180 quoting of one CSV field. */
  static final class Csv {
    private Csv() {}

    static String field(String text) {
      if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
        return '"' + text.replace("\"", "\"\"") + '"';
      }
      return text;
    }
  }
}
