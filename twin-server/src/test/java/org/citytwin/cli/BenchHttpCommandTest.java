package org.citytwin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Smoke test of {@code twin bench http} on a tiny temporary store: it runs, exits 0 and prints its
 * figures. No timing is asserted; the figures are for people reading a real run.
 */
class BenchHttpCommandTest {
  /** The smallest building tile of the bundled sample (about 70 buildings). */
  private static final Path SMALL_TILE =
      Path.of("..", "data", "citygml", "51357355_bldg_6697_op.gml").toAbsolutePath().normalize();

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
              "http",
              "--sample",
              SMALL_TILE.toString(),
              "--copies",
              "1",
              "--clients",
              "2",
              "--duration",
              "1s",
              "--warmup",
              "200ms");
    } finally {
      System.setOut(stdout);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    stdout.print(output);
    assertEquals(ExitCodes.OK, exit, output);
    for (String figure :
        new String[] {
          "imported ",
          "in-process ",
          "http ",
          "requests/s",
          "p50 ",
          "p99 ",
          "max ",
          "ratio http/in-process latency: mean ",
          "errors http       0 non-200",
          "cpu in-process per request: server threads ",
          "cpu http       per request: server threads ",
          "http throughput >= 2,000 requests/s",
          "http p99 < 50 ms",
          "http overhead <= 2x"
        }) {
      assertTrue(output.contains(figure), "missing '" + figure + "' in:\n" + output);
    }
    // Over HTTP the server's threads did the work, so they must have used some CPU.
    Matcher server =
        Pattern.compile("cpu http +per request: server threads ([0-9.]+) ms").matcher(output);
    assertTrue(server.find(), output);
    assertTrue(Double.parseDouble(server.group(1)) > 0, output);
  }
}
