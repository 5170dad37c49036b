package org.citytwin.http.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.citytwin.http.LiveTwin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server over the PLATEAU Yokosuka DEM sample (relief only, two TINs): the relief tileset
 * at its stable and versioned URLs, its GLBs with ETags and the disk cache, and 404 problems for
 * the buildings it does not have.
 */
class ReliefTilesApiTest {
  /** The relief sample of twin-core's tests (see SOURCES.md beside it). */
  static final Path DEM =
      Path.of("..", "twin-core", "src", "test", "resources", "org", "citytwin", "citygml")
          .resolve("523965_dem_6697_05_op.gml")
          .toAbsolutePath()
          .normalize();

  @TempDir static Path directory;
  private static LiveTwin twin;

  @BeforeAll
  static void start() throws Exception {
    twin = LiveTwin.start(directory, DEM.toString());
  }

  @AfterAll
  static void stop() {
    if (twin != null) {
      twin.close();
    }
  }

  private static List<String> contentUris(JsonNode tile, List<String> out) {
    if (tile.has("content")) {
      out.add(tile.at("/content/uri").asText());
    }
    tile.path("children").forEach(child -> contentUris(child, out));
    return out;
  }

  @Test
  void theStableReliefTilesetNamesVersionedGlbsThatLoad() throws Exception {
    String stable = "/tiles/3d/relief/tileset.json";
    HttpResponse<byte[]> tileset = twin.getBytes(stable);
    assertEquals(200, tileset.statusCode(), new String(tileset.body(), StandardCharsets.UTF_8));
    assertEquals("no-cache", tileset.headers().firstValue("Cache-Control").orElseThrow());
    JsonNode json = new ObjectMapper().readTree(tileset.body());
    assertEquals("1.1", json.at("/asset/version").asText());
    List<String> uris = contentUris(json.get("root"), new ArrayList<>());
    assertEquals(3, uris.size(), "one leaf per relief object and a coarse root: " + uris);
    String prefix = "../v" + twin.store().version() + "/relief/t";
    for (String uri : uris) {
      assertTrue(uri.startsWith(prefix), uri);
      String glbPath = URI.create(stable).resolve(uri).getPath();
      HttpResponse<byte[]> glb = twin.getBytes(glbPath);
      assertEquals(200, glb.statusCode(), glbPath);
      assertEquals(TilesApi.GLB, glb.headers().firstValue("Content-Type").orElseThrow());
      assertEquals(TilesApi.IMMUTABLE, glb.headers().firstValue("Cache-Control").orElseThrow());
      assertEquals(0x46546C67, ByteBuffer.wrap(glb.body()).order(ByteOrder.LITTLE_ENDIAN).getInt());
      String etag = glb.headers().firstValue("ETag").orElseThrow();
      assertTrue(etag.contains("-relief-"), "relief ETags differ from buildings': " + etag);
      assertEquals(304, twin.getBytes(glbPath, "If-None-Match", etag).statusCode());
      String file = uri.substring(uri.lastIndexOf('/') + 1);
      Path cacheRoot = twin.store().directory().resolve("tiles-cache-relief");
      try (var cached = Files.walk(cacheRoot)) {
        assertTrue(
            cached.anyMatch(p -> p.getFileName().toString().equals(file)), file + " on disk");
      }
    }
  }

  @Test
  void theVersionedReliefTilesetIsImmutableWithRelativeUris() throws Exception {
    String path = "/tiles/3d/v" + twin.store().version() + "/relief/tileset.json";
    HttpResponse<byte[]> tileset = twin.getBytes(path);
    assertEquals(200, tileset.statusCode());
    assertEquals(TilesApi.IMMUTABLE, tileset.headers().firstValue("Cache-Control").orElseThrow());
    JsonNode json = new ObjectMapper().readTree(tileset.body());
    for (String uri : contentUris(json.get("root"), new ArrayList<>())) {
      assertTrue(uri.matches("t[0-3]*\\.glb"), uri);
      assertEquals(200, twin.getBytes(path.replace("tileset.json", uri)).statusCode(), uri);
    }
  }

  @Test
  void missingLayersUnknownTilesAndStaleVersionsAreProblems() throws Exception {
    long version = twin.store().version();
    for (String path :
        new String[] {
          "/tiles/3d/buildings/tileset.json",
          "/tiles/3d/v" + version + "/buildings/tileset.json",
          "/tiles/3d/v" + version + "/relief/t0123012301230123.glb",
          "/tiles/3d/v" + version + "/relief/tileset.xml",
          "/tiles/3d/v999999/relief/tileset.json"
        }) {
      HttpResponse<byte[]> response = twin.getBytes(path);
      assertEquals(404, response.statusCode(), path);
      assertEquals(
          "application/problem+json",
          response.headers().firstValue("Content-Type").orElseThrow(),
          path);
    }
    String detail = new String(twin.getBytes("/tiles/3d/buildings/tileset.json").body());
    assertTrue(detail.contains("no buildings"), detail);
  }
}
