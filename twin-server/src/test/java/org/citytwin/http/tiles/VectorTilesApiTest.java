package org.citytwin.http.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.citytwin.http.LiveTwin;
import org.citytwin.model.CityObject;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Envelope3D;
import org.citytwin.model.RiskKind;
import org.citytwin.query.Filter;
import org.citytwin.query.Literal;
import org.citytwin.query.Query;
import org.citytwin.store.StoredObject;
import org.citytwin.vectortiles.TileCoordinate;
import org.citytwin.vectortiles.VectorLayer;
import org.citytwin.vectortiles.VectorTileEncoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The real server over the sample's buildings and roads: TileJSON, versioned MVT tiles decoded with
 * the MVT library, caching headers, empty tiles, bad tile paths.
 */
class VectorTilesApiTest {
  @TempDir static Path directory;
  static LiveTwin twin;
  static JsonNode tileJson;

  @BeforeAll
  static void start() throws Exception {
    twin = LiveTwin.start(directory, LiveTwin.BUILDINGS, LiveTwin.ROADS);
    HttpResponse<byte[]> response = get("/tiles/vector/tilejson.json");
    assertEquals(200, response.statusCode(), new String(response.body()));
    tileJson = new ObjectMapper().readTree(response.body());
  }

  @AfterAll
  static void stop() {
    if (twin != null) {
      twin.close();
    }
  }

  static HttpResponse<byte[]> get(String pathOrUrl, String... headers) throws Exception {
    URI uri =
        URI.create(
            pathOrUrl.startsWith("http")
                ? pathOrUrl
                : "http://localhost:" + twin.port() + pathOrUrl);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return twin.client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The URL of a tile, from the TileJSON's template. */
  static String url(TileCoordinate tile) {
    return tileJson
        .at("/tiles/0")
        .asText()
        .replace("{z}", Integer.toString(tile.zoom()))
        .replace("{x}", Integer.toString(tile.x()))
        .replace("{y}", Integer.toString(tile.y()));
  }

  /** Each layer's features by gml_id, decoded with the library's reader. */
  static Map<String, Map<String, Map<String, Object>>> decode(byte[] mvt) throws Exception {
    JtsMvt tile =
        MvtReader.loadMvt(
            new ByteArrayInputStream(mvt),
            new GeometryFactory(),
            new TagKeyValueMapConverter(false, "mvt_id"),
            MvtReader.RING_CLASSIFIER_V2_1);
    Map<String, Map<String, Map<String, Object>>> layers = new HashMap<>();
    for (JtsLayer layer : tile.getLayers()) {
      Map<String, Map<String, Object>> features = new HashMap<>();
      for (Geometry geometry : layer.getGeometries()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) geometry.getUserData();
        features.put((String) properties.get("gml_id"), properties);
      }
      layers.put(layer.getName(), features);
    }
    return layers;
  }

  /** A building with a river-flood depth, so its tile has the flood fields to check. */
  static StoredObject floodedBuilding() throws Exception {
    return twin.store()
        .list(
            Query.of(
                    Filter.and(
                        new Filter.TypeIn(VectorLayer.BUILDINGS.types()),
                        new Filter.Compare(
                            "river_flood_depth", Filter.Operator.GT, Literal.of(0.0))))
                .page(1, 0))
        .get(0);
  }

  static TileCoordinate maxZoomTileOf(CityObject object) {
    Point inside = object.shape().footprint().getInteriorPoint();
    return TileCoordinate.containing(inside.getX(), inside.getY(), 16);
  }

