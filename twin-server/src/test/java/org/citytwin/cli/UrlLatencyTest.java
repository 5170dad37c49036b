package org.citytwin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.citytwin.http.LiveTwin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's HTTP client against the real server: it reads every byte of every body (the bytes it
 * counts are the bodies' lengths), counts 204 answers as served and error answers as failures, and
 * keeps working after them (their bodies are drained, so connections stay usable).
 */
class UrlLatencyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path directory;
  private static LiveTwin twin;
  private static String glb;
  private static int glbLength;

  @BeforeAll
  static void start() throws Exception {
    twin = LiveTwin.start(directory, LiveTwin.BUILDINGS);
    String tilesetUrl = twin.root() + "/tiles/3d/buildings/tileset.json";
    JsonNode tileset = JSON.readTree(twin.getBytes("/tiles/3d/buildings/tileset.json").body());
    glb = URI.create(tilesetUrl).resolve(tileset.at("/root/content/uri").asText()).toString();
    glbLength = twin.getBytes(URI.create(glb).getPath()).body().length;
    assertTrue(glbLength > 10_000, "the sample's GLB is " + glbLength + " bytes");
  }

  @AfterAll
  static void stop() {
    twin.close();
  }

  @Test
  void readsEveryByteOfEveryBody() throws Exception {
    try (UrlLatency http = new UrlLatency(3)) {
      UrlLatency.Result result = http.run(List.of(glb), 40, 7);
      assertEquals(0, result.failures(), result.firstFailure());
      assertEquals(40, result.latencies().getTotalCount());
      assertEquals(40L * glbLength, result.bytes());
      assertEquals(glbLength, http.get(glb).body().length);
    }
  }

  @Test
  void countsNoContentAnswersAsServed() throws Exception {
    // The bench's baseline: an empty vector tile, 204 with no body.
    String empty = twin.root() + "/tiles/vector/16/0/0.mvt";
    try (UrlLatency http = new UrlLatency(2)) {
      assertEquals(204, http.get(empty).status());
      UrlLatency.Result result = http.run(List.of(empty), 20, 7);
      assertEquals(0, result.failures(), result.firstFailure());
      assertEquals(20, result.latencies().getTotalCount());
      assertEquals(0, result.bytes());
    }
  }

  @Test
  void countsErrorsAndGoesOnAfterThem() throws Exception {
    String missing = twin.root() + "/tiles/3d/v999999/buildings/t0.glb";
    try (UrlLatency http = new UrlLatency(2)) {
      UrlLatency.Result errors = http.run(List.of(missing), 10, 7);
      assertEquals(10, errors.failures());
      assertTrue(errors.firstFailure().startsWith("404 for " + missing), errors.firstFailure());
      assertTrue(errors.bytes() > 0, "the problem bodies are read too");
      UrlLatency.Result after = http.run(List.of(glb), 10, 7);
      assertEquals(0, after.failures(), after.firstFailure());
      assertEquals(10L * glbLength, after.bytes());
    }
  }
}
