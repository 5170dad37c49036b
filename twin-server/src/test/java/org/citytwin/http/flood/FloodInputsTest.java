package org.citytwin.http.flood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.http.LiveTwin;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Envelope3D;
import org.citytwin.query.Filter;
import org.citytwin.terrain.GeoTiff;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.Raster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scenario inputs beyond rain, inflows and edge stages, against the live server and the real
 * store of the Osaka sheet: uploaded DEMs (GeoTIFF and ESRI ASCII), stages on a polyline, rain by
 * zone, initial levels over a polygon or from a grid. Volume checks run on DEMs a few km south of
 * the sheet, where the store has no buildings, so the expected volumes are exact cell counts; one
 * DEM over the sheet shows its buildings standing on an uploaded DEM.
 */
class FloodInputsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double CELL = 5;
  private static final LocalMetricFrame FRAME = LocalMetricFrame.ofEpsg(6674);
  @TempDir static Path dir;
  static LiveTwin twin;

  /** Easting and northing of the sheet's centre in EPSG:6674, on the 5 m lattice. */
  static double centreX;

  static double centreY;

  @BeforeAll
  static void start() throws Exception {
    twin = LiveTwin.start(dir, LiveTwin.BUILDINGS);
    Envelope3D e =
        twin.store().extent(new Filter.TypeIn(Set.of(CityObjectType.BUILDING))).orElseThrow();
    double[] xyz = {(e.minLon() + e.maxLon()) / 2, (e.minLat() + e.maxLat()) / 2, 0};
    FRAME.toMetric(xyz, 0, 1);
    centreX = Math.floor(xyz[0] / CELL) * CELL;
    centreY = Math.floor(xyz[1] / CELL) * CELL;
  }

  @AfterAll
  static void stop() {
    twin.close();
  }

  /** A grid 3 km south of the sheet (no buildings there), {@code ncols x nrows} cells of 5 m. */
  private static GridGeometry away(int ncols, int nrows) {
    return GridGeometry.of(centreX, centreY - 3000, CELL, ncols, nrows);
  }

  private static String ascii(GridGeometry g, float[] z) {
    StringBuilder s = new StringBuilder();
    s.append("ncols ").append(g.ncols()).append('\n');
    s.append("nrows ").append(g.nrows()).append('\n');
    s.append("xllcorner ").append(g.originX()).append('\n');
    s.append("yllcorner ").append(g.originY()).append('\n');
    s.append("cellsize ").append(g.cellSizeMetres()).append('\n');
    s.append("NODATA_value -9999\n");
    for (int r = 0; r < g.nrows(); r++) {
      for (int c = 0; c < g.ncols(); c++) {
        float v = z[r * g.ncols() + c];
        s.append(Float.isNaN(v) ? "-9999" : Float.toString(v))
            .append(c + 1 < g.ncols() ? " " : "\n");
      }
    }
    return s.toString();
  }

  private static HttpResponse<String> upload(byte[] body, String query) throws Exception {
    return upload(body, query, "application/octet-stream");
  }

  private static HttpResponse<String> upload(byte[] body, String query, String type)
      throws Exception {
    return twin.send(
        HttpRequest.newBuilder(URI.create(twin.root() + "/flood/dems" + query))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** Uploads an ASCII grid in EPSG:6674; returns its id. */
  private static String uploadAscii(GridGeometry g, float[] z) throws Exception {
    HttpResponse<String> r = upload(ascii(g, z).getBytes(StandardCharsets.US_ASCII), "?crs=6674");
    assertEquals(201, r.statusCode(), r.body());
    return JSON.readTree(r.body()).get("id").asText();
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return twin.send(
        HttpRequest.newBuilder(URI.create(twin.root() + "/flood/runs"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return twin.send(HttpRequest.newBuilder(URI.create(twin.root() + path)).GET());
  }

  private static HttpResponse<String> delete(String path) throws Exception {
    return twin.send(HttpRequest.newBuilder(URI.create(twin.root() + path)).DELETE());
  }

  /** Runs a scenario to completion; returns its URL. */
  private static String run(String scenario) throws Exception {
    HttpResponse<String> started = post(scenario);
    assertEquals(202, started.statusCode(), started.body());
    String run = started.headers().firstValue("Location").orElseThrow();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode status = JSON.readTree(get(run).body());
      String state = status.get("state").asText();
      if (state.equals("completed")) {
        return run;
      }
      assertTrue(!state.equals("failed") && !state.equals("cancelled"), status.toString());
      Thread.sleep(200);
    }
    throw new AssertionError(run + " did not complete");
  }

  private static JsonNode json(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  /** {@code [lon, lat]} of a metric point, as JSON. */
  private static String lonLat(double x, double y) throws Exception {
    double[] xyz = {x, y, 0};
    FRAME.fromMetric(xyz, 0, 1);
    return String.format(Locale.ROOT, "[%.9f, %.9f]", xyz[0], xyz[1]);
  }

  /** A JSON ring of the rectangle between metric corners. */
  private static String rectangle(double x0, double y0, double x1, double y1) throws Exception {
    return "["
        + String.join(
            ", ", lonLat(x0, y0), lonLat(x1, y0), lonLat(x1, y1), lonLat(x0, y1), lonLat(x0, y0))
        + "]";
  }

  /** The uneven basin of the core's mass conservation test: bed about 9 to 12.5 m, 40 x 30. */
  private static float[] unevenBasin(GridGeometry g) {
    Random random = new Random(42);
    float[] z = new float[g.cellCount()];
    for (int r = 0; r < g.nrows(); r++) {
      for (int c = 0; c < g.ncols(); c++) {
        double hills = Math.sin(c * 0.31) * Math.cos(r * 0.23) + 0.02 * (c + r);
        z[r * g.ncols() + c] = (float) (10 + hills + 0.3 * random.nextDouble());
      }
    }
    return z;
  }

  @Test
  void aStageOnAPolylineFillsABasinToItsLevel() throws Exception {
    GridGeometry g = away(40, 30);
    float[] z = unevenBasin(g);
    String dem = uploadAscii(g, z);
    // the gauges: the three lowest cells east of the line
    int[] deep =
        java.util.stream.IntStream.range(0, z.length)
            .filter(i -> i % 40 >= 20)
            .boxed()
            .sorted((a, b) -> Float.compare(z[a], z[b]))
            .limit(3)
            .mapToInt(Integer::intValue)
            .toArray();
    StringBuilder gauges = new StringBuilder();
    for (int k = 0; k < deep.length; k++) {
      int c = deep[k] % 40;
      int r = deep[k] / 40;
      gauges
          .append(k == 0 ? "" : ", ")
          .append("{\"name\": \"g")
          .append(k)
          .append("\", \"point\": ")
          .append(lonLat(g.centreX(c), g.centreY(r)))
          .append('}');
    }
    String scenario =
        String.format(
            Locale.ROOT,
            """
            {"dem": "%s", "duration": 14400, "outputInterval": 3600, "gaugeInterval": 3600,
             "manning": 0.03,
             "stages": [{"line": [%s, %s, %s], "levels": [[0, 9], [600, 11]]}],
             "gauges": [%s]}
            """,
            dem,
            lonLat(g.centreX(8), g.centreY(3)),
            lonLat(g.centreX(12), g.centreY(15)),
            lonLat(g.centreX(9), g.centreY(26)),
            gauges);

    String run = run(scenario);

    JsonNode status = json(run);
    assertEquals(0, status.at("/terrain/buildings").asInt(), "no buildings 3 km south");
    assertEquals(40, status.at("/terrain/ncols").asInt());
    assertEquals(g.originX(), status.at("/terrain/originX").asDouble(), 1e-6);
    JsonNode balance = json(run + "/mass-balance");
    assertTrue(balance.get("boundaryInflowCubicMetres").asDouble() > 5000, balance.toString());
    assertTrue(Math.abs(balance.get("relativeError").asDouble()) < 1e-6, balance.toString());
    JsonNode depths = json(run + "/gauges").get("depths");
    for (int k = 0; k < deep.length; k++) {
      JsonNode series = depths.get("g" + k);
      double last = series.get(series.size() - 1).asDouble();
      assertTrue(z[deep[k]] < 10.9, "gauge cell is below the stage: " + z[deep[k]]);
      assertEquals(11, z[deep[k]] + last, 1e-3, "level at gauge g" + k + ": " + series);
    }
  }

  @Test
  void rainInAZoneFallsOnlyThereAndInitialLevelsGiveTheirVolume() throws Exception {
    GridGeometry g = away(60, 40);
    String dem = uploadAscii(g, new float[g.cellCount()]); // flat, at 0 m
    // the zone: columns 0-19, rows 10-29 (400 cells); edges on cell edges, centres 2.5 m inside
    double x0 = g.originX();
    double top = g.originY() + 40 * CELL;
    String zone = rectangle(x0, top - 30 * CELL, x0 + 20 * CELL, top - 10 * CELL);
    // the initial pond: columns 40-49, rows 5-14 (100 cells) at 0.25 m
    String pond = rectangle(x0 + 40 * CELL, top - 15 * CELL, x0 + 50 * CELL, top - 5 * CELL);
    String scenario =
        String.format(
            Locale.ROOT,
            """
            {"dem": "%s", "duration": 600, "outputInterval": 0, "gaugeInterval": 600,
             "rainZones": [{"polygon": %s, "rain": [[0, 0], [300, 72], [600, 72]]}],
             "initialLevels": [{"polygon": %s, "level": 0.25}],
             "gauges": [{"name": "inZone", "point": %s}, {"name": "farAway", "point": %s},
                        {"name": "pond", "point": %s}]}
            """,
            dem,
            zone,
            pond,
            lonLat(g.centreX(10), g.centreY(20)),
            lonLat(g.centreX(30), g.centreY(35)),
            lonLat(g.centreX(45), g.centreY(10)));

    String run = run(scenario);

    JsonNode balance = json(run + "/mass-balance");
    // 0 → 72 mm/h over 300 s, then 72 mm/h for 300 s: 9 mm on 400 cells of 25 m²
    assertEquals(0.009 * 400 * 25, balance.get("rainCubicMetres").asDouble(), 1e-3);
    assertEquals(0.25 * 100 * 25, balance.get("initialStorageCubicMetres").asDouble(), 1e-3);
    assertEquals(0, balance.get("outflowCubicMetres").asDouble());
    assertTrue(Math.abs(balance.get("relativeError").asDouble()) < 1e-6, balance.toString());
    JsonNode depths = json(run + "/gauges").get("depths");
    // in the zone about 9 mm (a little has spread beyond its edges), none 50 m beyond them
    assertEquals(0.009, depths.get("inZone").get(1).asDouble(), 5e-4, depths.toString());
    assertEquals(0, depths.get("farAway").get(1).asDouble(), 0, depths.toString());
    assertEquals(0.25, depths.get("pond").get(0).asDouble(), 1e-6, depths.toString());
  }

  @Test
  void initialLevelsFromAnUploadedGridFillItsCells() throws Exception {
    GridGeometry g = away(30, 20);
    String dem = uploadAscii(g, new float[g.cellCount()]);
    // levels on a coarser grid (10 m) over the DEM's west half: 0.4 m, NODATA elsewhere
    GridGeometry coarse = GridGeometry.of(g.originX(), g.originY(), 10, 15, 10);
    float[] levels = new float[coarse.cellCount()];
    for (int i = 0; i < levels.length; i++) {
      levels[i] = i % 15 < 8 ? 0.4f : Float.NaN; // columns 0-7: 80 m, the DEM's columns 0-15
    }
    // sent as curl --data-binary sends it, with a form content type: still read as the file
    HttpResponse<String> up =
        upload(
            ascii(coarse, levels).getBytes(StandardCharsets.US_ASCII),
            "?crs=6674",
            "application/x-www-form-urlencoded");
    assertEquals(201, up.statusCode(), up.body());
    String grid = JSON.readTree(up.body()).get("id").asText();
    String run =
        run(
            String.format(
                Locale.ROOT,
                "{\"dem\": \"%s\", \"duration\": 60, \"outputInterval\": 0,"
                    + " \"initialLevelGrid\": \"%s\"}",
                dem,
                grid));

    JsonNode balance = json(run + "/mass-balance");
    assertEquals(0.4 * 16 * 20 * 25, balance.get("initialStorageCubicMetres").asDouble(), 1e-3);
    assertTrue(Math.abs(balance.get("relativeError").asDouble()) < 1e-6, balance.toString());
  }

  @Test
  void aGeoTiffDemRoundTripsAndTheSheetsBuildingsStandOnIt() throws Exception {
    // 100 x 80 cells of 5 m around the sheet's centre, a gentle slope
    GridGeometry g = GridGeometry.of(centreX - 250, centreY - 200, CELL, 100, 80);
    float[] z = new float[g.cellCount()];
    for (int i = 0; i < z.length; i++) {
      z[i] = 2 + 0.01f * (i % 100) + (i == 4321 ? Float.NaN : 0);
    }
    Path tif = dir.resolve("dem.tif");
    GeoTiff.write(Raster.of(g, z), 6674, tif);
    HttpResponse<String> up = upload(Files.readAllBytes(tif), "");
    assertEquals(201, up.statusCode(), up.body());
    String url = up.headers().firstValue("Location").orElseThrow();
    JsonNode d = JSON.readTree(up.body());
    assertEquals("geotiff", d.get("format").asText());
    assertEquals("EPSG:6674", d.get("crs").asText());
    assertEquals(100, d.get("ncols").asInt());
    assertEquals(80, d.get("nrows").asInt());
    assertEquals(g.originX(), d.get("originX").asDouble(), 1e-6);
    assertEquals(g.originY(), d.get("originY").asDouble(), 1e-6);
    assertEquals(g.cellCount() - 1, d.get("dataCells").asInt());
    assertEquals(d, json(url));
    assertTrue(
        json("/flood/dems").get("grids").findValuesAsText("id").contains(d.get("id").asText()));

    // back as an ESRI ASCII grid, cell for cell
    String asc = get(url + "/grid.asc").body();
    String[] tokens = asc.trim().split("\\s+");
    int values = tokens.length - g.cellCount();
    for (int i = 0; i < g.cellCount(); i++) {
      float v = Float.parseFloat(tokens[values + i]);
      assertEquals(Float.isNaN(z[i]) ? -9999f : z[i], v, 0f, "cell " + i);
    }

    String run =
        run(
            "{\"dem\": \""
                + d.get("id").asText()
                + "\", \"duration\": 60, \"outputInterval\": 0, \"rain\": [[0, 50]]}");
    JsonNode status = json(run);
    assertTrue(status.at("/terrain/buildings").asInt() > 20, status.toString());
    assertTrue(status.at("/terrain/blockedCells").asInt() > 500, status.toString());
    assertTrue(status.at("/terrain/summary").asText().contains("from a DEM"), status.toString());
    JsonNode balance = json(run + "/mass-balance");
    int open = g.cellCount() - 1 - status.at("/terrain/blockedCells").asInt();
    assertEquals(open * 0.05 / 60 * 25, balance.get("rainCubicMetres").asDouble(), 1e-3);

    assertEquals(204, delete(url).statusCode());
    assertEquals(404, get(url).statusCode());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "||body",
        "hello, I am not a grid||body",
        "ncols 2\\nnrows 2\\nxllcorner 0\\nyllcorner 0\\ncellsize 5\\n1 2 3\\n|?crs=6674|body",
        "ncols 2\\nnrows 2\\nxllcorner 0\\nyllcorner 0\\ncellsize 5\\n1 2 3 4 5\\n|?crs=6674|body",
        "ncols 2\\nnrows 2\\nxllcorner 0\\nyllcorner 0\\ncellsize 5\\n1 2 x 4\\n|?crs=6674|body",
        "ncols 2\\nnrows 2\\nxllcorner 0\\nyllcorner 0\\ncellsize 5\\n1 2 3 4\\n||crs",
        "ncols 2\\nnrows 2\\nxllcorner 0\\nyllcorner 0\\ncellsize 5\\n1 2 3 4\\n|?crs=4326|crs",
        "ncols 2\\nnrows 2\\nxllcorner 0\\nyllcorner 0\\ncellsize 5\\n1 2 3 4\\n|?crs=five|crs",
        "ncols 2\\nnrows 2\\nxllcorner 0\\nyllcorner 0\\ncellsize 0.05\\n1 2 3 4\\n|?crs=6674|body",
        "ncols 2\\nnrows 2\\nxllcorner 0\\nyllcorner 0\\ncellsize 2000\\n1 2 3 4\\n|?crs=6674|body",
        "ncols 2\\nnrows 2\\nxllcorner 0\\nyllcorner 0\\ncellsize 5\\n1 2 3 1e30\\n|?crs=6674|body",
        "ncols 2\\nnrows 2\\nxllcorner 0\\nyllcorner 0\\ncellsize 5\\nNODATA_value 9\\n9 9 9 9\\n|?crs=6674|body",
        "ncols 40000\\nnrows 40000\\nxllcorner 0\\nyllcorner 0\\ncellsize 5\\n1\\n|?crs=6674|body",
        "ncols 2\\nnrows 2\\nxllcorner 0\\nyllcorner 0\\ncellsize 5\\n1 2 3 4\\n|?crs=6674&f=x|f",
      })
  void badGridUploadsAreRefusedNamingTheProblem(String text, String query, String parameter)
      throws Exception {
    String body = text == null ? "" : text.replace("\\n", "\n");
    HttpResponse<String> r =
        upload(body.getBytes(StandardCharsets.UTF_8), query == null ? "" : query);
    assertEquals(400, r.statusCode(), body + " -> " + r.body());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").get());
    JsonNode problem = JSON.readTree(r.body());
    assertEquals(parameter, problem.get("parameter").asText(), r.body());
    assertTrue(!problem.get("detail").asText().contains("/tmp/"), "no server paths: " + r.body());
  }

  @Test
  void brokenGeoTiffsAndOversizedFilesAreRefused() throws Exception {
    GridGeometry g = away(20, 20);
    Path tif = dir.resolve("small.tif");
    GeoTiff.write(Raster.filled(g, 1f), 6674, tif);
    byte[] whole = Files.readAllBytes(tif);
    HttpResponse<String> cut = upload(java.util.Arrays.copyOf(whole, 200), "");
    assertEquals(400, cut.statusCode(), cut.body());
    assertEquals("body", JSON.readTree(cut.body()).get("parameter").asText(), cut.body());
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe
    };
    HttpResponse<String> binary = upload(png, "?crs=6674");
    assertEquals(400, binary.statusCode(), binary.body());
    assertTrue(JSON.readTree(binary.body()).get("detail").asText().contains("not ASCII"));
    HttpResponse<String> mismatch = upload(whole, "?crs=6675");
    assertEquals(400, mismatch.statusCode(), mismatch.body());
    assertEquals("crs", JSON.readTree(mismatch.body()).get("parameter").asText());

    byte[] huge = new byte[(int) UploadedGrids.MAX_BYTES + 1024];
    java.util.Arrays.fill(huge, (byte) ' ');
    HttpResponse<String> tooLarge = upload(huge, "?crs=6674");
    assertEquals(413, tooLarge.statusCode(), tooLarge.body());
    assertEquals("body", JSON.readTree(tooLarge.body()).get("parameter").asText());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"rainZones\": [{\"polygon\": [[135.50, 34.63], [135.51, 34.63], [135.51, 34.64]],"
            + " \"rain\": [[0, 10]], \"depth\": 1}]}|rainZones[0].depth",
        "{\"rainZones\": [{\"polygon\": [[135.50, 34.63], [135.51, 34.64], [135.51, 34.63],"
            + " [135.50, 34.64]], \"rain\": [[0, 10]]}]}|rainZones[0].polygon",
        "{\"rainZones\": [{\"polygon\": [[135.50, 34.63], [135.51, 34.63]], \"rain\": [[0, 10]]}]}"
            + "|rainZones[0].polygon",
        "{\"rainZones\": [{\"polygon\": [[135.50, 34.63], [135.51, 34.63], [135.51, 34.64]],"
            + " \"rain\": [[0, -10]]}]}|rainZones[0].rain",
        "{\"rainZones\": [{\"polygon\": [[135.50, 34.63], [135.51, 34.63], [135.51, 1e999]],"
            + " \"rain\": [[0, 10]]}]}|rainZones[0].polygon[2]",
        "{\"rainZones\": [{\"polygon\": [[10, 10], [10.1, 10], [10.1, 10.1]], \"rain\": [[0, 10]]}]}"
            + "|rainZones[0].polygon[0]",
        "{\"initialLevels\": [{\"polygon\": [[135.50, 34.63], [135.51, 34.63], [135.51, 34.64]]}]}"
            + "|initialLevels[0].level",
        "{\"initialLevels\": [{\"polygon\": [[135.50, 34.63], [135.51, 34.63], [135.51, 34.64]],"
            + " \"level\": 1e999}]}|initialLevels[0].level",
        "{\"stages\": [{\"edge\": \"west\", \"line\": [[135.50, 34.63], [135.51, 34.63]],"
            + " \"levels\": [[0, 1]]}]}|stages[0]",
        "{\"stages\": [{\"line\": [[135.50, 34.63]], \"levels\": [[0, 1]]}]}|stages[0].line",
        "{\"stages\": [{\"line\": [[135.50, 34.63], [135.51, 34.63]], \"levels\": [[0, 1e999]]}]}"
            + "|stages[0].levels[0]",
        "{\"stages\": [{\"line\": [[1, 1], [1.1, 1]], \"levels\": [[0, 1]]}]}|stages[0].line[0]",
        "{\"dem\": \"no-such-grid\"}|dem",
        "{\"dem\": 7}|dem",
        "{\"initialLevelGrid\": \"no-such-grid\"}|initialLevelGrid",
      })
  void badInputsAreRefusedNamingTheField(String body, String field) throws Exception {
    HttpResponse<String> r = post(body);
    assertEquals(400, r.statusCode(), body + " -> " + r.body());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").get());
    assertEquals(field, JSON.readTree(r.body()).get("parameter").asText(), r.body());
  }

  @Test
  void aDemRunTakesNoBbox() throws Exception {
    GridGeometry g = away(10, 10);
    String dem = uploadAscii(g, new float[g.cellCount()]);
    HttpResponse<String> r =
        post("{\"dem\": \"" + dem + "\", \"bbox\": [135.4, 34.6, 135.5, 34.7]}");
    assertEquals(400, r.statusCode(), r.body());
    assertEquals("bbox", JSON.readTree(r.body()).get("parameter").asText(), r.body());
    assertEquals(204, delete("/flood/dems/" + dem).statusCode());
  }

  /**
   * A 2 m DEM on a 5 m run: the run completes on 5 m cells covering the DEM (20 x 16 of them), says
   * in its status how the DEM was resampled, and its rain volume is that of those cells.
   */
  @Test
  void aTwoMetreDemRunsOnFiveMetreCells() throws Exception {
    GridGeometry fine = GridGeometry.of(centreX, centreY - 3000, 2, 50, 40); // 100 m x 80 m
    float[] z = new float[fine.cellCount()];
    for (int i = 0; i < z.length; i++) {
      z[i] = 3 + 0.01f * (i % 50); // rises eastwards, 1 cm per 2 m cell
    }
    String dem = uploadAscii(fine, z);
    String run =
        run(
            "{\"dem\": \""
                + dem
                + "\", \"cellSize\": 5, \"duration\": 600, \"outputInterval\": 0,"
                + " \"rain\": [[0, 72], [600, 72]]}");
    JsonNode terrain = json(run).get("terrain");
    assertEquals(5, terrain.get("cellSize").asDouble(), terrain.toString());
    assertEquals(20, terrain.get("ncols").asInt(), terrain.toString());
    assertEquals(16, terrain.get("nrows").asInt(), terrain.toString());
    assertEquals(
        "DEM resampled from 2 m to 5 m cells by area average",
        terrain.path("demResampling").asText(),
        terrain.toString());
    JsonNode balance = json(run + "/mass-balance");
    // 72 mm/h for 600 s: 12 mm on 320 cells of 25 m².
    assertEquals(0.012 * 320 * 25, balance.get("rainCubicMetres").asDouble(), 1e-3);
    assertTrue(Math.abs(balance.get("relativeError").asDouble()) < 1e-6, balance.toString());
    assertEquals(204, delete("/flood/dems/" + dem).statusCode());
  }
}
