package org.citytwin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.citytwin.http.ServerOptions;
import org.citytwin.http.TwinServer;
import org.citytwin.http.sensors.SensorsApi;
import org.citytwin.sensor.Observation;
import org.citytwin.sensor.SensorOptions;
import org.citytwin.sensor.SensorService;
import org.citytwin.store.TwinStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code twin sensors replay} against the real server, with the bundled synthetic sample feed. */
class ReplayCommandTest {
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();
  @TempDir Path directory;

  @Test
  void replaysTheSampleFeedWithItsEntities() throws Exception {
    Path feed = Path.of("..", "data", "sensors", "sample-feed.csv");
    Path entities = directory.resolve("entities.json");
    // The sample binds its river gauge to a building; this store has no city, so place it.
    Files.writeString(
        entities,
        Files.readString(Path.of("..", "data", "sensors", "sample-entities.json"))
            .replaceAll(
                "\"cityObject\":\\s*\"bldg_085ebff4-058c-4cd5-8c1f-e3d2cc62563c\"",
                "\"location\":{\"lon\":135.46,\"lat\":34.62}"));
    try (TwinStore city = TwinStore.open(directory.resolve("store"));
        SensorService sensors = SensorService.open(city, SensorOptions.defaults());
        TwinServer server =
            TwinServer.start(
                city,
                ServerOptions.onPort(0),
                Optional.of(new SensorsApi(sensors, Optional.of("t"))))) {
      String url = "http://localhost:" + server.port() + "/sensors/v1";
      assertEquals(
          0,
          console.run(
              "sensors",
              "replay",
              feed.toString(),
              "--entities",
              entities.toString(),
              "--speed",
              "1000000",
              "--keep-times",
              "--url",
              url,
              "--token",
              "t"),
          console.err());
      assertEquals(185, sensors.observationCount());
      List<Observation> river = new ArrayList<>();
      sensors.observations(
          "sample-river-level",
          Instant.EPOCH,
          Instant.parse("2100-01-01T00:00:00Z"),
          100,
          river::add);
      assertEquals(Instant.parse("2026-07-01T00:00:00Z"), river.get(0).phenomenonTime());
      assertEquals(8, sensors.alerts(100).size(), "up through four levels and down again");
      assertEquals(
          3, console.run("sensors", "replay", entities.toString(), "--url", url, "--token", "t"));
      assertTrue(console.err().contains("lacks the column 'datastream'"), console.err());
    }
  }
}
