package org.citytwin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.LodGeometry;
import org.citytwin.model.Polygon3D;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.citytwin.store.TwinStore;
import org.citytwin.terrain.EsriAsciiGrid;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.Raster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * {@code twin flood run --roughness land-use} on the real Osaka sample sheet (buildings, roads).
 */
class FloodRoughnessCommandTest {
  private static final GeometryFactory JTS = new GeometryFactory();

  @TempDir Path work;
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();

  /**
   * The sample has roads (tran:Road with LOD1 surfaces) and buildings, no land use or water: every
   * cell of {@code manning.asc} whose centre lies in one of the roads' own LOD1 polygons (read back
   * from the store and projected here, not through the code under test) has the road n, 0.016, and
   * every other cell the open-ground n, 0.035. A scenario file asking for land use gives the same
   * cells; a table file overrides both values.
   */
  @Test
  void roadCellsOfTheSampleTakeTheRoadN() throws Exception {
    Path store = work.resolve("store");
    Path data = Path.of("..", "data", "citygml");
    assertEquals(
        0,
        console.run(
            "import",
            "--store",
            store.toString(),
            data.resolve("51357346_bldg_6697_op.gml").toString(),
            data.resolve("51357346_tran_6697_op.gml").toString()),
        console.err());
    Path outDir = work.resolve("landuse");
    int code = run(store, outDir, "--roughness", "land-use");
    assertEquals(0, code, console.err());
    Raster n = EsriAsciiGrid.read(outDir.resolve("manning.asc"));
    Raster terrain = EsriAsciiGrid.read(outDir.resolve("terrain.asc"));
    assertEquals(terrain.geometry(), n.geometry(), "n lies on the run's grid");
    boolean[] onRoad = roadCells(store, n.geometry());
    int roads = 0;
    List<String> wrong = new ArrayList<>();
    for (int cell = 0; cell < onRoad.length; cell++) {
      float expected = onRoad[cell] ? 0.016f : 0.035f;
      roads += onRoad[cell] ? 1 : 0;
      if (Math.abs(n.value(cell) - expected) > 1e-6) {
        wrong.add(cell + ": " + n.value(cell) + " not " + expected);
      }
    }
    // The run burns each road's footprint (the union of its LOD1 surfaces, cleaned where a
    // surface is invalid); on this sheet at 5 m one cell of 42,480 differs from the raw polygons.
    // A grid shifted by one cell or transposed gets thousands wrong.
    assertTrue(
        wrong.size() <= 5,
        wrong.size()
            + " cells of "
            + onRoad.length
            + " wrong, e.g. "
            + wrong.subList(0, Math.min(5, wrong.size())));
    assertTrue(roads > 1000, roads + " road cells of " + onRoad.length);
    assertTrue(console.err().contains("Manning's n by class: default n=0.035 on "), console.err());
    int burnt = 0;
    for (int cell = 0; cell < onRoad.length; cell++) {
      burnt += n.value(cell) == 0.016f ? 1 : 0;
    }
    assertTrue(console.err().contains("road n=0.016 on " + burnt + " cells"), console.err());

    scenarioFileGivesTheSameCells(store, n);

    Path table =
        Files.writeString(work.resolve("table.json"), "{\"road\": 0.02, \"default\": 0.05}");
    Path custom = work.resolve("custom");
    assertEquals(
        0,
        run(store, custom, "--roughness", "land-use", "--roughness-table", table.toString()),
        console.err());
    Raster n2 = EsriAsciiGrid.read(custom.resolve("manning.asc"));
    for (int cell = 0; cell < onRoad.length; cell++) {
      assertEquals(n.value(cell) == 0.016f ? 0.02f : 0.05f, n2.value(cell), 1e-6f, "cell " + cell);
    }
  }

  /**
   * A scenario file with {@code "roughness": "land-use"} runs through the server's code: its {@code
   * manning.asc} over a small box holds, cell for cell, what the whole-sheet run gave at the same
   * cell centres (both lie on the 5 m lattice of EPSG:6674).
   */
  private void scenarioFileGivesTheSameCells(Path store, Raster whole) throws Exception {
    Path file =
        Files.writeString(
            work.resolve("landuse.json"),
            "{\"bbox\": [135.453, 34.618, 135.457, 34.621], \"duration\": 1,"
                + " \"outputInterval\": 0, \"roughness\": \"land-use\"}");
    Path outDir = work.resolve("scenario");
    assertEquals(
        0,
        console.run(
            "flood",
            "run",
            "--scenario",
            file.toString(),
            "--from-store",
            store.toString(),
            "--threads",
            "1",
            "--out",
            outDir.toString()),
        console.err());
    Raster part = EsriAsciiGrid.read(outDir.resolve("manning.asc"));
    GridGeometry p = part.geometry();
    GridGeometry w = whole.geometry();
    int roads = 0;
    for (int r = 0; r < p.nrows(); r++) {
      for (int c = 0; c < p.ncols(); c++) {
        float there = whole.value(w.cellAt(p.centreX(c), p.centreY(r)));
        assertEquals(there, part.value(c, r), 0f, "col " + c + " row " + r);
        roads += there == 0.016f ? 1 : 0;
      }
    }
    assertTrue(roads > 100 && roads < p.cellCount() - 100, roads + " of " + p.cellCount());
  }

