package org.citytwin.http.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.citytwin.cli.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability: {@code twin serve} in a child process is SIGKILLed while clients post batches and
 * single observations, or many clients post single observations that share group commits; after a
 * restart every acknowledged observation is there with its value, no (datastream, phenomenon time)
 * is stored twice, and nothing is stored that was never posted.
 */
class SensorKillTest {
  static final String TOKEN = "kill-test";
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant EPOCH = Instant.parse("2026-05-01T00:00:00Z");
  static final int KILL_AFTER_ACKNOWLEDGED = 15_000;
  static final int SINGLE_POST_CLIENTS = 32;
  static final int KILL_AFTER_SINGLE_POSTS = 2_000;

  @TempDir Path directory;
  final HttpClient client = HttpClient.newHttpClient();

  @Test
  void everyAcknowledgedObservationSurvivesSigkill() throws Exception {
    killDuringIngest(3, false, KILL_AFTER_ACKNOWLEDGED);
  }

  /**
   * Many concurrent single posts, so that most are acknowledged from a group commit they joined
   * while another commit was in flight: each must still have been acknowledged only after its own
   * data was committed.
   */
  @Test
  void everyAcknowledgedSinglePostSurvivesSigkill() throws Exception {
    int shared = killDuringIngest(SINGLE_POST_CLIENTS, true, KILL_AFTER_SINGLE_POSTS);
    assertTrue(shared > 0, "no single post shared its commit with another");
  }

  /**
   * Kills the server once {@code killAfter} observations were acknowledged, restarts it and checks
   * what it stored; returns how many posts were acknowledged from a commit shared with others.
   */
  private int killDuringIngest(int clientCount, boolean singlePostsOnly, int killAfter)
      throws Exception {
    Path store = directory.resolve("store");
    AtomicInteger sharedCommits = new AtomicInteger();
    Map<String, Double> acknowledged = new ConcurrentHashMap<>(); // phenomenon time -> result
    Map<String, Double> attempted = new ConcurrentHashMap<>();
    try (ServerProcess server = ServerProcess.start(store, TOKEN)) {
      String base = server.sensorsUrl();
      createDatastream(base);
      AtomicInteger acks = new AtomicInteger();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < clientCount; c++) {
        int id = c;
        Thread t =
            new Thread(
                () ->
                    ingest(
                        base,
                        new Client(id, clientCount, singlePostsOnly),
                        attempted,
                        acknowledged,
                        acks,
                        sharedCommits));
        t.setDaemon(true);
        clients.add(t);
        t.start();
      }
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (acks.get() < killAfter && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      server.kill(); // mid-ingest: the clients are still posting
      for (Thread t : clients) {
        t.join(120_000);
      }
    }
    assertTrue(acknowledged.size() >= killAfter, "acknowledged " + acknowledged.size());
    try (ServerProcess restarted = ServerProcess.start(store, TOKEN)) {
      Map<String, Double> stored = readAll(restarted.sensorsUrl());
      for (Map.Entry<String, Double> ack : acknowledged.entrySet()) {
        assertEquals(
            ack.getValue(),
            stored.get(ack.getKey()),
            "acknowledged observation at " + ack.getKey());
      }
      for (Map.Entry<String, Double> s : stored.entrySet()) {
        assertEquals(
            attempted.get(s.getKey()),
            s.getValue(),
            "stored observation at " + s.getKey() + " was posted");
      }
      System.out.printf(
          "kill test: %d clients, %,d acknowledged (%,d from shared commits), %,d stored, %,d posted%n",
          clientCount, acknowledged.size(), sharedCommits.get(), stored.size(), attempted.size());
    }
    return sharedCommits.get();
  }

  /** A posting client: its id, how many there are (to interleave times) and what it posts. */
  private record Client(int id, int count, boolean singlePostsOnly) {}

  private void createDatastream(String base) throws Exception {
    assertEquals(201, put(base + "/Sensors/s", "{\"name\":\"s\"}"));
    assertEquals(201, put(base + "/ObservedProperties/p", "{\"name\":\"p\"}"));
    assertEquals(
        201, put(base + "/Things/t", "{\"name\":\"t\",\"location\":{\"lon\":135.5,\"lat\":34.7}}"));
    assertEquals(
        201,
        put(
            base + "/Datastreams/d",
            "{\"name\":\"d\",\"thing\":\"t\",\"sensor\":\"s\",\"observedProperty\":\"p\",\"kind\":\"TIDE_LEVEL\"}"));
  }

  private int put(String url, String body) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TOKEN)
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /**
   * Posts until the server dies: batches of 1..800 or single posts, each item a fresh time of this
   * client.
   */
  private void ingest(
      String base,
      Client poster,
      Map<String, Double> attempted,
      Map<String, Double> acknowledged,
      AtomicInteger acks,
      AtomicInteger sharedCommits) {
    Random random = new Random(poster.id());
    long micros = 0;
    while (true) {
      int size = poster.singlePostsOnly() || random.nextInt(10) == 0 ? 1 : 1 + random.nextInt(800);
      Map<String, Double> batch = new HashMap<>();
      StringBuilder body = new StringBuilder(size == 1 ? "" : "{\"observations\":[");
      for (int i = 0; i < size; i++) {
        String time =
            EPOCH.plusNanos(((micros++) * poster.count() + poster.id()) * 1000).toString();
        double value = random.nextInt(100_000) / 100.0;
        batch.put(time, value);
        body.append(i == 0 ? "" : ",")
            .append("{\"datastream\":\"d\",\"phenomenonTime\":\"")
            .append(time)
            .append("\",\"result\":")
            .append(value)
            .append('}');
      }
      attempted.putAll(batch);
      String path = size == 1 ? "/Observations" : "/Observations/batch";
      try {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            size == 1 ? body.toString() : body.append("]}").toString()))
                    .timeout(Duration.ofSeconds(60))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
          throw new AssertionError("post refused: " + response.body());
        }
        acknowledged.putAll(batch);
        acks.addAndGet(size);
        if (JSON.readTree(response.body()).path("groupCommitted").asInt() > size) {
          sharedCommits.incrementAndGet();
        }
      } catch (java.io.IOException e) {
        return; // the server was killed
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Every stored observation of "d", paged by time; fails on a repeated phenomenon time. */
  private Map<String, Double> readAll(String base) throws Exception {
    Map<String, Double> stored = new HashMap<>();
    Instant from = EPOCH;
    while (true) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(
                      URI.create(base + "/Datastreams/d/Observations?limit=100000&from=" + from))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      JsonNode value = JSON.readTree(response.body()).get("value");
      for (JsonNode o : value) {
        Double previous = stored.put(o.get("phenomenonTime").asText(), o.get("result").asDouble());
        assertEquals(null, previous, "stored twice: " + o);
      }
      if (value.size() < 100_000) {
        return stored;
      }
      from =
          Instant.parse(value.get(value.size() - 1).get("phenomenonTime").asText()).plusNanos(1000);
    }
  }
}
