package org.citytwin.http.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.citytwin.http.Links;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.CityObject;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Envelope3D;
import org.citytwin.model.RiskKind;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.citytwin.store.StoredObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * {@code /aggregate} on the real server over a real PLATEAU tile (Tokyo 51357346, 537 buildings),
 * checked against sums computed here from {@link org.citytwin.store.TwinStore#query} directly.
 */
class AggregateResourceTest {
  private static final double RELATIVE = 1e-9;
  private static final Path TILE = Path.of("../data/citygml/51357346_bldg_6697_op.gml");

  @TempDir static Path storeDirectory;
  private static ImportedTwin twin;
  private static String westHalf;

  @BeforeAll
  static void start() throws Exception {
    twin = ImportedTwin.of(storeDirectory, TILE);
    Envelope3D extent = null;
    for (StoredObject stored : twin.store.list(Query.of(buildings()))) {
      Envelope3D box = stored.object().shape().envelope();
      extent = extent == null ? box : extent.union(box);
    }
    double middle = (extent.minLon() + extent.maxLon()) / 2;
    westHalf =
        String.format(
            Locale.ROOT,
            "POLYGON((%.7f %.7f,%.7f %.7f,%.7f %.7f,%.7f %.7f,%.7f %.7f))",
            extent.minLon() - 0.001,
            extent.minLat() - 0.001,
            middle,
            extent.minLat() - 0.001,
            middle,
            extent.maxLat() + 0.001,
            extent.minLon() - 0.001,
            extent.maxLat() + 0.001,
            extent.minLon() - 0.001,
            extent.minLat() - 0.001);
  }

  @AfterAll
  static void stop() {
    twin.close();
  }

  private static Filter buildings() {
    return new Filter.TypeIn(Collections.typesOf(CityObjectType.Collection.BUILDINGS));
  }

  @Test
  void countsAndSumsByUsageMatchTheStore() throws Exception {
    JsonNode body =
        get("groupBy=usage&measures=height,footprint_area,uro_buildingRoofEdgeArea", 200);
    Map<String, Oracle> byUsage = new HashMap<>();
    Oracle all = new Oracle();
    twin.store.query(
        Query.of(buildings()),
        stored -> {
          CityObject object = stored.object();
          AttributeValue usage = object.attributes().get("usage");
          String key = usage == null ? null : usage.text();
          byUsage.computeIfAbsent(key, k -> new Oracle()).add(object);
          all.add(object);
        });
    assertEquals(all.count, body.get("numberMatched").asLong());
    assertTrue(all.count > 500, "the tile has 537 buildings, imported " + all.count);
    all.check(body.get("measures"));
    assertEquals(byUsage.size(), body.get("groups").size());
    for (JsonNode group : body.get("groups")) {
      String key = group.get("key").isNull() ? null : group.get("key").asText();
      Oracle oracle = byUsage.get(key);
      assertEquals(oracle.count, group.get("count").asLong(), "count of usage " + key);
      oracle.check(group.get("measures"));
    }
  }

  @Test
  void floodedFloorAreaInsideAPolygonMatchesAScan() throws Exception {
    Geometry polygon = new WKTReader().read(westHalf);
    Predicate<CityObject> expected =
        o -> {
          Double depth = o.maxDepthMetres(RiskKind.RIVER_FLOOD);
          return depth != null && depth >= 0.5 && o.shape().footprint().intersects(polygon);
        };
    Oracle oracle = new Oracle();
    twin.store.query(
        Query.of(buildings()),
        stored -> {
          if (expected.test(stored.object())) {
            oracle.add(stored.object());
          }
        });
    assertTrue(oracle.count > 0, "the west half must hold flooded buildings for a real check");
    String measures = "&measures=height,footprint_area,uro_buildingRoofEdgeArea";
    JsonNode inFilter =
        get(
            "filter="
                + Links.encode(
                    "river_flood_depth>=0.5 AND S_INTERSECTS(geometry, " + westHalf + ")")
                + measures,
            200);
    JsonNode asParameter =
        get(
            "filter="
                + Links.encode("river_flood_depth>=0.5")
                + "&polygon="
                + Links.encode(westHalf)
                + measures,
            200);
    for (JsonNode body : new JsonNode[] {inFilter, asParameter}) {
      assertEquals(oracle.count, body.get("numberMatched").asLong());
      oracle.check(body.get("measures"));
    }
  }

  @Test
  void histogramCountsEveryHeight() throws Exception {
    JsonNode body = get("histogram=height&bins=7&groupBy=usage", 200);
    JsonNode histogram = body.get("histogram");
    assertEquals(8, histogram.get("edges").size());
    long total = 0;
    for (JsonNode count : histogram.get("counts")) {
      total += count.asLong();
    }
    assertEquals(twin.store.count(buildings()), total);
    for (JsonNode group : body.get("groups")) {
      assertEquals(7, group.get("histogram").get("counts").size());
    }
  }

  @Test
  void csvHasAHeaderOneRowPerGroupAndATotal() throws Exception {
    HttpResponse<String> response = twin.get(path("groupBy=usage&measures=height&f=csv"));
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    String[] lines = response.body().split("\r\n");
    int groups = get("groupBy=usage", 200).get("groups").size();
    assertEquals(groups + 2, lines.length);
    assertTrue(lines[0].startsWith("row,key,label,count,height_count,height_sum"), lines[0]);
    assertTrue(lines[lines.length - 1].startsWith("total,,,"), lines[lines.length - 1]);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "colour=red | colour",
        "bins=0&histogram=height | bins",
        "bins=101&histogram=height | bins",
        "bins=ten&histogram=height | bins",
        "bins=5 | bins",
        "binWidth=1&bins=5&histogram=height | bins",
        "binWidth=-1&histogram=height | binWidth",
        "binWidth=0.00001&histogram=height | binWidth",
        "histogram=usage | histogram",
        "measures=usage | measures",
        "measures=height,no_such_thing | measures",
        "groupBy=no_such_thing | groupBy",
        "filter=no_such_thing>1 | filter",
        "filter=height>> | filter",
        "polygon=POLYGON((1 2, 3 | polygon",
        "polygon=POINT(139.7 35.6) | polygon",
        "polygon=POLYGON((200 0,201 0,201 1,200 0)) | polygon",
        "bbox=1,2,3 | bbox",
        "bbox=3,2,1,4 | bbox",
        "f=xml | f"
      })
  void badParametersAreNamedInA400Problem(String query, String parameter) throws Exception {
    StringBuilder encoded = new StringBuilder();
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      encoded.append(encoded.length() == 0 ? "" : "&").append(pair, 0, equals + 1);
      encoded.append(Links.encode(pair.substring(equals + 1)));
    }
    HttpResponse<String> response = twin.get(path(encoded.toString()));
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    assertEquals(parameter, ImportedTwin.json(response).get("parameter").asText(), response.body());
  }

  @Test
  void unknownCollectionIs404() throws Exception {
    assertEquals(404, twin.get("/api/collections/dragons/aggregate").statusCode());
  }

  private static String path(String query) {
    return "/api/collections/buildings/aggregate?" + query;
  }

  private static JsonNode get(String query, int status) throws Exception {
    HttpResponse<String> response = twin.get(path(query));
    assertEquals(status, response.statusCode(), response.body());
    return ImportedTwin.json(response);
  }

  /** Plain sums of the three measures, read from the objects without the aggregation code. */
  private static final class Oracle {
    long count;
    final double[] sums = new double[3];
    final long[] counts = new long[3];

    void add(CityObject object) {
      count++;
      add(0, object.shape().heightMetres());
      add(1, object.shape().footprintAreaSquareMetres());
      if (object.attributes().get("uro_buildingRoofEdgeArea") instanceof AttributeValue.Number n) {
        add(2, n.value());
      }
    }

    private void add(int measure, double value) {
      sums[measure] += value;
      counts[measure]++;
    }

    void check(JsonNode measures) {
      String[] names = {"height", "footprint_area", "uro_buildingRoofEdgeArea"};
      for (int m = 0; m < names.length; m++) {
        JsonNode statistics = measures.get(names[m]);
        assertEquals(counts[m], statistics.get("count").asLong(), names[m] + " count");
        assertEquals(
            sums[m], statistics.get("sum").asDouble(), Math.abs(sums[m]) * RELATIVE, names[m]);
        if (counts[m] > 0) {
          double mean = sums[m] / counts[m];
          assertEquals(mean, statistics.get("mean").asDouble(), Math.abs(mean) * RELATIVE);
        }
      }
    }
  }
}
