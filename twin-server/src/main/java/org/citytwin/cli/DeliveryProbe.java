package org.citytwin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * End-to-end latency: a Server-Sent Events client subscribed to one datastream, and single posts to
 * it at a steady rate; the time from starting each post to reading its observation from the stream
 * goes into a histogram (microseconds).
 */
final class DeliveryProbe implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Long> sentNanos = new ConcurrentHashMap<>();
  private final Histogram micros = new Histogram(60_000_000L, 3);
  private final CountDownLatch subscribed = new CountDownLatch(1);
  private final Thread reader;
  private volatile java.io.InputStream body;
  private volatile long unmatched;

  DeliveryProbe(HttpClient client, String base, String datastream) {
    reader = new Thread(() -> read(client, base, datastream), "sse-probe");
    reader.setDaemon(true);
    reader.start();
  }

  private void read(HttpClient client, String base, String datastream) {
    try {
      HttpResponse<java.io.InputStream> response =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/Events?datastream=" + datastream))
                  .header("Accept", "text/event-stream")
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      body = response.body();
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
      String line;
      String event = null;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("event:")) {
          event = line.substring(6).trim();
          if (event.equals("snapshot")) {
            subscribed.countDown();
          }
        } else if (line.startsWith("data:") && "observations".equals(event)) {
          long now = System.nanoTime();
          for (JsonNode o : JSON.readTree(line.substring(5)).get("observations")) {
            Long sent = sentNanos.remove(o.get("phenomenonTime").asText());
            if (sent == null) {
              unmatched++;
            } else {
              synchronized (micros) {
                micros.recordValue(Math.max(0, (now - sent) / 1000));
              }
            }
          }
        }
      }
    } catch (java.io.IOException e) {
      // the stream ended: closed by the probe, or the server stopped
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  boolean awaitSubscribed() throws InterruptedException {
    return subscribed.await(30, TimeUnit.SECONDS);
  }

  /** Posts {@code count} single observations, {@code perSecond} a second, noting when each left. */
  void post(IngestLoad load, String datastream, Instant epoch, int count, int perSecond)
      throws InterruptedException {
    long interval = 1_000_000_000L / perSecond;
    long next = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      next += interval;
      Instant time = epoch.plusNanos(i * 1000L);
      sentNanos.put(time.toString(), System.nanoTime());
      load.post("/Observations", IngestLoad.one(datastream, epoch, i));
    }
  }

  /** Waits until every post was seen on the stream or {@code timeout} passed; the ones missing. */
  int awaitDelivered(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!sentNanos.isEmpty() && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    return sentNanos.size();
  }

  Histogram histogram() {
    synchronized (micros) {
      return micros.copy();
    }
  }

  long unmatched() {
    return unmatched;
  }

  @Override
  public void close() {
    reader.interrupt();
    java.io.InputStream open = body;
    if (open != null) {
      try {
        open.close();
      } catch (java.io.IOException e) {
        // closing a stream that is going away anyway
      }
    }
  }
}
