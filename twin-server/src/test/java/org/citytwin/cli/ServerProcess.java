package org.citytwin.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code twin serve} in a child JVM on the test classpath, for tests that kill it. Its output is
 * drained by a thread of its own; {@link #sensorsUrl} is the URL it printed.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern URL = Pattern.compile("Live sensors at (http://\\S+/sensors/v1)");

  private final Process process;
  private final String sensorsUrl;

  private ServerProcess(Process process, String sensorsUrl) {
    this.process = process;
    this.sensorsUrl = sensorsUrl;
  }

  /** Serves {@code store} with no sample city to import and {@code token} for sensor writes. */
  public static ServerProcess start(Path store, String token) throws Exception {
    return start(store, store.resolve("no-sample"), List.of("--sensor-token", token));
  }

  /** Serves {@code store}, importing {@code sample} first when the store is empty. */
  public static ServerProcess start(Path store, Path sample, List<String> moreArguments)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            java,
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            "org.citytwin.cli.TwinCommand",
            "serve",
            "--store",
            store.toString(),
            "--port",
            "0",
            "--host",
            "127.0.0.1",
            "--sample",
            sample.toString()));
    command.addAll(moreArguments);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread drain =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  Matcher m = URL.matcher(line);
                  if (m.find()) {
                    url.complete(m.group(1));
                  }
                }
              } catch (java.io.IOException e) {
                // the process died; the URL future says so if it never printed
              }
              // Output ends before the killed process is reaped, so ask for its exit only when the
              // URL never came (asking a live process throws).
              if (!url.isDone()) {
                url.completeExceptionally(
                    new IllegalStateException(
                        "twin serve closed its output before printing its URL"
                            + (process.isAlive() ? "" : ", exit " + process.exitValue())));
              }
            },
            "child-output");
    drain.setDaemon(true);
    drain.start();
    try {
      return new ServerProcess(process, url.get(120, TimeUnit.SECONDS));
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  public String sensorsUrl() {
    return sensorsUrl;
  }

  /** SIGKILL on Linux: no shutdown hook, no close, no flush. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  /** SIGTERM, then waits for the process to end; returns its exit code. */
  public int stop() throws InterruptedException {
    close();
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