  @Test
  void badRoughnessOptionsAreRefused() throws Exception {
    Path store = work.resolve("store");
    Path data = Path.of("..", "data", "citygml");
    assertEquals(
        0,
        console.run(
            "import",
            "--store",
            store.toString(),
            data.resolve("51357346_tran_6697_op.gml").toString(),
            data.resolve("51357346_bldg_6697_op.gml").toString()));
    Path out = work.resolve("o");
    assertEquals(ExitCodes.INPUT_REJECTED, run(store, out, "--roughness", "grass"));
    assertTrue(console.err().contains("--roughness 'grass' must be land-use"), console.err());
    assertEquals(
        ExitCodes.INPUT_REJECTED, run(store, out, "--roughness", "land-use", "--manning", "0.03"));
    assertTrue(console.err().contains("--manning cannot be given"), console.err());
    Path bad = Files.writeString(work.resolve("bad.json"), "{\"landUse\": {\"203\": 2}}");
    assertEquals(
        ExitCodes.INPUT_REJECTED,
        run(store, out, "--roughness", "land-use", "--roughness-table", bad.toString()));
    assertTrue(console.err().contains("field 'roughness.landUse.203'"), console.err());
    Path unknown = Files.writeString(work.resolve("unknown.json"), "{\"grass\": 0.03}");
    assertEquals(
        ExitCodes.INPUT_REJECTED,
        run(store, out, "--roughness", "land-use", "--roughness-table", unknown.toString()));
    assertTrue(console.err().contains("field 'roughness.grass'"), console.err());
    assertEquals(
        ExitCodes.INPUT_REJECTED, run(store, out, "--roughness-table", unknown.toString()));
    assertTrue(console.err().contains("--roughness-table needs --roughness land-use"));
  }

  private int run(Path store, Path outDir, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "flood",
                "run",
                "--from-store",
                store.toString(),
                "--cell-size",
                "5",
                "--duration",
                "1",
                "--output-interval",
                "0",
                "--threads",
                "1",
                "--out",
                outDir.toString()));
    args.addAll(List.of(extra));
    return console.run(args.toArray(String[]::new));
  }

  /** Cells whose centre lies in a road's LOD1 polygon, in the grid's frame (EPSG:6674). */
  private static boolean[] roadCells(Path storeDir, GridGeometry g) throws Exception {
    LocalMetricFrame frame = LocalMetricFrame.ofEpsg(6674);
    List<PreparedGeometry> polygons = new ArrayList<>();
    try (TwinStore store = TwinStore.open(storeDir)) {
      store.query(
          Query.of(new Filter.TypeIn(EnumSet.of(CityObjectType.ROAD))).withGeometry(true),
          stored -> {
            for (LodGeometry lod : stored.object().geometries()) {
              if (lod.lod() != 1 || !lod.isSurface()) {
                continue;
              }
              for (Polygon3D p : lod.polygons()) {
                polygons.add(PreparedGeometryFactory.prepare(metric(frame, p.exterior())));
              }
            }
          });
    }
    assertTrue(polygons.size() > 100, polygons.size() + " road polygons");
    boolean[] cells = new boolean[g.cellCount()];
    for (int r = 0; r < g.nrows(); r++) {
      for (int c = 0; c < g.ncols(); c++) {
        Point centre = JTS.createPoint(new Coordinate(g.centreX(c), g.centreY(r)));
        for (PreparedGeometry p : polygons) {
          if (p.intersects(centre)) {
            cells[r * g.ncols() + c] = true;
            break;
          }
        }
      }
    }
    return cells;
  }

  private static org.locationtech.jts.geom.Polygon metric(LocalMetricFrame frame, double[] ring) {
    double[] xyz = ring.clone();
    try {
      frame.toMetric(xyz, 0, xyz.length / 3);
    } catch (org.citytwin.crs.CoordinateConversionException e) {
      throw new IllegalStateException(e);
    }
    int n = xyz.length / 3;
    Coordinate[] c = new Coordinate[n + 1]; // stored rings leave out the closing vertex
    for (int i = 0; i < n; i++) {
      c[i] = new Coordinate(xyz[3 * i], xyz[3 * i + 1]);
    }
    c[n] = c[0];
    return JTS.createPolygon(c);
  }
}
