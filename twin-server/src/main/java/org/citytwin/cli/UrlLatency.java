package org.citytwin.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Measures the latency of GETs of a fixed set of URLs, with concurrent closed-loop clients on
 * keep-alive HTTP/1.1 connections, each picking URLs at random (seeded). Every body is read in
 * full. Latencies go to an HdrHistogram with 3 significant digits.
 */
final class UrlLatency implements AutoCloseable {
  // The first request of a tileset lays out the whole city (a scan of every building): on a loaded
  // machine that took over 60 s for 102,900 buildings, and the bench gave up on it.
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final long MAX_NANOS = TimeUnit.MINUTES.toNanos(2);

  /**
   * What a run measured.
   *
   * @param failures answers other than 200, 204 or a redirect, and requests that threw
   */
  record Result(Histogram latencies, long bytes, long failures, String firstFailure) {
    double millisAt(double percentile) {
      return latencies.getValueAtPercentile(percentile) / 1e6;
    }
  }

  private final ExecutorService clients;
  private final HttpClient client;
  private final int concurrency;

  UrlLatency(int concurrency) {
    this.concurrency = concurrency;
    this.clients = Executors.newFixedThreadPool(concurrency * 2, UrlLatency::daemon);
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(clients)
            .build();
  }

  /** One answer: status, body, and the Location header ("" when none). */
  record Response(int status, byte[] body, String location) {}

  /** One GET, its body read in full, redirects not followed. */
  Response get(String url) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return new Response(
        response.statusCode(),
        response.body(),
        response.headers().firstValue("Location").orElse(""));
  }

  /**
   * Makes {@code requests} GETs in total, spread over the clients, of URLs drawn from {@code urls}.
   */
  Result run(List<String> urls, int requests, long seed)
      throws InterruptedException, ExecutionException {
    ConcurrentHistogram latencies = new ConcurrentHistogram(MAX_NANOS, 3);
    LongAdder bytes = new LongAdder();
    LongAdder failures = new LongAdder();
    AtomicReference<String> firstFailure = new AtomicReference<>("");
    List<URI> uris = urls.stream().map(URI::create).toList();
    SplittableRandom seeds = new SplittableRandom(seed);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < concurrency; c++) {
      SplittableRandom random = seeds.split();
      int share = requests / concurrency + (c < requests % concurrency ? 1 : 0);
      running.add(
          clients.submit(
              () -> {
                for (int i = 0; i < share; i++) {
                  URI uri = uris.get(random.nextInt(uris.size()));
                  long start = System.nanoTime();
                  try {
                    HttpResponse<byte[]> response =
                        client.send(
                            HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    latencies.recordValue(Math.min(MAX_NANOS, System.nanoTime() - start));
                    bytes.add(response.body().length);
                    int status = response.statusCode();
                    if (status != 200 && status != 204 && status != 302) {
                      failures.increment();
                      firstFailure.compareAndSet("", status + " for " + uri);
                    }
                  } catch (IOException e) {
                    failures.increment();
                    firstFailure.compareAndSet("", e + " for " + uri);
                  }
                }
                return null;
              }));
    }
    for (Future<?> future : running) {
      future.get();
    }
    return new Result(latencies, bytes.sum(), failures.sum(), firstFailure.get());
  }

  @Override
  public void close() {
    clients.shutdownNow();
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "bench-tiles-client");
    thread.setDaemon(true);
    return thread;
  }
}
