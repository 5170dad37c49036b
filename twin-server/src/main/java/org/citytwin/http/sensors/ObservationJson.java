package org.citytwin.http.sensors;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.citytwin.sensor.Alert;
import org.citytwin.sensor.InvalidSensorDataException;
import org.citytwin.sensor.Observation;

/**
 * Observations and alerts in JSON: one {@code {datastream, phenomenonTime, resultTime, result}}.
 */
final class ObservationJson {
  private static final Set<String> MEMBERS =
      Set.of("datastream", "phenomenonTime", "resultTime", "result");

  private ObservationJson() {}

  static Observation read(JsonNode node, String prefix) {
    JsonFields f = JsonFields.of(node, prefix, MEMBERS);
    String datastream = f.requiredText("datastream");
    if (f.text("phenomenonTime") == null) {
      throw new InvalidSensorDataException(
          f.field("phenomenonTime"), f.field("phenomenonTime") + " is required");
    }
    try {
      return new Observation(
          datastream,
          f.instant("phenomenonTime"),
          f.instant("resultTime"),
          f.requiredNumber("result"));
    } catch (InvalidSensorDataException e) {
      throw prefix == null || e.field().startsWith(prefix) ? e : e.under(prefix);
    }
  }

  /** The {@code observations} array of a batch body, at most {@code max} items. */
  static List<Observation> readBatch(JsonNode body, int max) {
    JsonFields f = JsonFields.of(body, null, Set.of("observations"));
    JsonNode array = f.node("observations");
    if (array == null || !array.isArray()) {
      throw new InvalidSensorDataException("observations", "observations must be a JSON array");
    }
    if (array.size() > max) {
      throw new BatchTooLargeException(array.size(), max);
    }
    if (array.isEmpty()) {
      throw new InvalidSensorDataException("observations", "observations must not be empty");
    }
    List<Observation> result = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      result.add(read(array.get(i), "observations[" + i + "]"));
    }
    return result;
  }

  static void write(JsonGenerator json, Observation o) throws IOException {
    json.writeStartObject();
    json.writeStringField("datastream", o.datastreamId());
    json.writeStringField("phenomenonTime", o.phenomenonTime().toString());
    json.writeStringField("resultTime", o.resultTime().toString());
    json.writeNumberField("result", o.result());
    json.writeEndObject();
  }

  static void write(JsonGenerator json, Alert a) throws IOException {
    json.writeStartObject();
    json.writeNumberField("id", a.id());
    json.writeStringField("datastream", a.datastreamId());
    json.writeStringField("phenomenonTime", a.phenomenonTime().toString());
    json.writeNumberField("levelMetres", a.levelMetres());
    json.writeStringField("from", a.from().name());
    json.writeStringField("to", a.to().name());
    json.writeStringField("toName", a.to().japaneseName());
    json.writeBooleanField("rising", a.rising());
    json.writeNumberField("radiusMetres", a.radiusMetres());
    json.writeArrayFieldStart("nearbyObjects");
    for (String id : a.nearbyObjectIds()) {
      json.writeString(id);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("floodingBuildings");
    for (String id : a.floodingBuildingIds()) {
      json.writeString(id);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** A batch with more items than a request may carry. */
  static final class BatchTooLargeException extends RuntimeException {
    BatchTooLargeException(int size, int max) {
      super(
          "observations has " + size + " items; a batch may carry at most " + max + ", split it",
          null,
          false,
          false);
    }
  }
}
