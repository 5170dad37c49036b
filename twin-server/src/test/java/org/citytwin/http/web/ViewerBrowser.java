package org.citytwin.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.citytwin.http.LiveTwin;

/**
 * Runs viewer-e2e.cjs: Debian's headless Chromium, driven by playwright-core (both installed by
 * .ci/run), opens the viewer of a live twin and returns the script's JSON report.
 */
final class ViewerBrowser {
  /** Generous: software WebGL on a shared 2-core machine takes minutes to settle the tiles. */
  private static final long BROWSER_MINUTES = 10;

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
    Path playwright = Path.of(System.getProperty("playwright.dir", "../.cache/playwright-core"));
    Path chromium = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));
    if (!Files.isDirectory(playwright.resolve("node_modules/playwright-core"))) {
      fail(
          "playwright-core is not installed under "
              + playwright.toAbsolutePath()
              + "; run .ci/run or: npm install --prefix "
              + playwright
              + " playwright-core@1.65.1");
    }
    if (!Files.isExecutable(chromium)) {
      fail(
          "no Chromium at "
              + chromium
              + "; run .ci/run or: apt-get install chromium (or pass -Dchromium.path=...)");
    }
    Files.createDirectories(OUTPUT);
    Path screenshot = OUTPUT.resolve(name + ".png");
    Path reportFile = OUTPUT.resolve(name + ".json");
    Files.deleteIfExists(screenshot);
    Files.deleteIfExists(OUTPUT.resolve(name + "-sensors.png")); // the sensor steps' screenshot
    List<String> command =
        new ArrayList<>(
            List.of(
                "node",
                script().toString(),
                playwright.toString(),
                chromium.toString(),
                "http://localhost:" + twin.port() + "/",
                screenshot.toString(),
                mode));
    command.addAll(List.of(sensorArguments));
    Process browser =
        new ProcessBuilder(command)
            .redirectOutput(reportFile.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (!browser.waitFor(BROWSER_MINUTES, TimeUnit.MINUTES)) {
      browser.destroyForcibly();
      fail("the browser did not finish within " + BROWSER_MINUTES + " minutes");
    }
    String output = Files.readString(reportFile);
    assertEquals(0, browser.exitValue(), "viewer-e2e.cjs failed; its report: " + output);
    JsonNode report = new ObjectMapper().readTree(output);
    System.out.println("viewer e2e (" + name + "): " + report);
    return report;
  }

  static Path screenshot(String name) {
    return OUTPUT.resolve(name + ".png");
  }

  private static Path script() throws Exception {
    return Path.of(ViewerBrowser.class.getResource("viewer-e2e.cjs").toURI()).toAbsolutePath();
  }
}
