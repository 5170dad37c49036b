package org.citytwin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Node script that drives Debian's headless Chromium through playwright-core (both installed
 * by .ci/run) and prints one JSON report: the browser tests' common harness. The script gets the
 * playwright-core npm prefix and the Chromium executable as its first two arguments, then the
 * test's own.
 */
public final class HeadlessBrowser {
  /** Generous: software WebGL on a loaded 2-core machine takes minutes (a flood run included). */
  private static final long BROWSER_MINUTES = 12;

  private HeadlessBrowser() {}

  /**
   * Runs the script {@code name}, a resource next to {@code owner}, with {@code arguments}; its
   * standard output goes to {@code reportFile} and is returned parsed. Fails the test when the
   * tools are missing, the script exits non-zero or the browser takes more than ten minutes.
   */
  public static JsonNode run(Class<?> owner, String name, Path reportFile, String... arguments)
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
    Files.createDirectories(reportFile.toAbsolutePath().getParent());
    Path script = Path.of(owner.getResource(name).toURI()).toAbsolutePath();
    List<String> command =
        new ArrayList<>(
            List.of("node", script.toString(), playwright.toString(), chromium.toString()));
    command.addAll(List.of(arguments));
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
    assertEquals(0, browser.exitValue(), name + " failed; its report: " + output);
    JsonNode report = new ObjectMapper().readTree(output);
    System.out.println(name + ": " + report);
    return report;
  }
}
