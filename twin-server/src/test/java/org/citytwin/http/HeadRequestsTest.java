package org.citytwin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HEAD answers what GET answers, headers and all, without the body (RFC 9110, 9.3.2). */
class HeadRequestsTest {
  private static final List<String> COMPARED =
      List.of("content-type", "etag", "cache-control", "content-crs", "vary", "content-encoding");

  @TempDir static Path directory;
  private static LiveTwin twin;

  @BeforeAll
  static void start() throws Exception {
    twin = LiveTwin.start(directory, LiveTwin.BUILDINGS);
  }

  @AfterAll
  static void stop() {
    twin.close();
  }

  @Test
  void headAnswersLikeGetWithoutTheBody() throws Exception {
    String item = "/api/collections/buildings/items/" + twin.firstFeatureId("buildings");
    for (String path :
        List.of(
            "/api/collections/buildings/items?limit=3",
            item,
            "/api/collections/buildings",
            "/api/api",
            "/tiles/3d/buildings/tileset.json",
            "/flood/runs",
            "/",
            "/api/collections/buildings/items?bbox=1,2")) {
      HttpResponse<byte[]> get = twin.getBytes(path);
      HttpResponse<byte[]> head = head(path);
      assertEquals(get.statusCode(), head.statusCode(), "status of HEAD " + path);
      for (String name : COMPARED) {
        assertEquals(
            get.headers().firstValue(name),
            head.headers().firstValue(name),
            name + " of HEAD " + path);
      }
      assertEquals(0, head.body().length, "body of HEAD " + path);
      Optional<String> length = head.headers().firstValue("content-length");
      if (length.isPresent()) {
        assertEquals(
            String.valueOf(get.body().length), length.get(), "Content-Length of HEAD " + path);
      }
    }
  }

  @Test
  void headRevalidatesWithTheGetAnswersEtag() throws Exception {
    String path = "/api/collections/buildings/items?limit=3";
    String etag = twin.getBytes(path).headers().firstValue("etag").orElseThrow();
    assertEquals(304, head(path, "If-None-Match", etag).statusCode());
  }

  private static HttpResponse<byte[]> head(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(twin.root() + path))
            .method("HEAD", HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return twin.client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
