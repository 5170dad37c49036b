package org.citytwin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.citytwin.terrain.EsriAsciiGrid;
import org.citytwin.terrain.GeoRaster;
import org.citytwin.terrain.GeoTiff;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.Raster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code twin flood run} and {@code twin flood ea-test4} as a user runs them, on small grids. */
class FloodCommandTest {
  @TempDir Path work;
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();

  @Test
  void runWritesGridsGaugesAndBalance() throws Exception {
    GridGeometry g = GridGeometry.of(1000, 5000, 5, 20, 10);
    float[] z = new float[g.cellCount()];
    for (int i = 0; i < z.length; i++) {
      z[i] = 10 + 0.01f * (i % 20);
    }
    Path dem = work.resolve("dem.asc");
    EsriAsciiGrid.write(Raster.of(g, z), dem);
    Path rain = Files.writeString(work.resolve("rain.csv"), "time_s,value\n0,50\n600,0\n");
    Path q = Files.writeString(work.resolve("q.csv"), "time_s,value\n0,0.2\n");
    Path outDir = work.resolve("out");
    Path houses =
        Files.writeString(
            work.resolve("houses.txt"),
            "h1;POLYGON ((1030 5010, 1040 5010, 1040 5020, 1030 5020, 1030 5010))\n");

    int code =
        console.run(
            "flood",
            "run",
            "--dem",
            dem.toString(),
            "--manning",
            "0.05",
            "--rain",
            rain.toString(),
            "--inflow",
            "1012,5030," + q,
            "--open-edges",
            "--duration",
            "600",
            "--output-interval",
            "300",
            "--gauge",
            "1012,5030",
            "--gauge",
            "1090,5010",
            "--threads",
            "2",
            "--out",
            outDir.toString());

    assertEquals(0, code, console.err());
    for (String f :
        List.of(
            "max_depth.asc",
            "max_velocity.asc",
            "first_inundation.asc",
            "depth_300.asc",
            "depth_600.asc",
            "velocity_300.asc",
            "vx_300.asc",
            "vy_600.asc",
            "gauges.csv",
            "mass_balance.txt")) {
      assertTrue(Files.exists(outDir.resolve(f)), f + " written");
    }
    List<String> gauges = Files.readAllLines(outDir.resolve("gauges.csv"));
    assertEquals("time_s,g1,g2", gauges.get(0));
    assertEquals(12, gauges.size(), "header and records at 0, 60, ..., 600 s");
    assertTrue(Files.readString(outDir.resolve("mass_balance.txt")).contains("relative_error"));
    assertTrue(console.err().contains("flood: t = 600 / 600 s"), console.err());
    assertEquals(g, EsriAsciiGrid.read(outDir.resolve("max_depth.asc")).geometry());
    // The velocity snapshots: speed is the length of (vx, vy) and never above the run's maximum;
    // the water moves somewhere (inflow and rain on a slope).
    Raster max = EsriAsciiGrid.read(outDir.resolve("max_velocity.asc"));
    float fastest = 0;
    for (int t : new int[] {300, 600}) {
      Raster speed = EsriAsciiGrid.read(outDir.resolve("velocity_" + t + ".asc"));
      Raster vx = EsriAsciiGrid.read(outDir.resolve("vx_" + t + ".asc"));
      Raster vy = EsriAsciiGrid.read(outDir.resolve("vy_" + t + ".asc"));
      for (int i = 0; i < g.cellCount(); i++) {
        float v = speed.value(i);
        assertEquals(
            v, Math.hypot(vx.value(i), vy.value(i)), 1e-5 * Math.max(v, 1e-3), "cell " + i);
        assertTrue(v <= max.value(i), "cell " + i + ": " + v + " over " + max.value(i));
        fastest = Math.max(fastest, v);
      }
    }
    assertTrue(fastest > 0.01, "water moves: " + fastest + " m/s");
  }

