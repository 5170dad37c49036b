package org.citytwin.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transport behaviour of the real server: gzip, ETags with 304, and CORS for browsers. */
class TwinServerTest {
  private static final String ITEMS = "/collections/buildings/items?limit=200";
  @TempDir static Path directory;
  private static LiveTwin twin;

  @BeforeAll
  static void start() throws Exception {
    twin =
        LiveTwin.start(
            directory, new ServerOptions("127.0.0.1", 0, List.of("*")), LiveTwin.BUILDINGS);
  }

  @AfterAll
  static void stop() {
    if (twin != null) {
      twin.close();
    }
  }

  private static HttpResponse<byte[]> getBytes(String pathAndQuery, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(twin.api() + pathAndQuery))
            .timeout(Duration.ofSeconds(60));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return twin.client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void acceptEncodingGzipGetsTheSameDocumentCompressed() throws Exception {
    HttpResponse<byte[]> plain = getBytes(ITEMS);
    HttpResponse<byte[]> zipped = getBytes(ITEMS, "Accept-Encoding", "gzip");
    assertEquals(200, zipped.statusCode());
    assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
    assertTrue(zipped.headers().allValues("Vary").contains("Accept-Encoding"));
    byte[] unzipped;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      unzipped = in.readAllBytes();
    }
    assertTrue(zipped.body().length * 3 < unzipped.length, "GeoJSON compresses well");
    // The timeStamp member may differ by a second between the two calls; compare the features.
    String text = new String(unzipped, StandardCharsets.UTF_8);
    String plainText = new String(plain.body(), StandardCharsets.UTF_8);
    assertEquals(
        plainText.substring(plainText.indexOf("\"features\"")),
        text.substring(text.indexOf("\"features\"")));
  }

  @Test
  void geoJsonWithoutAcceptEncodingIsSentWithItsLengthAndEveryHeader() throws Exception {
    String item =
        "/collections/buildings/items/" + LiveTwin.encode(twin.firstFeatureId("buildings"));
    for (String path : List.of(ITEMS, item)) {
      HttpResponse<byte[]> response = getBytes(path, "Origin", "https://viewer.example");
      assertEquals(200, response.statusCode(), path);
      assertEquals(
          String.valueOf(response.body().length),
          response.headers().firstValue("Content-Length").orElse("none"),
          path);
      assertTrue(response.headers().firstValue("Transfer-Encoding").isEmpty(), path);
      assertEquals(
          "application/geo+json", response.headers().firstValue("Content-Type").orElse(""), path);
      assertTrue(response.headers().firstValue("ETag").orElse("").startsWith("W/"), path);
      assertTrue(response.headers().allValues("Vary").contains("Accept-Encoding"), path);
      assertTrue(response.headers().firstValue("Content-Crs").isPresent(), path);
      assertEquals(
          "*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(""), path);
      String text = new String(response.body(), StandardCharsets.UTF_8);
      assertTrue(text.startsWith("{\"type\":\"Feature"), path);
      assertTrue(text.endsWith("}"), path);
    }
  }

  @Test
  void repeatedGetWithIfNoneMatchIs304() throws Exception {
    for (String path :
        List.of(
            "/collections",
            "/collections/buildings/queryables",
            "/api",
            ITEMS,
            "/collections/buildings/items/" + LiveTwin.encode(twin.firstFeatureId("buildings")),
            "/collections/buildings/items?bbox=135.45,34.61,135.47,34.63&f=html")) {
      HttpResponse<byte[]> first = getBytes(path);
      String etag = first.headers().firstValue("ETag").orElse(null);
      assertTrue(etag != null && !etag.isBlank(), path + " has an ETag");
      HttpResponse<byte[]> again = getBytes(path, "If-None-Match", etag);
      assertEquals(304, again.statusCode(), path);
      assertArrayEquals(new byte[0], again.body());
      assertEquals(200, getBytes(path, "If-None-Match", "\"other\"").statusCode());
    }
  }

  @Test
  void differentFormatsOfOneUrlHaveDifferentTagsAndObjectDetailsHaveNone() throws Exception {
    String json = getBytes(ITEMS).headers().firstValue("ETag").orElseThrow();
    String html = getBytes(ITEMS, "Accept", "text/html").headers().firstValue("ETag").orElseThrow();
    assertTrue(json.startsWith("W/"), json);
    assertTrue(!json.equals(html), json + " vs " + html);
    // An object's detail carries live readings that change without a new store version.
    String detail = "/objects/" + LiveTwin.encode(twin.firstFeatureId("buildings"));
    assertTrue(getBytes(detail).headers().firstValue("ETag").isEmpty());
  }

  @Test
  void corsPreflightAndSimpleGetAllowAnyOrigin() throws Exception {
    HttpRequest.Builder preflight =
        HttpRequest.newBuilder(URI.create(twin.api() + "/collections"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", "https://viewer.example")
            .header("Access-Control-Request-Method", "GET");
    HttpResponse<String> options = twin.send(preflight);
    assertTrue(options.statusCode() < 300, "preflight status " + options.statusCode());
    assertEquals("*", options.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    assertTrue(
        options.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("GET"));

    HttpResponse<String> get = twin.get("/collections", "Origin", "https://viewer.example");
    assertEquals(200, get.statusCode());
    assertEquals("*", get.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
  }
}
