package org.citytwin.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients posting observations to a running server as fast as their responses come back: each posts
 * to datastreams of its own with rising phenomenon times, so every observation is new, and counts
 * those the server acknowledged (201).
 */
final class IngestLoad {
  /** Observations acknowledged, requests refused or failed, and the seconds measured. */
  record Result(long observations, long failures, double seconds) {
    double perSecond() {
      return observations / seconds;
    }
  }

  private final HttpClient client;
  private final String base;
  private final String token;

  IngestLoad(HttpClient client, String base, String token) {
    this.client = client;
    this.base = base;
    this.token = token;
  }

  /** {@code clients} threads each posting batches of {@code batch} (1: single posts). */
  Result run(int clients, int batch, Duration duration, List<String> datastreams, Instant epoch)
      throws InterruptedException {
    AtomicLong acknowledged = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    long end = System.nanoTime() + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      String datastream = datastreams.get(c % datastreams.size());
      long offsetMicros = (long) c << 40; // clients never share a phenomenon time
      Thread t =
          new Thread(
              () -> {
                long sequence = 0;
                while (System.nanoTime() < end) {
                  String body =
                      batch == 1
                          ? one(datastream, epoch, offsetMicros + sequence)
                          : batch(datastream, epoch, offsetMicros + sequence, batch);
                  sequence += batch;
                  if (post(batch == 1 ? "/Observations" : "/Observations/batch", body)) {
                    acknowledged.addAndGet(batch);
                  } else {
                    failures.incrementAndGet();
                  }
                }
              },
              "ingest-client-" + c);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    return new Result(acknowledged.get(), failures.get(), (System.nanoTime() - start) / 1e9);
  }

  boolean post(String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(120))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static String one(String datastream, Instant epoch, long micros) {
    return "{\"datastream\":\""
        + datastream
        + "\",\"phenomenonTime\":\""
        + epoch.plusNanos(micros * 1000)
        + "\",\"result\":"
        + (micros % 1000) / 100.0
        + "}";
  }

  static String batch(String datastream, Instant epoch, long firstMicros, int size) {
    StringBuilder body = new StringBuilder(size * 96).append("{\"observations\":[");
    for (int i = 0; i < size; i++) {
      body.append(i == 0 ? "" : ",").append(one(datastream, epoch, firstMicros + i));
    }
    return body.append("]}").toString();
  }
}
