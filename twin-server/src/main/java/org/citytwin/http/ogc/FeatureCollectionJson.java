package org.citytwin.http.ogc;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.citytwin.geojson.FeatureWriter;
import org.citytwin.store.StoredObject;

/**
 * The body of an items response: the FeatureCollection with its counts, time stamp and links, then
 * the page's features, either written by a {@link FeatureWriter} or copied from ready Feature bytes
 * (the default form, see {@link DefaultFeatureJson}); both give the same bytes.
 *
 * @param timeStamp the response time, ISO 8601
 */
record FeatureCollectionJson(
    long numberMatched, String timeStamp, List<Link> links, List<StoredObject> page) {
  private static final JsonFactory JSON_FACTORY = new JsonFactory();

  /** A member of the {@code links} array. */
  record Link(String href, String rel, String type) {}

  /** The body with each feature written by {@code writer}. */
  byte[] write(FeatureWriter writer) {
    return write(
        (json, bytes) -> {
          for (StoredObject stored : page) {
            writer.write(json, stored.object(), stored.datasetSourceName());
          }
        });
  }

  /** The body with each feature copied from {@code featureJson}, one Feature's JSON per object. */
  byte[] copy(Function<StoredObject, byte[]> featureJson) {
    return write(
        (json, bytes) -> {
          // The generator is flushed and its array context stays empty, so the commas between
          // copied features are ours; the closing brackets it writes next need none.
          json.flush();
          for (int i = 0; i < page.size(); i++) {
            if (i > 0) {
              bytes.write(',');
            }
            bytes.write(featureJson.apply(page.get(i)));
          }
        });
  }

  private interface Features {
    void write(JsonGenerator json, ByteArrayOutputStream bytes) throws IOException;
  }

  private byte[] write(Features features) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4_096 + 1_536 * page.size());
    try (JsonGenerator json = JSON_FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeStringField("type", "FeatureCollection");
      json.writeNumberField("numberMatched", numberMatched);
      json.writeNumberField("numberReturned", page.size());
      json.writeStringField("timeStamp", timeStamp);
      json.writeArrayFieldStart("links");
      for (Link link : links) {
        json.writeStartObject();
        json.writeStringField("href", link.href());
        json.writeStringField("rel", link.rel());
        json.writeStringField("type", link.type());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("features");
      features.write(json, bytes);
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
