package org.citytwin.http.ogc;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

  /** What the generator writes after the last feature: the end of the array and the object. */
  private static final byte[] END = "]}".getBytes(StandardCharsets.US_ASCII);

  /** A member of the {@code links} array. */
  record Link(String href, String rel, String type) {}

  /** The body with each feature written by {@code writer}. */
  byte[] write(FeatureWriter writer) {
    return write(
        json -> {
          for (StoredObject stored : page) {
            writer.write(json, stored.object(), stored.datasetSourceName());
          }
        });
  }

  /**
   * The body with each feature copied from {@code featureJson}, one Feature's JSON per object: the
   * envelope up to the features array is written by the generator, then the body is put together in
   * one array of its exact size (a page is ~30 KB; growing a buffer and copying it out again was a
   * visible part of a request's CPU).
   */
  byte[] copy(Function<StoredObject, byte[]> featureJson) {
    byte[] head = write(json -> {}, false);
    byte[][] features = new byte[page.size()][];
    int length = head.length + Math.max(0, page.size() - 1) + END.length;
    for (int i = 0; i < features.length; i++) {
      features[i] = featureJson.apply(page.get(i));
      length += features[i].length;
    }
    byte[] body = new byte[length];
    System.arraycopy(head, 0, body, 0, head.length);
    int at = head.length;
    for (int i = 0; i < features.length; i++) {
      if (i > 0) {
        body[at++] = ',';
      }
      System.arraycopy(features[i], 0, body, at, features[i].length);
      at += features[i].length;
    }
    System.arraycopy(END, 0, body, at, END.length);
    return body;
  }

  private interface Features {
    void write(JsonGenerator json) throws IOException;
  }

  private byte[] write(Features features) {
    return write(features, true);
  }

  /**
   * The body, or with {@code closed} false only the part up to and including the features array's
   * opening bracket (the generator's buffer flushed, the array and object left open).
   */
  private byte[] write(Features features, boolean closed) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(closed ? 16_384 : 1_024);
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
      features.write(json);
      if (!closed) {
        json.flush();
        return bytes.toByteArray();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
