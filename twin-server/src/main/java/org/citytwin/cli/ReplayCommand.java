package org.citytwin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code twin sensors replay FILE}: feeds a recorded or generated series into a running server at
 * {@code --speed} times real time, posting the observations due together as one batch. By default
 * the series is moved in time so that it starts now, so viewers see it live.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Post a CSV series (datastream,phenomenonTime,result) to a running twin at --speed times real time.",
      "Exit codes: 0 done, 2 bad command line, 3 feed or entities rejected, 5 a post failed."
    })
final class ReplayCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(paramLabel = "FILE", description = "The series, CSV with a header.")
  Path file;

  @Option(
      names = "--speed",
      defaultValue = "60",
      description = "Times real time (default ${DEFAULT-VALUE}: an hour a minute).")
  double speed;

  @Option(
      names = "--url",
      defaultValue = "http://localhost:8080/sensors/v1",
      description = "The sensor API (default ${DEFAULT-VALUE}).")
  String url;

  @Option(
      names = "--token",
      defaultValue = "${env:TWIN_SENSOR_TOKEN}",
      description = "Bearer token (default: TWIN_SENSOR_TOKEN).")
  String token;

  @Option(
      names = "--entities",
      paramLabel = "JSON",
      description =
          "Things, sensors, observed properties and datastreams to PUT first ({\"Sensors\":[...],...}).")
  Path entities;

  @Option(
      names = "--keep-times",
      description = "Post the recorded times instead of moving the series to start now.")
  boolean keepTimes;

  private final HttpClient client = HttpClient.newHttpClient();

  @Override
  public Integer call() throws Exception {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      System.err.println("twin sensors replay: --speed must be a number > 0, was " + speed);
      return ExitCodes.USAGE;
    }
    if (token == null || token.isBlank()) {
      System.err.println("twin sensors replay: give --token or set TWIN_SENSOR_TOKEN");
      return ExitCodes.USAGE;
    }
    ReplayFeed feed;
    try {
      feed = ReplayFeed.read(file);
    } catch (ReplayFeed.FeedException | IOException e) {
      System.err.println("twin sensors replay: " + e.getMessage());
      return ExitCodes.INPUT_REJECTED;
    }
    try {
      if (entities != null && !putEntities()) {
        return ExitCodes.INPUT_REJECTED;
      }
    } catch (IOException e) {
      System.err.println("twin sensors replay: cannot put the entities of " + entities + ": " + e);
      return ExitCodes.REQUESTS_FAILED;
    }
    try {
      return replay(feed.rows()) ? ExitCodes.OK : ExitCodes.REQUESTS_FAILED;
    } catch (IOException e) {
      System.err.println("twin sensors replay: cannot post to " + url + ": " + e);
      return ExitCodes.REQUESTS_FAILED;
    }
  }

  private boolean putEntities() throws IOException, InterruptedException {
    JsonNode all = JSON.readTree(entities.toFile());
    for (String collection : List.of("Sensors", "ObservedProperties", "Things", "Datastreams")) {
      for (JsonNode entity : all.path(collection)) {
        String path = "/" + collection + "/" + entity.path("id").asText();
        HttpResponse<String> r =
            send(
                HttpRequest.newBuilder(URI.create(url + path))
                    .PUT(HttpRequest.BodyPublishers.ofString(entity.toString())));
        if (r.statusCode() / 100 != 2) {
          System.err.println("twin sensors replay: PUT " + path + " refused: " + r.body());
          return false;
        }
      }
    }
    return true;
  }

  private boolean replay(List<ReplayFeed.Row> rows) throws IOException, InterruptedException {
    if (rows.isEmpty()) {
      System.out.println("the feed is empty");
      return true;
    }
    Instant first = rows.get(0).phenomenonTime();
    Instant shiftedStart = keepTimes ? first : Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Duration shift = Duration.between(first, shiftedStart);
    long start = System.nanoTime();
    int posted = 0;
    for (int i = 0; i < rows.size(); ) {
      Instant due = rows.get(i).phenomenonTime();
      List<ReplayFeed.Row> batch = new ArrayList<>();
      while (i < rows.size() && rows.get(i).phenomenonTime().equals(due)) {
        batch.add(rows.get(i++));
      }
      long waitNanos =
          start + (long) (Duration.between(first, due).toNanos() / speed) - System.nanoTime();
      if (waitNanos > 0) {
        Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
      }
      HttpResponse<String> r = post(batch, shift);
      if (r.statusCode() != 201) {
        System.err.println("twin sensors replay: batch at " + due + " refused: " + r.body());
        return false;
      }
      posted += batch.size();
      System.out.printf(
          "%s  %d observations (%d of %d)%n", due.plus(shift), batch.size(), posted, rows.size());
    }
    return true;
  }

  private HttpResponse<String> post(List<ReplayFeed.Row> batch, Duration shift)
      throws IOException, InterruptedException {
    var body = JSON.createObjectNode();
    var array = body.putArray("observations");
    for (ReplayFeed.Row row : batch) {
      array
          .addObject()
          .put("datastream", row.datastream())
          .put("phenomenonTime", row.phenomenonTime().plus(shift).toString())
          .put("result", row.result());
    }
    return send(
        HttpRequest.newBuilder(URI.create(url + "/Observations/batch"))
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return client.send(
        request
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
