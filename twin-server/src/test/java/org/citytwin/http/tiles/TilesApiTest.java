package org.citytwin.http.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.citytwin.http.LiveTwin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server over the imported sample: redirect, versioned tileset, GLBs, caching. */
class TilesApiTest {
  @TempDir static Path directory;
  private static LiveTwin twin;

  @BeforeAll
  static void start() throws Exception {
    twin = LiveTwin.start(directory, LiveTwin.BUILDINGS);
  }

  @AfterAll
  static void stop() {
    if (twin != null) {
      twin.close();
    }
  }

  private static String versionedTileset() throws Exception {
    return "/tiles/3d/v" + twin.store().version() + "/buildings/tileset.json";
  }

  /** The first leaf's content URI, depth first. */
  private static String firstLeafUri(JsonNode tileset) {
    JsonNode leaf = tileset.get("root");
    while (leaf.has("children")) {
      leaf = leaf.get("children").get(0);
    }
    return leaf.at("/content/uri").asText();
  }

  @Test
  void theStableTilesetUrlNamesTheCurrentVersionsTilesRelativeToItself() throws Exception {
    String stable = "/tiles/3d/buildings/tileset.json";
    HttpResponse<byte[]> tileset = twin.getBytes(stable);
    assertEquals(200, tileset.statusCode());
    assertEquals("no-cache", tileset.headers().firstValue("Cache-Control").orElseThrow());
    String uri = firstLeafUri(new ObjectMapper().readTree(tileset.body()));
    long version = twin.store().version();
    assertTrue(uri.startsWith("../v" + version + "/buildings/t"), uri);
    // Resolved the way CesiumJS resolves it: against the URL it was given.
    String glbPath = URI.create(stable).resolve(uri).getPath();
    HttpResponse<byte[]> glb = twin.getBytes(glbPath);
    assertEquals(200, glb.statusCode(), glbPath);
    assertEquals(TilesApi.GLB, glb.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void versionedTilesetAndLeavesServeGlb() throws Exception {
    String tilesetPath = versionedTileset();
    HttpResponse<byte[]> tileset = twin.getBytes(tilesetPath);
    assertEquals(200, tileset.statusCode());
    assertEquals(TilesApi.IMMUTABLE, tileset.headers().firstValue("Cache-Control").orElseThrow());
    JsonNode json = new ObjectMapper().readTree(tileset.body());
    assertEquals("1.1", json.at("/asset/version").asText());
    JsonNode leaf = json.get("root");
    while (leaf.has("children")) {
      leaf = leaf.get("children").get(0);
    }
    String uri = leaf.at("/content/uri").asText();
    String glbPath = tilesetPath.replace("tileset.json", uri);
    HttpResponse<byte[]> glb = twin.getBytes(glbPath);
    assertEquals(200, glb.statusCode(), new String(glb.body()));
    assertEquals(TilesApi.GLB, glb.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(0x46546C67, ByteBuffer.wrap(glb.body()).order(ByteOrder.LITTLE_ENDIAN).getInt());
    String etag = glb.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, twin.getBytes(glbPath, "If-None-Match", etag).statusCode());
    HttpResponse<byte[]> again = twin.getBytes(glbPath);
    assertEquals(glb.body().length, again.body().length, "served from the cache, same bytes");
    try (Stream<Path> cached = Files.walk(twin.store().directory().resolve("tiles-cache"))) {
      assertTrue(
          cached.anyMatch(p -> p.getFileName().toString().equals(uri)),
          uri + " kept in the disk cache");
    }
  }

  /**
   * A client accepting gzip gets the GLB gzip-encoded (compressed once when cached), the same bytes
   * once decompressed, with its own strong ETag and Vary; one refusing it (q=0) gets plain bytes.
   */
  @Test
  void glbsAreServedGzippedToClientsThatAcceptIt() throws Exception {
    String tilesetPath = versionedTileset();
    String glbPath =
        tilesetPath.replace(
            "tileset.json",
            firstLeafUri(new ObjectMapper().readTree(twin.getBytes(tilesetPath).body())));
    HttpResponse<byte[]> plain = twin.getBytes(glbPath);
    HttpResponse<byte[]> gzipped = twin.getBytes(glbPath, "Accept-Encoding", "br, gzip;q=0.8");
    assertEquals(200, gzipped.statusCode());
    assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow());
    assertEquals("Accept-Encoding", gzipped.headers().firstValue("Vary").orElseThrow());
    assertEquals(
        String.valueOf(gzipped.body().length),
        gzipped.headers().firstValue("Content-Length").orElseThrow());
    byte[] inflated;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
      inflated = in.readAllBytes();
    }
    assertArrayEquals(plain.body(), inflated);
    assertTrue(
        gzipped.body().length < plain.body().length / 2, "GLBs of LOD1 blocks compress well");
    String etag = gzipped.headers().firstValue("ETag").orElseThrow();
    assertNotEquals(plain.headers().firstValue("ETag").orElseThrow(), etag);
    assertEquals(
        304, twin.getBytes(glbPath, "Accept-Encoding", "gzip", "If-None-Match", etag).statusCode());
    HttpResponse<byte[]> refused = twin.getBytes(glbPath, "Accept-Encoding", "gzip;q=0");
    assertTrue(refused.headers().firstValue("Content-Encoding").isEmpty());
    assertArrayEquals(plain.body(), refused.body());
  }

  @Test
  void unknownTilesAndStaleVersionsAreProblems() throws Exception {
    String tilesetPath = versionedTileset();
    for (String path :
        new String[] {
          tilesetPath.replace("tileset.json", "t9.glb"),
          tilesetPath.replace("tileset.json", "t0123012301230123.glb"),
          tilesetPath.replace("tileset.json", "x1.glb"),
          tilesetPath.replace("tileset.json", "tileset.xml"),
          "/tiles/3d/v999999/buildings/tileset.json",
          "/tiles/3d/relief/tileset.json",
          "/tiles/3d/v" + twin.store().version() + "/relief/tileset.json"
        }) {
      HttpResponse<byte[]> response = twin.getBytes(path);
      assertEquals(404, response.statusCode(), path);
      assertEquals(
          "application/problem+json",
          response.headers().firstValue("Content-Type").orElseThrow(),
          path);
    }
    String detail = new String(twin.getBytes("/tiles/3d/relief/tileset.json").body());
    assertTrue(detail.contains("no relief"), "the sample city has no relief: " + detail);
  }
}
