package org.citytwin.http.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.citytwin.http.LiveTwin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OGC API - Features Part 2 over HTTP: {@code crs} and {@code bbox-crs} with the axis order of each
 * CRS, the {@code Content-Crs} header, and a plane rectangular zone checked against an independent
 * Gauss-Krüger computation.
 */
class ResponseCrsTest {
  private static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";
  @TempDir static Path directory;
  private static LiveTwin twin;
  private static String featureId;

  @BeforeAll
  static void start() throws Exception {
    twin = LiveTwin.start(directory, LiveTwin.BUILDINGS);
    featureId = twin.firstFeatureId("buildings");
  }

  @AfterAll
  static void stop() {
    if (twin != null) {
      twin.close();
    }
  }

  /** The first position of the test feature's footprint in {@code crs} (null: the default). */
  private static JsonNode firstPosition(String crs) throws Exception {
    String path = "/collections/buildings/items/" + LiveTwin.encode(featureId);
    HttpResponse<String> response =
        twin.get(crs == null ? path : path + "?crs=" + LiveTwin.encode(crs));
    assertEquals(200, response.statusCode(), response.body());
    String expectedCrs = crs == null ? ResponseCrs.CRS84 : crs.replace("EPSG:", EPSG);
    assertEquals("<" + expectedCrs + ">", response.headers().firstValue("Content-Crs").orElse(""));
    JsonNode geometry = FeaturesApiTest.json(response).get("geometry");
    assertEquals("Polygon", geometry.get("type").asText());
    return FeaturesApiTest.firstPosition(geometry);
  }

  @Test
  void defaultIsCrs84LongitudeFirst() throws Exception {
    JsonNode position = firstPosition(null);
    assertEquals(135.4, position.get(0).asDouble(), 0.1);
    assertEquals(34.6, position.get(1).asDouble(), 0.1);
    assertEquals(position, firstPosition(ResponseCrs.CRS84));
  }

  @ParameterizedTest
  @CsvSource({"EPSG:4326", EPSG + "4326", EPSG + "6668", EPSG + "6697"})
  void geographicEpsgCrsAreLatitudeFirst(String crs) throws Exception {
    JsonNode lonLat = firstPosition(null);
    JsonNode latLon = firstPosition(crs);
    // Same datum for our purposes (JGD2011 and WGS 84 agree to centimetres): only the order swaps.
    assertEquals(lonLat.get(1).asDouble(), latLon.get(0).asDouble(), 1e-7);
    assertEquals(lonLat.get(0).asDouble(), latLon.get(1).asDouble(), 1e-7);
  }

  @Test
  void collectionItemsCarryTheContentCrsToo() throws Exception {
    HttpResponse<String> response =
        twin.get("/collections/buildings/items?limit=2&crs=" + LiveTwin.encode(EPSG + "4326"));
    assertEquals(200, response.statusCode());
    assertEquals("<" + EPSG + "4326>", response.headers().firstValue("Content-Crs").orElse(""));
    JsonNode position =
        FeaturesApiTest.firstPosition(
            FeaturesApiTest.json(response).get("features").get(0).get("geometry"));
    assertEquals(34.6, position.get(0).asDouble(), 0.1);
  }

  /** Osaka lies in JGD2011 zone VI (EPSG:6674, origin 36°N 136°E): northing first, in metres. */
  @Test
  void planeRectangularZoneSixAgreesWithGaussKruger() throws Exception {
    JsonNode lonLat = firstPosition(null);
    JsonNode northingEasting = firstPosition(EPSG + "6674");
    double northing = northingEasting.get(0).asDouble();
    double easting = northingEasting.get(1).asDouble();
    // About 1.4° south and 0.55° west of the origin: roughly -150 km and -50 km.
    assertTrue(northing > -160_000 && northing < -145_000, "northing " + northing);
    assertTrue(easting > -55_000 && easting < -45_000, "easting " + easting);
    double[] expected = GaussKruger.zoneSix(lonLat.get(1).asDouble(), lonLat.get(0).asDouble());
    // The series is good to well under a millimetre here; the server goes through Apache SIS.
    assertEquals(expected[0], northing, 0.01, "northing");
    assertEquals(expected[1], easting, 0.01, "easting");
  }

  @Test
  void bboxInAPlaneZoneSelectsTheSameBuildingsAsInCrs84() throws Exception {
    JsonNode position = firstPosition(EPSG + "6674");
    double x = position.get(0).asDouble();
    double y = position.get(1).asDouble();
    // 200 m around the building's corner, given as (minN, minE, maxN, maxE) per the axis order.
    String box = (x - 100) + "," + (y - 100) + "," + (x + 100) + "," + (y + 100);
    JsonNode page =
        FeaturesApiTest.json(
            twin.get(
                "/collections/buildings/items?limit=10000&bbox="
                    + box
                    + "&bbox-crs="
                    + LiveTwin.encode(EPSG + "6674")));
    long matched = page.get("numberMatched").asLong();
    assertTrue(matched >= 1 && matched < 537, "a few buildings: " + matched);
    boolean found = false;
    for (JsonNode feature : page.get("features")) {
      found |= feature.get("id").asText().equals(featureId);
    }
    assertTrue(found, "the building whose corner defines the box is in it");
  }
}
