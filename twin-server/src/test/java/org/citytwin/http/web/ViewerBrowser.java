package org.citytwin.http.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.citytwin.http.HeadlessBrowser;
import org.citytwin.http.LiveTwin;

/** Runs viewer-e2e.cjs in {@link HeadlessBrowser} on the viewer of a live twin. */
final class ViewerBrowser {
  static final Path OUTPUT = Path.of("target", "viewer-e2e");

  private ViewerBrowser() {}

  /**
   * Drives the viewer of {@code twin} in {@code mode} ("walk": the full walk, with the live sensor
   * steps when {@code sensorArguments} are token, gauge thing and level; "relief": the relief
   * toggle), saving the screenshot as {@code name}.png and the report as {@code name}.json under
   * {@link #OUTPUT}.
   */
  static JsonNode run(LiveTwin twin, String name, String mode, String... sensorArguments)
      throws Exception {
    Path screenshot = screenshot(name);
    Files.deleteIfExists(screenshot);
    Files.deleteIfExists(OUTPUT.resolve(name + "-sensors.png")); // the sensor steps' screenshot
    List<String> arguments =
        new ArrayList<>(List.of(twin.root() + "/", screenshot.toString(), mode));
    arguments.addAll(List.of(sensorArguments));
    return HeadlessBrowser.run(
        ViewerBrowser.class,
        "viewer-e2e.cjs",
        OUTPUT.resolve(name + ".json"),
        arguments.toArray(String[]::new));
  }

  static Path screenshot(String name) {
    return OUTPUT.resolve(name + ".png");
  }
}