  /**
   * A 2 m DEM on a 5 m run: the terrain is the DEM's area average on the 5 m lattice, the run says
   * so on stderr, completes with its volume balanced, and writes its grids on the 5 m cells.
   */
  @Test
  void aTwoMetreDemRunsOnFiveMetreCells() throws Exception {
    GridGeometry fine = GridGeometry.of(1001, 5003, 2, 60, 40); // 120 m x 80 m
    float[] z = new float[fine.cellCount()];
    for (int r = 0; r < fine.nrows(); r++) {
      for (int c = 0; c < fine.ncols(); c++) {
        // A gentle valley along x = 60 m, so the water gathers in the middle.
        z[r * fine.ncols() + c] = (float) (10 + 0.02 * Math.abs(fine.centreX(c) - 1061));
      }
    }
    z[0] = Float.NaN; // a NODATA corner cell: its 5 m cell averages the other sources
    Path dem = work.resolve("dem2m.asc");
    EsriAsciiGrid.write(Raster.of(fine, z), dem);
    Path rain = Files.writeString(work.resolve("rain.csv"), "time_s,value\n0,60\n300,0\n");
    Path outDir = work.resolve("resampled");

    int code =
        console.run(
            "flood",
            "run",
            "--dem",
            dem.toString(),
            "--cell-size",
            "5",
            "--crs",
            "6674",
            "--rain",
            rain.toString(),
            "--duration",
            "600",
            "--output-interval",
            "0",
            "--threads",
            "2",
            "--out",
            outDir.toString());

    assertEquals(0, code, console.err());
    assertTrue(
        console
            .err()
            .contains("DEM resampled from 2 m to 5 m cells by area average: 25 x 17 cells"),
        console.err());
    // The 5 m lattice around 1001..1121 x 5003..5083: 1000..1125 x 5000..5085.
    Raster maxDepth = EsriAsciiGrid.read(outDir.resolve("max_depth.asc"));
    assertEquals(GridGeometry.of(1000, 5000, 5, 25, 17), maxDepth.geometry());
    String balance = Files.readString(outDir.resolve("mass_balance.txt"));
    for (String line : balance.split("\n")) {
      if (line.startsWith("relative_error ")) {
        assertTrue(Math.abs(Double.parseDouble(line.split(" ")[1])) < 1e-6, balance);
      }
    }
    assertTrue(balance.contains("rain_m3"), balance);
  }

  @Test
  void zoneRainLevelZonesAndStageLinesEnterTheBalance() throws Exception {
    GridGeometry g = GridGeometry.of(1000, 5000, 5, 20, 10);
    Path dem = work.resolve("flat.asc");
    EsriAsciiGrid.write(Raster.filled(g, 10f), dem);
    Path rain = Files.writeString(work.resolve("zone.csv"), "time_s,value\n0,36\n");
    Path stage = Files.writeString(work.resolve("stage.csv"), "time_s,value\n0,10.1\n");
    Path outDir = work.resolve("zones");

    int code =
        console.run(
            "flood",
            "run",
            "--dem",
            dem.toString(),
            "--rain-zone",
            "1000,5000,1050,5000,1050,5050,1000,5050," + rain, // columns 0-9: 100 cells
            "--initial-level-zone",
            "1050,5000,1075,5000,1075,5050,1050,5050,10.2", // columns 10-14: 50 cells
            "--stage-line",
            "1097.5,5002.5,1097.5,5047.5," + stage, // column 19
            "--duration",
            "600",
            "--output-interval",
            "0",
            "--threads",
            "2",
            "--out",
            outDir.toString());

    assertEquals(0, code, console.err());
    java.util.Map<String, Double> balance = new java.util.HashMap<>();
    for (String line : Files.readAllLines(outDir.resolve("mass_balance.txt"))) {
      String[] kv = line.split(" ");
      if (kv.length == 2 && kv[1].matches("[-0-9.eE+]+")) {
        balance.put(kv[0], Double.parseDouble(kv[1]));
      }
    }
    assertEquals(0.006 * 100 * 25, balance.get("rain_m3"), 1e-3, balance.toString()); // 6 mm
    assertEquals(0.2 * 50 * 25, balance.get("initial_storage_m3"), 1e-3, balance.toString());
    assertTrue(balance.get("boundary_inflow_m3") > 1, balance.toString());
    assertTrue(Math.abs(balance.get("relative_error")) < 1e-6, balance.toString());
  }

  @Test
  void aPolygonThatIsNoPolygonIsRejected() throws Exception {
    Path dem = work.resolve("dem.asc");
    EsriAsciiGrid.write(Raster.filled(GridGeometry.of(0, 0, 5, 4, 4), 1f), dem);
    int code =
        console.run(
            "flood",
            "run",
            "--dem",
            dem.toString(),
            "--initial-level-zone",
            "0,0,10,10,0,10,10,0,2", // a bow tie
            "--out",
            work.resolve("o").toString());
    assertEquals(ExitCodes.INPUT_REJECTED, code);
    assertTrue(console.err().contains("not a valid polygon"), console.err());
  }

