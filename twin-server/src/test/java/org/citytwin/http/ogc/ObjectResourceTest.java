package org.citytwin.http.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.citytwin.http.Links;
import org.citytwin.model.CityObjectType;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.citytwin.store.StoredObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /objects/{gmlId}} over the Yokosuka sample, whose buildings have BuildingParts with LOD2
 * roof, wall and ground surfaces.
 */
class ObjectResourceTest {
  private static final Path YOKOSUKA =
      Path.of("../twin-core/src/test/resources/org/citytwin/citygml/52397519_bldg_6697_op.gml");

  @TempDir static Path storeDirectory;
  private static ImportedTwin twin;
  private static List<StoredObject> parts;

  @BeforeAll
  static void start() throws Exception {
    twin = ImportedTwin.of(storeDirectory, YOKOSUKA);
    parts = twin.store.list(Query.of(new Filter.TypeIn(Set.of(CityObjectType.BUILDING_PART))));
  }

  @AfterAll
  static void stop() {
    twin.close();
  }

  @Test
  void aPartNamesItsParentAndTheParentListsItsParts() throws Exception {
    assertFalse(parts.isEmpty(), "the Yokosuka sample has building parts");
    StoredObject part = parts.get(0);
    JsonNode partJson = object(part.object().gmlId());
    String parentId = part.object().parentId();
    assertEquals("building_part", partJson.get("type").asText());
    assertEquals(parentId, partJson.get("parent_id").asText());
    // The file's name, not the absolute path the store was imported from on this machine.
    assertEquals(YOKOSUKA.getFileName().toString(), partJson.get("dataset").asText());

    JsonNode building = object(parentId);
    assertEquals("building", building.get("type").asText());
    assertTrue(building.get("parent_id").isNull());
    Set<String> children = new HashSet<>();
    building.get("children").forEach(c -> children.add(c.asText()));
    Set<String> expected = new HashSet<>();
    for (StoredObject p : parts) {
      if (parentId.equals(p.object().parentId())) {
        expected.add(p.object().gmlId());
      }
    }
    assertEquals(expected, children);
    assertTrue(hasLink(partJson, "up", "/api/objects/" + Links.encode(parentId)));
    assertTrue(
        hasLink(building, "item", "/api/collections/buildings/items/" + Links.encode(parentId)));
  }

  @Test
  void lod2SurfacesComeIn3dByRole() throws Exception {
    Set<String> roles = new HashSet<>();
    List<JsonNode> lod2 = new ArrayList<>();
    for (StoredObject part : parts) {
      JsonNode geometries = object(part.object().gmlId()).get("geometries");
      if (geometries.has("lod2")) {
        lod2.add(geometries.get("lod2"));
        geometries.get("lod2").fieldNames().forEachRemaining(roles::add);
      }
    }
    assertTrue(roles.containsAll(Set.of("roof", "wall", "ground")), "LOD2 roles " + roles);
    JsonNode roof = lod2.stream().filter(g -> g.has("roof")).findFirst().orElseThrow().get("roof");
    assertEquals("MultiPolygon", roof.get("type").asText());
    JsonNode firstVertex = roof.get("coordinates").get(0).get(0).get(0);
    assertEquals(3, firstVertex.size(), "lon, lat and height: " + firstVertex);
  }

  @Test
  void attributesShapeAndRisksAreThere() throws Exception {
    JsonNode building = object(parts.get(0).object().parentId());
    assertTrue(building.get("attributes").size() > 0);
    building
        .get("attributes")
        .forEach(attribute -> assertTrue(attribute.has("value"), attribute.toString()));
    JsonNode shape =
        parts.get(0).object().shape() == null
            ? null
            : object(parts.get(0).object().gmlId()).get("shape");
    if (shape != null) {
      assertEquals(6, shape.get("envelope").size());
      assertTrue(shape.get("height_m").asDouble() > 0);
      assertTrue(shape.get("footprint_area_m2").asDouble() > 0);
    }
    assertTrue(building.get("risks").isArray());
    assertTrue(building.get("risk_summary").isObject());
  }

  @Test
  void htmlIsServedAndUnknownIdsAre404() throws Exception {
    HttpResponse<String> html =
        twin.get("/api/objects/" + Links.encode(parts.get(0).object().gmlId()) + "?f=html");
    assertEquals(200, html.statusCode());
    assertTrue(html.body().contains("<table>"));
    HttpResponse<String> missing = twin.get("/api/objects/no-such-object");
    assertEquals(404, missing.statusCode());
    assertTrue(ImportedTwin.json(missing).get("detail").asText().contains("no-such-object"));
    assertEquals(400, twin.get("/api/objects/x?colour=red").statusCode());
  }

  private static JsonNode object(String id) throws Exception {
    HttpResponse<String> response = twin.get("/api/objects/" + Links.encode(id));
    assertEquals(200, response.statusCode(), response.body());
    return ImportedTwin.json(response);
  }

  private static boolean hasLink(JsonNode body, String rel, String pathSuffix) {
    for (JsonNode link : body.get("links")) {
      if (link.get("rel").asText().equals(rel) && link.get("href").asText().endsWith(pathSuffix)) {
        return true;
      }
    }
    return false;
  }
}
