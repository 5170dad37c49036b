package org.citytwin.http.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.citytwin.http.LiveTwin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document at {@code /api/api} against the real routes, both ways: every documented
 * operation answers (not 404) and accepts every documented parameter, and every parameter the
 * server accepts is documented.
 */
class OpenApiDocumentTest {
  @TempDir static Path directory;
  private static LiveTwin twin;
  private static JsonNode document;
  private static String featureId;

  @BeforeAll
  static void start() throws Exception {
    twin = LiveTwin.start(directory, LiveTwin.BUILDINGS);
    HttpResponse<String> response = twin.get("/api");
    assertEquals(200, response.statusCode());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.oai"),
        response.headers().toString());
    document = FeaturesApiTest.json(response);
    featureId = twin.firstFeatureId("buildings");
  }

  @AfterAll
  static void stop() {
    if (twin != null) {
      twin.close();
    }
  }

  /** The query parameters the server accepts, per documented path. */
  private static final Map<String, Set<String>> ACCEPTED =
      Map.ofEntries(
          Map.entry("/", FeaturesApi.PAGE_PARAMETERS),
          Map.entry("/conformance", FeaturesApi.PAGE_PARAMETERS),
          Map.entry("/api", OpenApiDocument.PARAMETERS),
          Map.entry("/collections", FeaturesApi.PAGE_PARAMETERS),
          Map.entry("/collections/{collectionId}", FeaturesApi.PAGE_PARAMETERS),
          Map.entry("/collections/{collectionId}/queryables", FeaturesApi.PAGE_PARAMETERS),
          Map.entry("/collections/{collectionId}/queryables/list", FeaturesApi.PAGE_PARAMETERS),
          Map.entry("/collections/{collectionId}/schema", FeaturesApi.PAGE_PARAMETERS),
          Map.entry("/collections/{collectionId}/items", ItemsRequest.PARAMETERS),
          Map.entry("/collections/{collectionId}/items/{featureId}", ItemsResource.ITEM_PARAMETERS),
          Map.entry("/collections/{collectionId}/aggregate", AggregateRequest.PARAMETERS),
          Map.entry("/objects/{gmlId}", Set.of("f")));

  @Test
  void isOpenApi3WithTheServerUrlFilledIn() {
    assertTrue(document.get("openapi").asText().startsWith("3.0"));
    assertEquals(twin.api(), document.at("/servers/0/url").asText());
  }

  @Test
  void documentsExactlyTheServedRoutes() {
    Set<String> paths = new TreeSet<>();
    document.get("paths").fieldNames().forEachRemaining(paths::add);
    assertEquals(new TreeSet<>(ACCEPTED.keySet()), paths);
  }

  @Test
  void everyOperationAnswersAndOnlyGetIsDocumented() throws Exception {
    for (Map.Entry<String, JsonNode> path : entries(document.get("paths"))) {
      List<String> methods = new ArrayList<>();
      path.getValue().fieldNames().forEachRemaining(methods::add);
      assertEquals(List.of("get"), methods, path.getKey());
      HttpResponse<String> response = twin.get(concrete(path.getKey()));
      assertEquals(200, response.statusCode(), path.getKey() + ": " + response.body());
    }
  }

  @Test
  void documentedParametersAreExactlyTheAcceptedOnes() {
    for (Map.Entry<String, JsonNode> path : entries(document.get("paths"))) {
      Set<String> documented = new TreeSet<>(queryParameters(path.getValue().get("get")).keySet());
      assertEquals(
          new TreeSet<>(ACCEPTED.get(path.getKey())), documented, "parameters of " + path.getKey());
    }
  }

  @Test
  void everyDocumentedParameterIsAcceptedWithItsExample() throws Exception {
    for (Map.Entry<String, JsonNode> path : entries(document.get("paths"))) {
      for (Map.Entry<String, JsonNode> parameter :
          queryParameters(path.getValue().get("get")).entrySet()) {
        String name = parameter.getKey();
        JsonNode example = parameter.getValue().get("example");
        assertTrue(example != null, name + " in " + path.getKey() + " has an example");
        String query = "?" + name + "=" + LiveTwin.encode(exampleText(example));
        if (name.equals("bbox-crs")) {
          query += "&bbox=135.45,34.61,135.47,34.63";
        }
        if (name.equals("bins") || name.equals("binWidth")) {
          query += "&histogram=height"; // bins shape a histogram; alone they are refused
        }
        HttpResponse<String> response = twin.get(concrete(path.getKey()) + query);
        assertEquals(200, response.statusCode(), path.getKey() + query + ": " + response.body());
      }
    }
  }

  @Test
  void errorResponsesAreDocumentedAsProblems() {
    for (Map.Entry<String, JsonNode> path : entries(document.get("paths"))) {
      JsonNode responses = path.getValue().at("/get/responses");
      for (String status : List.of("400", "406")) {
        assertTrue(
            responses.at("/" + status + "/content").has("application/problem+json"),
            status + " of " + path.getKey());
      }
      if (path.getKey().contains("{")) {
        assertTrue(responses.has("404"), "404 of " + path.getKey());
      }
      assertNotEquals(0, responses.at("/200/content").size(), "200 content of " + path.getKey());
    }
  }

  @Test
  void everyReferenceResolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(document, refs);
    assertFalse(refs.isEmpty());
    for (String ref : refs) {
      assertTrue(ref.startsWith("#/"), ref);
      assertFalse(document.at(ref.substring(1)).isMissingNode(), "unresolved " + ref);
    }
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.has("$ref")) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }

  private static String concrete(String path) {
    return path.equals("/")
        ? ""
        : path.replace("{collectionId}", "buildings")
            .replace("{featureId}", LiveTwin.encode(featureId))
            .replace("{gmlId}", LiveTwin.encode(featureId));
  }

  /** The operation's query parameters by name, references resolved. */
  private static Map<String, JsonNode> queryParameters(JsonNode operation) {
    Map<String, JsonNode> parameters = new TreeMap<>();
    for (JsonNode parameter : operation.get("parameters")) {
      JsonNode resolved =
          parameter.has("$ref")
              ? document.at(parameter.get("$ref").asText().substring(1))
              : parameter;
      assertFalse(resolved.isMissingNode(), parameter.toString());
      if (resolved.get("in").asText().equals("query")) {
        parameters.put(resolved.get("name").asText(), resolved);
      }
    }
    return parameters;
  }

  /** An example as a query value: arrays joined with commas (form style, not exploded). */
  private static String exampleText(JsonNode example) {
    if (!example.isArray()) {
      return example.asText();
    }
    List<String> parts = new ArrayList<>();
    example.forEach(item -> parts.add(item.asText()));
    return String.join(",", parts);
  }

  private static List<Map.Entry<String, JsonNode>> entries(JsonNode object) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      entries.add(it.next());
    }
    return entries;
  }
}
