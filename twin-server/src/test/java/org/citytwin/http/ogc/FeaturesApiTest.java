package org.citytwin.http.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.citytwin.http.LiveTwin;
import org.citytwin.model.CityObjectType;
import org.citytwin.query.Filter;
import org.citytwin.query.Literal;
import org.citytwin.store.TwinStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OGC API - Features over a real store and the real server: discovery documents, paging, single
 * items, HTML, filtering, sorting and property selection. Expected counts come from the store
 * itself ({@link TwinStore#count}), not from the server under test.
 */
class FeaturesApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path directory;
  private static LiveTwin twin;

  @BeforeAll
  static void start() throws Exception {
    twin = LiveTwin.start(directory, LiveTwin.BUILDINGS, LiveTwin.ROADS);
  }

  @AfterAll
  static void stop() {
    if (twin != null) {
      twin.close();
    }
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static JsonNode getJson(String pathAndQuery) throws Exception {
    HttpResponse<String> response = twin.get(pathAndQuery);
    assertEquals(200, response.statusCode(), pathAndQuery + ": " + response.body());
    return json(response);
  }

  private static long storeCount(Filter filter) throws Exception {
    return twin.store().count(filter);
  }

  private static long buildings() throws Exception {
    return storeCount(new Filter.TypeIn(Collections.typesOf(CityObjectType.Collection.BUILDINGS)));
  }

  private static Set<String> rels(JsonNode links) {
    Set<String> rels = new HashSet<>();
    links.forEach(link -> rels.add(link.get("rel").asText()));
    return rels;
  }

  @Test
  void landingPageLinksTheApiConformanceAndData() throws Exception {
    JsonNode landing = getJson("");
    assertTrue(
        rels(landing.get("links"))
            .containsAll(Set.of("self", "service-desc", "conformance", "data")),
        landing.toString());
  }

  @Test
  void conformanceListsCoreGeojsonAndFilter() throws Exception {
    JsonNode conformance = getJson("/conformance");
    List<String> classes = new ArrayList<>();
    conformance.get("conformsTo").forEach(c -> classes.add(c.asText()));
    assertTrue(
        classes.contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"),
        classes.toString());
    assertTrue(
        classes.contains("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter"),
        classes.toString());
  }

  @Test
  void oneCollectionPerKindOfObjectPresent() throws Exception {
    JsonNode collections = getJson("/collections").get("collections");
    Set<String> ids = new HashSet<>();
    collections.forEach(c -> ids.add(c.get("id").asText()));
    Set<String> expected = new HashSet<>();
    for (CityObjectType.Collection collection : CityObjectType.Collection.values()) {
      if (storeCount(new Filter.TypeIn(Collections.typesOf(collection))) > 0) {
        expected.add(collection.id());
      }
    }
    assertEquals(expected, ids);
    assertTrue(ids.containsAll(Set.of("buildings", "transportation")), ids.toString());
  }

  @Test
  void collectionDescribesItselfWithItemsAndQueryablesLinks() throws Exception {
    JsonNode collection = getJson("/collections/buildings");
    assertEquals("buildings", collection.get("id").asText());
    Set<String> rels = rels(collection.get("links"));
    assertTrue(rels.contains("items"), rels.toString());
    assertTrue(rels.contains("http://www.opengis.net/def/rel/ogc/1.0/queryables"), rels.toString());
  }

  @Test
  void itemsDefaultToOneHundredAndReportMatchedAndReturned() throws Exception {
    JsonNode page = getJson("/collections/buildings/items");
    assertEquals("FeatureCollection", page.get("type").asText());
    assertEquals(buildings(), page.get("numberMatched").asLong());
    assertEquals(100, page.get("numberReturned").asInt());
    assertEquals(100, page.get("features").size());
    assertTrue(rels(page.get("links")).contains("next"));
    assertFalse(rels(page.get("links")).contains("prev"));
  }

  @Test
  void limitUpToTenThousandReturnsEverythingInOnePage() throws Exception {
    JsonNode page = getJson("/collections/buildings/items?limit=10000");
    assertEquals(buildings(), page.get("numberReturned").asLong());
    assertFalse(rels(page.get("links")).contains("next"));
  }

  @Test
  void followingNextLinksVisitsEveryFeatureOnce() throws Exception {
    Set<String> seen = new HashSet<>();
    String url = twin.api() + "/collections/buildings/items?limit=70&sortby=gml_id";
    int pages = 0;
    long matched = -1;
    while (url != null) {
      assertTrue(++pages < 100, "paging does not end");
      JsonNode page =
          json(twin.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))));
      matched = page.get("numberMatched").asLong();
      for (JsonNode feature : page.get("features")) {
        assertTrue(seen.add(feature.get("id").asText()), "duplicate " + feature.get("id"));
      }
      assertEquals(page.get("features").size(), page.get("numberReturned").asInt());
      if (pages > 1) {
        assertTrue(rels(page.get("links")).contains("prev"), "page " + pages + " has no prev");
      }
      url = link(page, "next");
    }
    assertEquals(buildings(), matched);
    assertEquals(matched, seen.size());
    assertEquals((matched + 69) / 70, pages);
  }

  @Test
  void prevLinkStepsBack() throws Exception {
    JsonNode page = getJson("/collections/buildings/items?limit=10&offset=25");
    String prev = link(page, "prev");
    assertNotNull(prev);
    assertTrue(prev.contains("offset=15"), prev);
    assertTrue(link(page, "next").contains("offset=35"), link(page, "next"));
  }

  static String link(JsonNode document, String rel) {
    for (JsonNode link : document.get("links")) {
      if (link.get("rel").asText().equals(rel)) {
        return link.get("href").asText();
      }
    }
    return null;
  }

  @Test
  void datasetIsTheSourceFileNameNotTheServerPath() throws Exception {
    // LiveTwin imports the files by absolute path, which is what the store keys datasets by.
    assertTrue(
        twin.store().datasets().stream().allMatch(d -> Path.of(d.sourceName()).isAbsolute()),
        "keys stay absolute");
    JsonNode page = getJson("/collections/buildings/items?limit=10000&properties=dataset");
    for (JsonNode feature : page.get("features")) {
      assertEquals(LiveTwin.BUILDINGS, feature.get("properties").get("dataset").asText());
    }
    JsonNode filtered =
        getJson(
            "/collections/buildings/items?limit=1&filter="
                + LiveTwin.encode("dataset = '" + LiveTwin.BUILDINGS + "'"));
    assertEquals(buildings(), filtered.get("numberMatched").asLong());
    String id = page.get("features").get(0).get("id").asText();
    JsonNode item = getJson("/collections/buildings/items/" + LiveTwin.encode(id));
    assertEquals(LiveTwin.BUILDINGS, item.get("properties").get("dataset").asText());
  }

  @Test
  void bboxSelectsTheBuildingsTheStoreFindsInIt() throws Exception {
    double[] box = {135.455, 34.618, 135.460, 34.622};
    JsonNode page =
        getJson(
            "/collections/buildings/items?limit=1&bbox="
                + box[0]
                + ","
                + box[1]
                + ","
                + box[2]
                + ","
                + box[3]);
    long expected =
        storeCount(
            Filter.and(
                new Filter.TypeIn(Collections.typesOf(CityObjectType.Collection.BUILDINGS)),
                new Filter.BboxIntersects(box[0], box[1], box[2], box[3])));
    assertTrue(expected > 0 && expected < buildings(), "box picks some: " + expected);
    assertEquals(expected, page.get("numberMatched").asLong());
  }

  @Test
  void bboxInEpsg4326IsLatitudeFirst() throws Exception {
    JsonNode lonLat =
        getJson("/collections/buildings/items?limit=1&bbox=135.455,34.618,135.46,34.622");
    JsonNode latLon =
        getJson(
            "/collections/buildings/items?limit=1&bbox=34.618,135.455,34.622,135.46&bbox-crs="
                + LiveTwin.encode("http://www.opengis.net/def/crs/EPSG/0/4326"));
    assertEquals(lonLat.get("numberMatched"), latLon.get("numberMatched"));
  }

  @Test
  void singleItemByGmlId() throws Exception {
    JsonNode first = getJson("/collections/buildings/items?limit=1").get("features").get(0);
    String id = first.get("id").asText();
    HttpResponse<String> response = twin.get("/collections/buildings/items/" + LiveTwin.encode(id));
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/geo+json"));
    JsonNode feature = json(response);
    assertEquals("Feature", feature.get("type").asText());
    assertEquals(id, feature.get("id").asText());
    assertEquals(first.get("geometry"), feature.get("geometry"));
  }

  @Test
  void missingItemAndCollectionAre404Problems() throws Exception {
    for (String path :
        List.of(
            "/collections/buildings/items/no-such-building",
            "/collections/no-such-collection",
            "/collections/no-such-collection/items",
            "/nowhere")) {
      HttpResponse<String> response = twin.get(path);
      assertEquals(404, response.statusCode(), path);
      assertEquals(
          "application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    }
    // A road is not in the buildings collection.
    String road =
        getJson("/collections/transportation/items?limit=1")
            .get("features")
            .get(0)
            .get("id")
            .asText();
    assertEquals(
        404, twin.get("/collections/buildings/items/" + LiveTwin.encode(road)).statusCode());
  }

  @Test
  void htmlByParameterAndByAcceptHeader() throws Exception {
    String id =
        getJson("/collections/buildings/items?limit=1").get("features").get(0).get("id").asText();
    for (String path :
        List.of(
            "",
            "/conformance",
            "/collections",
            "/collections/buildings",
            "/collections/buildings/queryables",
            "/collections/buildings/items",
            "/collections/buildings/items/" + LiveTwin.encode(id))) {
      HttpResponse<String> byParameter =
          twin.get(path + (path.contains("?") ? "&" : "?") + "f=html");
      HttpResponse<String> byHeader =
          twin.get(path, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
      for (HttpResponse<String> response : List.of(byParameter, byHeader)) {
        assertEquals(200, response.statusCode(), path);
        assertTrue(
            response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
            path + " " + response.headers());
        assertTrue(response.body().contains("<html"), path);
      }
    }
  }

  @Test
  void queryablesAreAJsonSchemaIncludingTheFloodDepth() throws Exception {
    HttpResponse<String> response = twin.get("/collections/buildings/queryables");
    assertEquals(200, response.statusCode());
    assertEquals(
        "application/schema+json", response.headers().firstValue("Content-Type").orElse(""));
    JsonNode schema = json(response);
    assertEquals("object", schema.get("type").asText());
    assertEquals("number", schema.at("/properties/river_flood_depth/type").asText());
    assertEquals("string", schema.at("/properties/gml_id/type").asText());
  }

  /**
   * The drafts' list GDAL 3.x reads: linked with the plain relation {@code queryables}, as JSON,
   * holding every queryable of the JSON Schema whose name parses unquoted in CQL2, and only those
   * (GDAL writes names raw; the sample's {@code 1/2500図郭} would make its filter a 400).
   */
  @Test
  void queryablesListForGdalHoldsTheNamesItCanWrite() throws Exception {
    JsonNode link = null;
    for (JsonNode candidate : getJson("/collections/buildings").get("links")) {
      if (candidate.get("rel").asText().equals("queryables")) {
        link = candidate;
      }
    }
    assertTrue(link != null, "no rel=queryables link");
    assertEquals("application/json", link.get("type").asText());
    HttpResponse<String> response =
        twin.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(link.get("href").asText())));
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
    Map<String, String> listed = new TreeMap<>();
    for (JsonNode queryable : json(response).get("queryables")) {
      listed.put(queryable.get("id").asText(), queryable.get("type").asText());
    }
    Map<String, String> plain = new TreeMap<>();
    Set<String> quotedOnly = new TreeSet<>();
    getJson("/collections/buildings/queryables")
        .get("properties")
        .fields()
        .forEachRemaining(
            property -> {
              if (property.getKey().equals("geometry")) {
                return;
              }
              if (org.citytwin.query.Cql2Parser.isPlainPropertyName(property.getKey())) {
                plain.put(property.getKey(), property.getValue().get("type").asText());
              } else {
                quotedOnly.add(property.getKey());
              }
            });
    assertEquals(plain, listed, "left out: " + quotedOnly);
    assertEquals("number", listed.get("river_flood_depth"));
    assertTrue(quotedOnly.contains("1/2500図郭"), quotedOnly.toString());
    // Japanese names arrive intact (the JSON Schema was sent as ISO-8859-1, "区名" as "??").
    assertEquals("string", listed.get("区名"), listed.toString());
  }

  @Test
  void collectionExtentBoundsEveryBuilding() throws Exception {
    JsonNode bbox = getJson("/collections/buildings").at("/extent/spatial/bbox/0");
    double[] scanned = {180, 90, -180, -90};
    twin.store()
        .query(
            org.citytwin.query.Query.of(
                new Filter.TypeIn(Collections.typesOf(CityObjectType.Collection.BUILDINGS))),
            stored -> {
              var envelope = stored.object().shape().envelope();
              scanned[0] = Math.min(scanned[0], envelope.minLon());
              scanned[1] = Math.min(scanned[1], envelope.minLat());
              scanned[2] = Math.max(scanned[2], envelope.maxLon());
              scanned[3] = Math.max(scanned[3], envelope.maxLat());
            });
    for (int i = 0; i < 4; i++) {
      assertEquals(scanned[i], bbox.get(i).asDouble(), 1e-12, "bbox[" + i + "]");
    }
  }

  @Test
  void queryablesWorkAsQueryParameters() throws Exception {
    JsonNode page = getJson("/collections/buildings/items?limit=10000&storeysAboveGround=2");
    long expected =
        storeCount(
            Filter.and(
                new Filter.TypeIn(Collections.typesOf(CityObjectType.Collection.BUILDINGS)),
                new Filter.Compare("storeysAboveGround", Filter.Operator.EQ, Literal.of(2))));
    assertTrue(expected > 0, "the sample has two-storey buildings");
    assertEquals(expected, page.get("numberMatched").asLong());
    HttpResponse<String> bad = twin.get("/collections/buildings/items?storeysAboveGround=two");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("storeysAboveGround"), bad.body());
  }

  @Test
  void riverFloodFilterMatchesTheStoreCount() throws Exception {
    JsonNode page =
        getJson(
            "/collections/buildings/items?limit=10000&filter="
                + LiveTwin.encode("river_flood_depth > 0.5")
                + "&filter-lang=cql2-text");
    long expected =
        storeCount(
            Filter.and(
                new Filter.TypeIn(Collections.typesOf(CityObjectType.Collection.BUILDINGS)),
                new Filter.Compare("river_flood_depth", Filter.Operator.GT, Literal.of(0.5))));
    assertTrue(expected > 0, "the sample has flooded buildings");
    assertEquals(expected, page.get("numberMatched").asLong());
    assertEquals(expected, page.get("features").size());
    for (JsonNode feature : page.get("features")) {
      assertTrue(feature.at("/properties/river_flood_depth").asDouble() > 0.5, feature.toString());
    }
  }

  @Test
  void combinedFilterWithAndOrAndText() throws Exception {
    String cql = "height >= 10 AND (type = 'building' OR river_flood_depth IS NULL)";
    JsonNode page = getJson("/collections/buildings/items?limit=1&filter=" + LiveTwin.encode(cql));
    long expected =
        storeCount(
            Filter.and(
                new Filter.TypeIn(Collections.typesOf(CityObjectType.Collection.BUILDINGS)),
                new Filter.Compare("height", Filter.Operator.GE, Literal.of(10)),
                Filter.or(
                    new Filter.Compare("type", Filter.Operator.EQ, Literal.of("building")),
                    new Filter.IsNull("river_flood_depth"))));
    assertTrue(expected > 0, "some tall buildings");
    assertEquals(expected, page.get("numberMatched").asLong());
  }

  @Test
  void propertiesSelectsTheNamedPropertiesOnly() throws Exception {
    JsonNode page = getJson("/collections/buildings/items?limit=5&properties=height,gml_id");
    for (JsonNode feature : page.get("features")) {
      Iterator<String> names = feature.get("properties").fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        assertTrue(Set.of("height", "gml_id").contains(name), "unselected property " + name);
      }
      assertTrue(feature.get("properties").has("height"), feature.toString());
    }
  }

  @Test
  void sortbyOrdersDescendingAndAscending() throws Exception {
    List<Double> descending = heights("/collections/buildings/items?limit=200&sortby=-height");
    List<Double> ascending = heights("/collections/buildings/items?limit=200&sortby=%2Bheight");
    for (int i = 1; i < descending.size(); i++) {
      assertTrue(descending.get(i - 1) >= descending.get(i), "descending at " + i);
      assertTrue(ascending.get(i - 1) <= ascending.get(i), "ascending at " + i);
    }
    assertTrue(descending.get(0) > ascending.get(0));
  }

  private static List<Double> heights(String pathAndQuery) throws Exception {
    List<Double> heights = new ArrayList<>();
    for (JsonNode feature : getJson(pathAndQuery).get("features")) {
      if (feature.at("/properties/height").isNumber()) {
        heights.add(feature.at("/properties/height").asDouble());
      }
    }
    assertTrue(heights.size() > 100, "most buildings have a height");
    return heights;
  }

  @Test
  void lod1GeometryIsThreeDimensional() throws Exception {
    JsonNode feature =
        getJson("/collections/buildings/items?limit=1&geometry=lod1").get("features").get(0);
    JsonNode first = firstPosition(feature.get("geometry"));
    assertEquals(3, first.size(), feature.get("geometry").toString());
    double height = first.get(2).asDouble();
    assertTrue(height > -10 && height < 400, "a plausible height in metres: " + height);
  }

  /** The first position of any GeoJSON geometry. */
  static JsonNode firstPosition(JsonNode geometry) {
    JsonNode node = geometry.get("coordinates");
    while (node.get(0).isArray()) {
      node = node.get(0);
    }
    return node;
  }
}
