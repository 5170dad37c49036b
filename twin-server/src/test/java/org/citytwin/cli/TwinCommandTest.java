package org.citytwin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: output, exit codes, and what ends up in the store. */
class TwinCommandTest {
  private static final Path SAMPLE = Path.of("..", "data", "citygml");
  private static final Path SMALL_TILE = SAMPLE.resolve("51357355_bldg_6697_op.gml");

  @TempDir Path work;
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();

  private int run(String... args) {
    return console.run(args);
  }

  private String out() {
    return console.out();
  }

  private String err() {
    return console.err();
  }

  @Test
  void helpListsTheCommands() {
    assertEquals(0, run("--help"));
    for (String command :
        new String[] {"import", "query", "serve", "bench", "synth", "export-tiles"}) {
      assertTrue(out().contains(command), command + " in:\n" + out());
    }
  }

  @Test
  void importPrintsASummaryAndQueryCountsWhatWasStored() {
    Path store = work.resolve("store");
    assertEquals(0, run("import", "--store", store.toString(), SMALL_TILE.toString()));
    assertTrue(out().contains("Imported 1 of 1 sources: 72 objects"), out());
    assertTrue(out().contains("building"), out());

    assertEquals(0, run("query", "--store", store.toString(), "--type", "building", "--count"));
    assertEquals("72", out().trim());
    assertEquals(
        0, run("query", "--store", store.toString(), "--filter", "height > 1000", "--count"));
    assertEquals("0", out().trim());
    assertEquals(
        0,
        run(
            "query",
            "--store",
            store.toString(),
            "--nearest",
            "3",
            "--near",
            "135.45,34.62",
            "--format",
            "geojson"));
    assertTrue(out().contains("\"FeatureCollection\""), out());
  }

  @Test
  void exportTilesWritesTheTilesetAndRefusesTwoGeoids() throws Exception {
    Path store = work.resolve("store");
    Path tiles = work.resolve("tiles");
    assertEquals(0, run("import", "--quiet", "--store", store.toString(), SMALL_TILE.toString()));
    assertEquals(
        0,
        run(
            "export-tiles",
            "--store",
            store.toString(),
            "--out",
            tiles.toString(),
            "--max-per-leaf",
            "20"));
    assertTrue(out().contains("with 72 buildings"), out());
    assertTrue(Files.isRegularFile(tiles.resolve("tileset.json")));
    try (var glbs = Files.list(tiles)) {
      assertTrue(glbs.filter(p -> p.toString().endsWith(".glb")).count() >= 4, "72 / 20 leaves");
    }
    assertEquals(
        2,
        run(
            "export-tiles",
            "--store",
            store.toString(),
            "--out",
            tiles.toString(),
            "--geoid",
            "x.gtx",
            "--geoid-height",
            "36.7"));
    assertTrue(err().contains("either --geoid or --geoid-height"), err());
    assertEquals(
        4, run("export-tiles", "--store", store.toString(), "--out", tiles.toString(), "--relief"));
    assertTrue(err().contains("holds no relief to tile"), err());
  }

  @Test
  void exportTilesWritesTheReliefTileset() throws Exception {
    Path store = work.resolve("store");
    Path tiles = work.resolve("relief");
    Path dem =
        Path.of("..", "twin-core", "src", "test", "resources", "org", "citytwin", "citygml")
            .resolve("523965_dem_6697_05_op.gml");
    assertEquals(0, run("import", "--quiet", "--store", store.toString(), dem.toString()));
    assertEquals(
        0, run("export-tiles", "--store", store.toString(), "--out", tiles.toString(), "--relief"));
    assertTrue(out().contains("wrote 3 tiles with 2 relief objects"), out());
    assertTrue(Files.isRegularFile(tiles.resolve("tileset.json")));
  }

  @Test
  void quietImportPrintsNothing() {
    assertEquals(
        0,
        run(
            "import",
            "--quiet",
            "--store",
            work.resolve("store").toString(),
            SMALL_TILE.toString()));
    assertEquals("", out());
  }

  @Test
  void rejectedInputExitsThreeAndNamesFileAndLine() throws Exception {
    Path bad = work.resolve("bad.gml");
    Files.writeString(
        bad, "<core:CityModel xmlns:core='http://www.opengis.net/citygml/2.0'>\n<unclosed>");
    assertEquals(
        ExitCodes.INPUT_REJECTED,
        run("import", "--quiet", "--store", work.resolve("store").toString(), bad.toString()));
    assertTrue(err().contains("bad.gml:2:"), err());
  }

  @Test
  void badFilterIsAUsageError() {
    assertEquals(
        ExitCodes.USAGE,
        run("query", "--store", work.resolve("store").toString(), "--filter", "height >"));
    assertTrue(err().contains("position"), err());
  }

  @Test
  void zipArchivesAreReadEntryByEntry() throws Exception {
    Path zip = work.resolve("tiles.zip");
    try (ZipOutputStream archive = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (String name : new String[] {"51357355_bldg_6697_op.gml", "51357355_tran_6697_op.gml"}) {
        archive.putNextEntry(new ZipEntry("udx/" + name));
        Files.copy(SAMPLE.resolve(name), archive);
        archive.closeEntry();
      }
    }
    assertEquals(0, run("import", "--store", work.resolve("store").toString(), zip.toString()));
    assertTrue(out().contains("Imported 2 of 2 sources: 81 objects"), out());
  }
}
