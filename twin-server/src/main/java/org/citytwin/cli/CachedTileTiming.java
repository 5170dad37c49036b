package org.citytwin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.citytwin.store.StoreException;
import org.citytwin.store.StoredObject;
import org.citytwin.store.TwinStore;
import org.citytwin.tiles.TilesetLayout;
import org.citytwin.vectortiles.TileCoordinate;
import org.citytwin.vectortiles.VectorTileEncoder;
import org.locationtech.jts.geom.Point;

/**
 * The second half of {@code twin bench tiles}: picks tiles at random (seeded), 3D tiles with
 * content (any level) from the served tileset and max-zoom vector tiles under random buildings,
 * requests each once (made and cached by the server, timed as "first request"), then measures
 * repeated requests of them, which the memory cache answers, against the same number of requests of
 * an empty vector tile (204). Each kind is first requested unmeasured, to warm the JIT.
 */
final class CachedTileTiming {
  /** Goal: p99 of a cached tile over HTTP, in milliseconds. */
  static final double GOAL_P99_MILLIS = 5.0;

  /** Unmeasured requests of each kind before the measured ones. */
  private static final int WARM_UP_REQUESTS = 2000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final UrlLatency http;
  private final String base;
  private final TwinStore store;
  private final int tiles;
  private final int requests;
  private final long seed;
  private final PrintStream out;

  CachedTileTiming(
      UrlLatency http,
      String base,
      TwinStore store,
      int tiles,
      int requests,
      long seed,
      PrintStream out) {
    this.http = http;
    this.base = base;
    this.store = store;
    this.tiles = tiles;
    this.requests = requests;
    this.seed = seed;
    this.out = out;
  }

  /** Runs and prints the measurements; false when any request failed. */
  boolean run() throws IOException, InterruptedException, ExecutionException, StoreException {
    List<String> glbs = warm("3D tile GLB", contentUrls());
    List<String> vector = warm("vector tile z" + VectorTileEncoder.MAX_ZOOM, vectorUrls());
    // An empty vector tile at its stable URL answers 204 from the memory cache: the least work a
    // request can cause.
    String empty = base + "/tiles/vector/" + VectorTileEncoder.MAX_ZOOM + "/0/0.mvt";
    // Unmeasured rounds of each kind first, so that the JIT has compiled both client and server.
    int warmUp = Math.min(requests, WARM_UP_REQUESTS);
    http.run(List.of(empty), warmUp, ~seed);
    http.run(glbs, warmUp, ~seed);
    http.run(vector, warmUp, ~seed);
    UrlLatency.Result baseline = http.run(List.of(empty), requests, seed);
    UrlLatency.Result glb = http.run(glbs, requests, seed);
    UrlLatency.Result mvt = http.run(vector, requests, seed);
    out.printf("cached tiles over HTTP, %,d requests each:%n", requests);
    print("empty tile (baseline)", 1, baseline, baseline);
    print("3D tile GLB", glbs.size(), glb, baseline);
    print("vector tile z" + VectorTileEncoder.MAX_ZOOM, vector.size(), mvt, baseline);
    out.printf("goal: cached tile p99 < %.0f ms%n", GOAL_P99_MILLIS);
    long failures = baseline.failures() + glb.failures() + mvt.failures();
    if (failures > 0) {
      out.printf(
          "%d requests failed; first: %s%n",
          failures,
          List.of(baseline, glb, mvt).stream()
              .map(UrlLatency.Result::firstFailure)
              .filter(f -> !f.isEmpty())
              .findFirst()
              .orElse(""));
    }
    return failures == 0;
  }

  private void print(String what, int distinct, UrlLatency.Result result, UrlLatency.Result base) {
    out.printf(
        "  %-22s %3d distinct, %9.1f KB avg: p50 %6.2f ms, p99 %6.2f ms, max %7.2f ms"
            + " (p99 %.1fx the baseline's)%n",
        what,
        distinct,
        result.bytes() / 1024.0 / Math.max(1, result.latencies().getTotalCount()),
        result.millisAt(50),
        result.millisAt(99),
        result.latencies().getMaxValue() / 1e6,
        result.millisAt(99) / base.millisAt(99));
  }

  /** Requests each URL once, timing it; keeps those the server answered with content or 204. */
  private List<String> warm(String what, List<String> urls) throws IOException {
    List<String> served = new ArrayList<>();
    long totalNanos = 0;
    long maxNanos = 0;
    for (String url : urls) {
      long start = System.nanoTime();
      int status = http.get(url).status();
      long nanos = System.nanoTime() - start;
      if (status != 200 && status != 204) {
        throw new IOException(url + " answered " + status);
      }
      served.add(url);
      totalNanos += nanos;
      maxNanos = Math.max(maxNanos, nanos);
    }
    out.printf(
        "first request (made by the server, then cached) of %d %s tiles: mean %.0f ms, max %.0f"
            + " ms%n",
        served.size(), what, totalNanos / 1e6 / served.size(), maxNanos / 1e6);
    out.flush();
    return served;
  }

  private List<String> contentUrls() throws IOException {
    String tilesetUrl = base + "/tiles/3d/buildings/tileset.json";
    JsonNode tileset = JSON.readTree(http.get(tilesetUrl).body());
    List<String> uris = new ArrayList<>();
    collectContent(tileset.get("root"), uris);
    Collections.shuffle(uris, new Random(seed));
    return uris.subList(0, Math.min(tiles, uris.size())).stream()
        .map(uri -> java.net.URI.create(tilesetUrl).resolve(uri).toString())
        .toList();
  }

  private static void collectContent(JsonNode tile, List<String> uris) {
    if (tile.has("content")) {
      uris.add(tile.at("/content/uri").asText());
    }
    for (JsonNode child : tile.path("children")) {
      collectContent(child, uris);
    }
  }

  /** Max-zoom tiles under buildings picked at random, through the TileJSON's URL template. */
  private List<String> vectorUrls() throws IOException, StoreException {
    JsonNode tileJson = JSON.readTree(http.get(base + "/tiles/vector/tilejson.json").body());
    String template = tileJson.at("/tiles/0").asText();
    Filter buildings = new Filter.TypeIn(TilesetLayout.TYPES);
    long count = store.count(buildings);
    Random random = new Random(seed);
    Set<TileCoordinate> picked = new LinkedHashSet<>();
    for (int attempt = 0; picked.size() < tiles && attempt < tiles * 4; attempt++) {
      long offset = (long) (random.nextDouble() * count);
      List<StoredObject> one = store.list(Query.of(buildings).page(1, offset));
      if (!one.isEmpty() && one.get(0).object().shape() != null) {
        Point inside = one.get(0).object().shape().footprint().getInteriorPoint();
        picked.add(
            TileCoordinate.containing(inside.getX(), inside.getY(), VectorTileEncoder.MAX_ZOOM));
      }
    }
    return picked.stream()
        .map(
            tile ->
                template
                    .replace("{z}", Integer.toString(tile.zoom()))
                    .replace("{x}", Integer.toString(tile.x()))
                    .replace("{y}", Integer.toString(tile.y())))
        .toList();
  }
}
