package org.citytwin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.citytwin.http.LiveTwin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code twin flood run --scenario FILE.json}: the shipped example on the sample sheet, run from
 * the command line and posted to the live server, must mean the same thing to both; bad files and
 * mixed flags are refused naming the file, the field or the flag.
 */
class FloodScenarioFileTest {
  static final Path EXAMPLE = Path.of("..", "data", "flood", "osaka-breach.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path shared;
  static Path store;
  @TempDir Path work;
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();

  @BeforeAll
  static void importSheet() {
    store = shared.resolve("store");
    ConsoleCapture importer = new ConsoleCapture();
    Path sheet = Path.of("..", "data", "citygml", LiveTwin.BUILDINGS);
    assertEquals(0, importer.run("import", "--store", store.toString(), sheet.toString()));
  }

  @Test
  void theShippedExampleRunsFromTheCommandLineAndOnTheServerAlike() throws Exception {
    Path out = work.resolve("out");
    int code =
        console.run(
            "flood",
            "run",
            "--scenario",
            EXAMPLE.toString(),
            "--from-store",
            store.toString(),
            "--threads",
            "2",
            "--out",
            out.toString());
    assertEquals(0, code, console.err());
    assertEquals(
        "time_s,breach,northeast", Files.readAllLines(out.resolve("gauges.csv")).get(0).trim());
    assertTrue(Files.exists(out.resolve("depth_600.asc")));
    assertTrue(Files.exists(out.resolve("depth_1200.asc")));
    assertTrue(Files.exists(out.resolve("terrain.asc")));
    assertTrue(Files.readAllLines(out.resolve("buildings.csv")).size() > 10);
    Map<String, Double> cli = balance(out.resolve("mass_balance.txt"));
    assertTrue(Math.abs(cli.get("relative_error")) < 1e-6, cli.toString());
    // 10 m³/s from 300 s on, a ramp before: 1,500 + 9,000 m³ enter at the breach.
    assertEquals(10_500, cli.get("inflow_m3"), 1e-3);
    assertTrue(cli.get("rain_m3") > 0, cli.toString());

    Path serverDir = work.resolve("server");
    Files.createDirectories(serverDir);
    try (LiveTwin twin = LiveTwin.start(serverDir, LiveTwin.BUILDINGS)) {
      String base = "http://localhost:" + twin.port();
      HttpResponse<String> started =
          twin.send(
              HttpRequest.newBuilder(URI.create(base + "/flood/runs"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofFile(EXAMPLE)));
      assertEquals(202, started.statusCode(), started.body());
      String run = started.headers().firstValue("Location").orElseThrow();
      JsonNode status = waitFinished(twin, base + run);
      assertEquals("completed", status.get("state").asText(), status.toString());
      JsonNode server = status.get("massBalance");
      // The same forcing on the same terrain: the volumes that entered agree to the last digit
      // the file keeps, whatever the thread counts.
      assertEquals(cli.get("rain_m3"), server.get("rainCubicMetres").asDouble(), 1e-5);
      assertEquals(cli.get("inflow_m3"), server.get("inflowCubicMetres").asDouble(), 1e-5);
      assertEquals(List.of(600, 1200), ints(status.get("outputTimes")));
    }
  }

  @Test
  void flagsThatDescribeTheScenarioCannotBeMixedWithAFile() throws Exception {
    Path rain = Files.writeString(work.resolve("rain.csv"), "time_s,value\n0,10\n");
    int code =
        console.run(
            "flood",
            "run",
            "--scenario",
            EXAMPLE.toString(),
            "--from-store",
            store.toString(),
            "--rain",
            rain.toString(),
            "--out",
            work.resolve("out").toString());
    assertEquals(ExitCodes.INPUT_REJECTED, code);
    assertTrue(console.err().contains("--rain cannot be given with --scenario"), console.err());
    assertEquals(
        ExitCodes.INPUT_REJECTED,
        console.run("flood", "run", "--scenario", EXAMPLE.toString(), "--out", work.toString()));
    assertTrue(console.err().contains("--scenario needs --from-store"), console.err());
  }

  @Test
  void badFieldsAreNamedWithTheFile() throws Exception {
    Map<String, String> bad = new HashMap<>();
    bad.put("{\"rain\": [[0, -5]]}", "field 'rain'");
    bad.put("{\"rain\": [[0, 10]], \"cellSize\": 50}", "field 'cellSize'");
    bad.put("{\"dem\": \"9f1c\"}", "field 'dem'");
    bad.put("{\"durration\": 60}", "field 'durration'");
    bad.put(
        "{\"inflows\": [{\"point\": [135.0, 34.0], \"hydrograph\": [[0, 1]]}]}",
        "field 'inflows[0]'");
    bad.put("{\"duration\": ", "not JSON");
    bad.put(
        "{\"cellSize\": 10, \"rainZones\": [{\"polygon\": [[135.456, 34.621], [135.456003,"
            + " 34.621], [135.456003, 34.621003]], \"rain\": [[0, 10]]}]}",
        "field 'rainZones[0].polygon'");
    int i = 0;
    for (Map.Entry<String, String> e : bad.entrySet()) {
      Path file = Files.writeString(work.resolve("bad" + i++ + ".json"), e.getKey());
      int code =
          console.run(
              "flood",
              "run",
              "--scenario",
              file.toString(),
              "--from-store",
              store.toString(),
              "--out",
              work.resolve("out").toString());
      assertEquals(ExitCodes.INPUT_REJECTED, code, e.getKey());
      String err = console.err();
      assertTrue(err.contains(file.toString()) && err.contains(e.getValue()), e.getKey() + err);
    }
  }

  private static JsonNode waitFinished(LiveTwin twin, String url) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode status =
          JSON.readTree(twin.send(HttpRequest.newBuilder(URI.create(url)).GET()).body());
      if (List.of("completed", "failed", "cancelled").contains(status.get("state").asText())) {
        return status;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(url + " did not finish");
  }

  private static List<Integer> ints(JsonNode array) {
    java.util.ArrayList<Integer> list = new java.util.ArrayList<>();
    array.forEach(n -> list.add(n.asInt()));
    return list;
  }

  private static Map<String, Double> balance(Path file) throws Exception {
    Map<String, Double> values = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      String[] p = line.trim().split(" ");
      if (p.length == 2) {
        try {
          values.put(p[0], Double.parseDouble(p[1]));
        } catch (NumberFormatException e) {
          // "state COMPLETED"
        }
      }
    }
    return values;
  }
}