  @Test
  void tileJsonDescribesTheStore() throws Exception {
    HttpResponse<byte[]> response = get("/tiles/vector/tilejson.json");
    assertEquals("no-cache", response.headers().firstValue("Cache-Control").orElseThrow());
    assertEquals("3.0.0", tileJson.get("tilejson").asText());
    long version = twin.store().version();
    assertEquals(
        "http://localhost:" + twin.port() + "/tiles/vector/v" + version + "/{z}/{x}/{y}.mvt",
        tileJson.at("/tiles/0").asText());
    Envelope3D extent =
        twin.store()
            .extent(
                new Filter.TypeIn(
                    EnumSet.of(
                        CityObjectType.BUILDING,
                        CityObjectType.BUILDING_PART,
                        CityObjectType.ROAD)))
            .orElseThrow();
    assertEquals(extent.minLon(), tileJson.at("/bounds/0").asDouble(), 0.0);
    assertEquals(extent.minLat(), tileJson.at("/bounds/1").asDouble(), 0.0);
    assertEquals(extent.maxLon(), tileJson.at("/bounds/2").asDouble(), 0.0);
    assertEquals(extent.maxLat(), tileJson.at("/bounds/3").asDouble(), 0.0);
    assertEquals("buildings", tileJson.at("/vector_layers/0/id").asText());
    assertEquals("roads", tileJson.at("/vector_layers/1/id").asText());
    assertEquals("Number", tileJson.at("/vector_layers/0/fields/height").asText());
  }