  /**
   * {@code --initial-level} and {@code --manning-grid} on other cells than the run's are put on its
   * grid like a DEM: a 2.5 m level grid wet on its western 20 m (NODATA east) is area-averaged onto
   * the 5 m cells, so exactly the 4 western columns start 1 m deep (800 m³; a column more or less
   * would be 200 m³ off); a 10 m grid of n = 0.001 x + 0.0002 y + 0.005 is interpolated bilinearly
   * onto them, which reproduces that plane at every cell centre in {@code manning.asc} (a
   * transposed or shifted grid would not).
   */
  @Test
  void levelAndManningGridsOnOtherCellsAreResampled() throws Exception {
    GridGeometry run = GridGeometry.of(0, 0, 5, 8, 8);
    Path dem = work.resolve("dem.asc");
    EsriAsciiGrid.write(Raster.filled(run, 1f), dem);
    GridGeometry fine = GridGeometry.of(0, 0, 2.5, 16, 16);
    float[] level = new float[fine.cellCount()];
    for (int i = 0; i < level.length; i++) {
      level[i] = i % 16 < 8 ? 2f : Float.NaN;
    }
    Path levels = work.resolve("level.asc");
    EsriAsciiGrid.write(Raster.of(fine, level), levels);
    GridGeometry coarse = GridGeometry.of(0, 0, 10, 4, 4);
    float[] n = new float[coarse.cellCount()];
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        n[r * 4 + c] = (float) plane(coarse.centreX(c), coarse.centreY(r));
      }
    }
    Path manning = work.resolve("n.asc");
    EsriAsciiGrid.write(Raster.of(coarse, n), manning);
    Path outDir = work.resolve("o");
    int code =
        console.run(
            "flood",
            "run",
            "--dem",
            dem.toString(),
            "--initial-level",
            levels.toString(),
            "--manning-grid",
            manning.toString(),
            "--duration",
            "1",
            "--output-interval",
            "0",
            "--threads",
            "1",
            "--out",
            outDir.toString());
    assertEquals(0, code, console.err());
    assertTrue(
        console.err().contains("level.asc: put on the run's grid from 2.5 m cells by area average"),
        console.err());
    assertTrue(
        console.err().contains("n.asc: put on the run's grid from 10.0 m cells by bilinear"),
        console.err());
    String balance = Files.readString(outDir.resolve("mass_balance.txt"));
    assertTrue(balance.contains("initial_storage_m3 800.000000"), balance);
    Raster used = EsriAsciiGrid.read(outDir.resolve("manning.asc"));
    assertEquals(run, used.geometry());
    for (int r = 0; r < 8; r++) {
      for (int c = 0; c < 8; c++) {
        assertEquals(
            plane(run.centreX(c), run.centreY(r)),
            used.value(c, r),
            1e-6,
            "col " + c + " row " + r);
      }
    }
  }

  private static double plane(double x, double y) {
    return 0.001 * x + 0.0002 * y + 0.005;
  }

  @Test
  void badDemIsRejectedWithItsLine() throws Exception {
    Path dem = Files.writeString(work.resolve("bad.asc"), "ncols 2\nnrows 1\n");
    int code = console.run("flood", "run", "--dem", dem.toString(), "--out", work.toString());
    assertEquals(ExitCodes.INPUT_REJECTED, code);
    assertTrue(console.err().contains("bad.asc"), console.err());
  }

  @Test
  void eaTest4WritesItsSetupAndGauges() throws Exception {
    Path outDir = work.resolve("ea4");
    int code =
        console.run(
            "flood", "ea-test4", "--out", outDir.toString(), "--duration", "900", "--threads", "2");
    assertEquals(0, code, console.err());
    assertTrue(Files.exists(outDir.resolve("dem.asc")));
    assertTrue(Files.readString(outDir.resolve("inflow.csv")).contains("3600.0,20.0"));
    List<String> gauges = Files.readAllLines(outDir.resolve("gauges.csv"));
    assertEquals("time_s,P1,P2,P3,P4,P5,P6,P7,P8,P9", gauges.get(0));
    String last = gauges.get(gauges.size() - 1);
    assertTrue(last.startsWith("900.000"), last);
    assertTrue(
        Double.parseDouble(last.split(",")[1]) > 0.01, "P1 at 50 m is wet by 900 s: " + last);
    List<String> summary = Files.readAllLines(outDir.resolve("gauge_summary.csv"));
    assertEquals("gauge,x_m,y_m,arrival_s,peak_depth_m,peak_time_s", summary.get(0));
    assertEquals(10, summary.size(), "one line per gauge");
    assertTrue(summary.get(1).startsWith("P1,50.0,1000.0,"), summary.get(1));
  }

  /**
   * The sample city without a DEM: terrain from the store, buildings as walls and reported, a gauge
   * given in lon,lat, GeoTIFF grids that GDAL reads in JGD2011 zone VI.
   */
  @Test
  void runFromTheStoreWritesGeoTiffs() throws Exception {
    Path store = work.resolve("store");
    Path sheet = Path.of("..", "data", "citygml", "51357346_bldg_6697_op.gml");
    assertEquals(0, console.run("import", "--store", store.toString(), sheet.toString()));
    Path rain = Files.writeString(work.resolve("rain.csv"), "time_s,value\n0,100\n");
    Path outDir = work.resolve("city");
    int code =
        console.run(
            "flood",
            "run",
            "--from-store",
            store.toString(),
            "--cell-size",
            "10",
            "--rain",
            rain.toString(),
            "--duration",
            "300",
            "--output-interval",
            "300",
            "--lonlat",
            "--gauge",
            "135.456,34.621",
            "--format",
            "tif",
            "--threads",
            "2",
            "--out",
            outDir.toString());
    assertEquals(0, code, console.err());
    assertTrue(console.err().contains("in EPSG:6674"), console.err());
    for (String f :
        List.of(
            "terrain.tif",
            "max_depth.tif",
            "first_inundation.tif",
            "depth_300.tif",
            "velocity_300.tif",
            "vx_300.tif",
            "vy_300.tif")) {
      GeoRaster r = GeoTiff.read(outDir.resolve(f));
      assertEquals(6674, r.epsgCode(), f);
      assertEquals(10, r.raster().geometry().cellSizeMetres(), f);
    }
    List<String> buildings = Files.readAllLines(outDir.resolve("buildings.csv"));
    assertTrue(buildings.size() > 500, buildings.size() + " lines");
    String info = gdalinfo(outDir.resolve("max_depth.tif"));
    assertTrue(info.contains("Japan Plane Rectangular CS VI"), info);
  }

  @Test
  void runReadsAGeoTiffDemMadeByGdal() throws Exception {
    GridGeometry g = GridGeometry.of(-44_000, -148_500, 5, 20, 10);
    Path asc = work.resolve("dem.asc");
    EsriAsciiGrid.write(Raster.filled(g, 3f), asc);
    Path tif = work.resolve("dem.tif");
    Process p =
        new ProcessBuilder(
                "gdal_translate", "-q", "-a_srs", "EPSG:6674", asc.toString(), tif.toString())
            .inheritIO()
            .start();
    assertEquals(0, p.waitFor());
    Path rain = Files.writeString(work.resolve("rain.csv"), "time_s,value\n0,36\n");
    Path outDir = work.resolve("out");
    int code =
        console.run(
            "flood",
            "run",
            "--dem",
            tif.toString(),
            "--rain",
            rain.toString(),
            "--duration",
            "100",
            "--output-interval",
            "0",
            "--format",
            "tif",
            "--out",
            outDir.toString());
    assertEquals(0, code, console.err());
    GeoRaster max = GeoTiff.read(outDir.resolve("max_depth.tif"));
    assertEquals(6674, max.epsgCode());
    assertEquals(g, max.raster().geometry());
    assertEquals(0.001, max.raster().value(55), 1e-6, "36 mm/h for 100 s on a closed flat plane");
  }

  @Test
  void geoTiffOutputWithoutACrsIsRejected() throws Exception {
    Path dem = work.resolve("dem.asc");
    EsriAsciiGrid.write(Raster.filled(GridGeometry.of(0, 0, 5, 4, 4), 1f), dem);
    int code =
        console.run(
            "flood",
            "run",
            "--dem",
            dem.toString(),
            "--format",
            "tif",
            "--out",
            work.resolve("o").toString());
    assertEquals(ExitCodes.INPUT_REJECTED, code);
    assertTrue(console.err().contains("--crs"), console.err());
  }

  private static String gdalinfo(Path file) throws Exception {
    Process p = new ProcessBuilder("gdalinfo", file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
    return out;
  }
}
