package org.citytwin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Smoke test of {@code twin bench tiles} on a tiny temporary store: it runs, exits 0 and prints its
 * figures. No timing is asserted; the figures are for people reading a real run.
 */
class BenchTilesCommandTest {
  /** The smallest building tile of the bundled sample (about 70 buildings). */
  private static final Path SMALL_TILE =
      Path.of("..", "data", "citygml", "51357355_bldg_6697_op.gml").toAbsolutePath().normalize();

  /**
   * The export uses leaves of 20 (several leaves); the server tiles with its default of 1000, so it
   * serves the 72 buildings as one leaf.
   */
  @Test
  void runsOnATinyStoreAndPrintsTheFigures() {
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      exit =
          TwinCommand.execute(
              "bench",
              "tiles",
              "--sample",
              SMALL_TILE.toString(),
              "--copies",
              "1",
              "--max-per-leaf",
              "20",
              "--clients",
              "2",
              "--requests",
              "100",
              "--tiles",
              "3");
    } finally {
      System.setOut(stdout);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    stdout.print(output);
    assertEquals(ExitCodes.OK, exit, output);
    for (String figure :
        new String[] {
          "store read (baseline): ",
          "3D tileset, cold (export-tiles path, ",
          " buildings/s; ",
          "bytes per building (all shown at LOD1",
          "first request (made by the server, then cached) of 1 3D tile GLB tiles",
          "vector tile z16 tiles",
          "empty tile (baseline)",
          "3D tile GLB              1 distinct",
          "p99 ",
          "goal: cached tile p99 < 5 ms"
        }) {
      assertTrue(output.contains(figure), "missing '" + figure + "' in:\n" + output);
    }
  }
}