  @Test
  void tilesCarryTheStoreAttributesAndNeverChange() throws Exception {
    StoredObject building = floodedBuilding();
    CityObject object = building.object();
    String url = url(maxZoomTileOf(object));
    HttpResponse<byte[]> response = get(url);
    assertEquals(200, response.statusCode(), new String(response.body()));
    assertEquals(VectorTilesApi.MVT, response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        VersionedContent.IMMUTABLE, response.headers().firstValue("Cache-Control").orElseThrow());
    Map<String, Object> properties = decode(response.body()).get("buildings").get(object.gmlId());
    assertEquals(building.storeId(), properties.get("mvt_id"));
    assertEquals(object.shape().heightMetres(), (Double) properties.get("height"), 0.0);
    assertEquals(
        object.maxDepthMetres(RiskKind.RIVER_FLOOD),
        (Double) properties.get("river_flood_depth"),
        0.0);

    String etag = response.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, get(url, "If-None-Match", etag).statusCode());
    assertArrayEquals(response.body(), get(url).body(), "the cached tile is the same");
    try (Stream<Path> cached = Files.walk(twin.store().directory().resolve("vector-tiles-cache"))) {
      assertTrue(cached.anyMatch(p -> p.toString().endsWith(".mvt")), "kept on disk");
    }
  }

  @Test
  void stableUrlsAnswerTheCurrentTileWithoutRedirecting() throws Exception {
    TileCoordinate tile = maxZoomTileOf(floodedBuilding().object());
    String stable = "/tiles/vector/" + tile + ".mvt";
    HttpResponse<byte[]> current = get(stable);
    HttpResponse<byte[]> versioned = get(url(tile));
    // Clients that do not follow redirects (QGIS 3.22) get the tile itself.
    assertEquals(200, current.statusCode());
    assertArrayEquals(versioned.body(), current.body());
    assertEquals("no-cache", current.headers().firstValue("Cache-Control").orElseThrow());
    assertEquals(
        "/tiles/vector/v" + twin.store().version() + "/" + tile + ".mvt",
        current.headers().firstValue("Content-Location").orElseThrow());
    String etag = current.headers().firstValue("ETag").orElseThrow();
    assertEquals(versioned.headers().firstValue("ETag").orElseThrow(), etag);
    HttpResponse<byte[]> revalidated = get(stable, "If-None-Match", etag);
    assertEquals(304, revalidated.statusCode());
    assertEquals("no-cache", revalidated.headers().firstValue("Cache-Control").orElseThrow());
    assertEquals(204, get("/tiles/vector/16/0/0.mvt").statusCode());
  }

  @Test
  void emptyTilesAreNoContentAndCachedAlike() throws Exception {
    for (TileCoordinate empty :
        new TileCoordinate[] {new TileCoordinate(16, 0, 0), new TileCoordinate(3, 7, 3)}) {
      HttpResponse<byte[]> response = get(url(empty));
      assertEquals(204, response.statusCode(), empty.toString());
      assertEquals(0, response.body().length);
      assertEquals(
          VersionedContent.IMMUTABLE, response.headers().firstValue("Cache-Control").orElseThrow());
    }
  }

  @ParameterizedTest
  @CsvSource({
    "abc/1/1.mvt, 400, z",
    "16/1.5/1.mvt, 400, x",
    "16/1/y.mvt, 400, y",
    "16/1/99999999999.mvt, 400, y",
    "17/0/0.mvt, 404, ",
    "2/4/0.mvt, 404, ",
    "2/0/-1.mvt, 404, ",
    "-1/0/0.mvt, 404, ",
    "2/0/0.png, 404, "
  })
  void badTilePathsAreProblems(String tile, int status, String parameter) throws Exception {
    String versioned = "/tiles/vector/v" + twin.store().version() + "/" + tile;
    for (String path : new String[] {versioned, "/tiles/vector/" + tile}) {
      HttpResponse<byte[]> response = get(path);
      assertEquals(status, response.statusCode(), path);
      assertEquals(
          "application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
      JsonNode problem = new ObjectMapper().readTree(response.body());
      if (parameter != null) {
        assertEquals(parameter, problem.get("parameter").asText(), path);
      }
      assertTrue(problem.get("detail").asText().length() > 10, path);
    }
  }

  /**
   * GDAL's MVT driver (Debian gdal-bin, installed by {@code .ci/run}) as an independent reader of a
   * downloaded tile: saved as {@code z/x/y.mvt} it georeferences it in EPSG:3857. A missing {@code
   * ogrinfo} fails the test rather than skip it.
   */
  @Test
  void gdalReadsADownloadedTile() throws Exception {
    StoredObject building = floodedBuilding();
    TileCoordinate tile = maxZoomTileOf(building.object());
    HttpResponse<byte[]> response = get(url(tile));
    assertEquals(200, response.statusCode());
    Path file =
        directory.resolve(Path.of("gdal", "" + tile.zoom(), "" + tile.x(), tile.y() + ".mvt"));
    Files.createDirectories(file.getParent());
    Files.write(file, response.body());
    Map<String, Map<String, Map<String, Object>>> decoded = decode(response.body());

    String summary = GdalRun.ogrinfo("-ro", "-so", "-al", file.toString());
    Map<String, GdalRun.LayerSummary> layers = GdalRun.LayerSummary.parse(summary);
    assertEquals(decoded.keySet(), layers.keySet(), summary);
    Envelope clip = tile.mercatorEnvelope();
    clip.expandBy(clip.getWidth() * (VectorTileEncoder.BUFFER + 1) / VectorTileEncoder.EXTENT);
    for (Map.Entry<String, GdalRun.LayerSummary> layer : layers.entrySet()) {
      assertEquals(
          decoded.get(layer.getKey()).size(), layer.getValue().featureCount(), layer.getKey());
      assertTrue(
          clip.contains(layer.getValue().extent()),
          layer.getKey() + " extent " + layer.getValue().extent() + " outside tile " + clip);
    }
    assertTrue(
        layers
            .get("buildings")
            .fields()
            .containsAll(
                List.of("gml_id", "height", "usage", "river_flood_depth", "river_flood_rank")),
        summary);

    String gmlId = building.object().gmlId();
    Map<String, String> feature =
        GdalRun.fields(
            GdalRun.ogrinfo(
                "-ro", "-q", file.toString(), "buildings", "-where", "gml_id = '" + gmlId + "'"));
    Map<String, Object> expected = decoded.get("buildings").get(gmlId);
    assertEquals(gmlId, feature.get("gml_id"));
    for (String name : new String[] {"height", "river_flood_depth", "storeys"}) {
      if (expected.containsKey(name)) {
        assertEquals(
            ((Number) expected.get(name)).doubleValue(),
            Double.parseDouble(feature.get(name)),
            1e-9,
            name + " of " + gmlId + " through GDAL");
      }
    }
    assertEquals(
        building.object().maxDepthMetres(RiskKind.RIVER_FLOOD),
        Double.parseDouble(feature.get("river_flood_depth")),
        1e-9);
  }

  @Test
  void staleVersionsAreGone() throws Exception {
    HttpResponse<byte[]> response = get("/tiles/vector/v999999/16/57427/26041.mvt");
    assertEquals(404, response.statusCode());
    assertTrue(new String(response.body()).contains("tilejson.json"));
  }
}
