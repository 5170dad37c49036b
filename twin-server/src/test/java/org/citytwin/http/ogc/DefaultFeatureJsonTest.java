package org.citytwin.http.ogc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.citytwin.geojson.FeatureWriter;
import org.citytwin.http.Links;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.citytwin.store.StoredObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cached default-form Feature bytes and the pages made by copying them are byte for byte what
 * the {@link FeatureWriter} writes, over every object of the whole sample city (four map sheets of
 * buildings and roads).
 */
class DefaultFeatureJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path directory;
  private static ImportedTwin twin;
  private static List<StoredObject> everything;

  @BeforeAll
  static void start() throws Exception {
    twin = ImportedTwin.of(directory, Path.of("..", "data", "citygml"));
    everything = twin.store.list(Query.of(Filter.all()).page(ItemsRequest.MAX_LIMIT, 0));
  }

  @AfterAll
  static void stop() {
    twin.close();
  }

  @Test
  void everyCachedFeatureIsWhatTheWriterWrites() {
    assertTrue(everything.size() > 1_500, "objects in the sample city: " + everything.size());
    DefaultFeatureJson cache = new DefaultFeatureJson(64L << 20);
    FeatureWriter writer = new FeatureWriter();
    // Twice, the second round answered from the cache, in reverse order so an entry handed to
    // the wrong object would show.
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < everything.size(); i++) {
        StoredObject stored = everything.get(round == 0 ? i : everything.size() - 1 - i);
        byte[] expected =
            new FeatureCollectionJson(1, "t", List.of(), List.of(stored)).write(writer);
        byte[] copied =
            new FeatureCollectionJson(1, "t", List.of(), List.of(stored)).copy(cache::of);
        assertArrayEquals(expected, copied, stored.object().gmlId());
      }
    }
  }

  @Test
  void pagesOfCopiedFeaturesEqualWrittenPages() {
    DefaultFeatureJson cache = new DefaultFeatureJson(64L << 20);
    FeatureWriter writer = new FeatureWriter();
    List<FeatureCollectionJson.Link> links =
        List.of(
            new FeatureCollectionJson.Link("http://x/items?a=%20b", "self", "application/geo+json"),
            new FeatureCollectionJson.Link("http://x/items?f=html", "alternate", "text/html"));
    Random random = new Random(7);
    for (int start = 0; start < everything.size(); start += 100) {
      List<StoredObject> page = everything.subList(start, Math.min(everything.size(), start + 100));
      assertPagesEqual(page, links, writer, cache);
    }
    for (int i = 0; i < 200; i++) {
      List<StoredObject> page = new ArrayList<>();
      for (int n = random.nextInt(4); n > 0; n--) {
        page.add(everything.get(random.nextInt(everything.size())));
      }
      assertPagesEqual(page, i % 2 == 0 ? links : List.of(), writer, cache);
    }
  }

  private static void assertPagesEqual(
      List<StoredObject> page,
      List<FeatureCollectionJson.Link> links,
      FeatureWriter writer,
      DefaultFeatureJson cache) {
    FeatureCollectionJson body =
        new FeatureCollectionJson(page.size() + 5L, "2026-11-24T21:00:00Z", links, page);
    byte[] written = body.write(writer);
    byte[] copied = body.copy(cache::of);
    assertArrayEquals(written, copied, new String(copied, StandardCharsets.UTF_8));
  }

  @Test
  void defaultItemsAndSingleItemsOverHttpAreTheWrittenFeatures() throws Exception {
    for (String collection : List.of("buildings", "transportation")) {
      HttpResponse<String> response =
          twin.get("/api/collections/" + collection + "/items?limit=10000");
      assertEquals(200, response.statusCode());
      JsonNode features = ImportedTwin.json(response).get("features");
      assertTrue(features.size() > 300, collection + ": " + features.size());
      for (int i = 0; i < features.size(); i += 37) {
        String id = features.get(i).get("id").asText();
        StoredObject stored = twin.store.get(id).orElseThrow();
        byte[] written = DefaultFeatureJson.write(stored);
        assertEquals(JSON.readTree(written), features.get(i), id);
        HttpResponse<String> single =
            twin.get("/api/collections/" + collection + "/items/" + Links.encode(id));
        assertEquals(200, single.statusCode(), collection + " " + id + ": " + single.body());
        assertEquals(new String(written, StandardCharsets.UTF_8), single.body(), id);
      }
    }
  }
}
