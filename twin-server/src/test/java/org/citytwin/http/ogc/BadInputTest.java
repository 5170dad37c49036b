package org.citytwin.http.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.citytwin.http.LiveTwin;
import org.citytwin.query.Filter;
import org.citytwin.store.Dataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and mistaken requests: each gets the right 4xx as an RFC 9457 problem naming the
 * parameter and the reason, never a 500 or a stack trace, and injection attempts change nothing.
 */
class BadInputTest {
  private static final String ITEMS = "/collections/buildings/items";
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

  /** Asserts a problem document with {@code status} and returns it. */
  private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
    String body = response.body();
    assertEquals(status, response.statusCode(), body);
    assertEquals(
        "application/problem+json",
        response.headers().firstValue("Content-Type").orElse(""),
        "content type of " + body);
    assertFalse(body.contains("Exception"), "no exception names: " + body);
    assertFalse(body.contains("at org."), "no stack trace: " + body);
    JsonNode json = FeaturesApiTest.json(response);
    assertEquals(status, json.get("status").asInt());
    assertFalse(json.get("title").asText().isEmpty());
    return json;
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknownParameter=1                 | unknownParameter | unknown parameter",
        "bbox=135,34,136                    | bbox        | 4 or 6",
        "bbox=a,34,136,35                   | bbox        | not a number",
        "bbox=135,34,136,NaN                | bbox        | finite",
        "bbox=136,34,135,35                 | bbox        | must not exceed",
        "bbox=135,-95,136,34                | bbox        | latitude",
        "bbox=135,34,136,35&bbox=1,2,3,4    | bbox        | more than once",
        "limit=0                            | limit       | between 1 and 10000",
        "limit=10001                        | limit       | between 1 and 10000",
        "limit=-1                           | limit       | between 1 and 10000",
        "limit=abc                          | limit       | whole number",
        "offset=-5                          | offset      | between",
        "crs=EPSG:9999                      | crs         | not offered",
        "crs=nonsense                       | crs         | not offered",
        "bbox-crs=EPSG:4326                 | bbox-crs    | without bbox",
        "bbox=1,2,3,4&bbox-crs=EPSG:1       | bbox-crs    | not offered",
        "filter=height%20%3E                | filter      | position",
        "filter=height%20%3E%3E%201         | filter      | position",
        "filter=(height%20%3E%201           | filter      | position",
        "filter=nosuch%20%3D%201            | filter      | nosuch",
        "sortby=nosuch                      | sortby      | nosuch",
        "properties=height,nosuch           | properties  | nosuch",
        "filter-lang=cql2-json&filter=1%3D1 | filter-lang | cql2-text",
        "filter=name%20ILIKE%20'a%25'       | filter      | position",
        "filter-lang=cql-text&filter=name%20ILIKE | filter | position",
        "filter-lang=cql-text&filter=height%20ILIKE%20'1' | filter | numbers",
        "filter-crs=EPSG:4326&filter=height%3E1 | filter-crs | CRS84",
        "geometry=lod9                      | geometry    | lod",
        "f=xml                              | f           | json or html",
      })
  void badItemsParameterIs400NamingIt(String query, String parameter, String reason)
      throws Exception {
    JsonNode problem = problem(twin.get(ITEMS + "?" + query), 400);
    assertEquals(parameter, problem.get("parameter").asText(), problem.toString());
    assertTrue(
        problem.get("detail").asText().contains(reason),
        "detail should mention '" + reason + "': " + problem);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/conformance",
        "/collections",
        "/collections/buildings",
        "/collections/buildings/queryables",
        "/collections/buildings/schema",
        "/api"
      })
  void otherResourcesRefuseUnknownParametersAndFormats(String path) throws Exception {
    assertEquals("foo", problem(twin.get(path + "?foo=bar"), 400).get("parameter").asText());
    assertEquals("f", problem(twin.get(path + "?f=xml"), 400).get("parameter").asText());
  }

  @Test
  void cql2SyntaxErrorNamesThePosition() throws Exception {
    JsonNode problem =
        problem(twin.get(ITEMS + "?filter=" + LiveTwin.encode("height > 3 AND AND x")), 400);
    assertTrue(problem.get("detail").asText().matches(".*position \\d+.*"), problem.toString());
  }

  @Test
  void problemsNameNonLatinInputIntact() throws Exception {
    JsonNode problem = problem(twin.get(ITEMS + "?sortby=" + LiveTwin.encode("存在しない")), 400);
    assertTrue(problem.get("detail").asText().contains("存在しない"), problem.toString());
  }

  @Test
  void parameterOver64KiBIs413() throws Exception {
    String huge = "height > 1 OR ".repeat(5_000) + "height > 2";
    assertTrue(huge.length() > 65_536);
    JsonNode problem = problem(twin.get(ITEMS + "?filter=" + LiveTwin.encode(huge)), 413);
    assertEquals("filter", problem.get("parameter").asText());
  }

  @Test
  void uriBeyondWhatJettyReadsIs414Problem() throws Exception {
    String huge = "a".repeat(300_000);
    problem(twin.get(ITEMS + "?filter=" + huge), 414);
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "DELETE", "PUT", "PATCH"})
  void writingMethodsAre405(String method) throws Exception {
    for (String path : List.of("", "/collections", ITEMS, ITEMS + "/anything")) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(twin.api() + path))
              .method(method, HttpRequest.BodyPublishers.ofString("{}"));
      problem(twin.send(request), 405);
    }
  }

  @Test
  void xmlOnlyAcceptIs406() throws Exception {
    for (String path : List.of("", "/collections", ITEMS)) {
      problem(twin.get(path, "Accept", "application/xml"), 406);
    }
  }

  @Test
  void injectionInFiltersAndIdsIsHarmless() throws Exception {
    long objects = twin.store().count(Filter.all());
    List<Dataset> datasets = twin.store().datasets();
    for (String cql :
        List.of(
            "gml_id = 'x''); DROP TABLE city_object; --'",
            "区名 = ''' OR 1=1 --'",
            "gml_id LIKE '%'' OR ''1''=''1'")) {
      HttpResponse<String> response = twin.get(ITEMS + "?filter=" + LiveTwin.encode(cql));
      assertEquals(200, response.statusCode(), cql + ": " + response.body());
      assertEquals(0, FeaturesApiTest.json(response).get("numberMatched").asLong(), cql);
    }
    for (String id :
        List.of("'; DROP TABLE dataset; --", "x' OR '1'='1", "../../etc/passwd", "%00")) {
      problem(twin.get(ITEMS + "/" + LiveTwin.encode(id)), 404);
    }
    // The name filter refers to no queryable: refused before reaching the store.
    problem(
        twin.get(ITEMS + "?filter=" + LiveTwin.encode("name = 'x''); DROP TABLE city_object; --'")),
        400);
    assertEquals(objects, twin.store().count(Filter.all()));
    assertEquals(datasets, twin.store().datasets());
    assertEquals(200, twin.get(ITEMS + "?limit=1").statusCode());
  }
}
