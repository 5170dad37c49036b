package org.citytwin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
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
 * full, into a buffer each client reuses. Latencies go to an HdrHistogram with 3 significant
 * digits.
 *
 * <p>The client is the JDK's blocking {@link HttpURLConnection}, which reads a response on the
 * calling thread through one buffered socket stream. The JDK's asynchronous {@code HttpClient},
 * used before, hands every response between its selector and executor threads and allocates a fresh
 * buffer for each read: with 300 KB GLBs that was 300-600 KB of garbage and several thread switches
 * per request, in the same JVM and on the same two cores as the server it measured. In a separate
 * JVM against the same server it took 1.7-2.1 ms at p50 where this client takes 0.5-0.7 ms
 * (docs/PERFORMANCE.md): most of the old figure was the client's.
 */
final class UrlLatency implements AutoCloseable {
  // The first request of a tileset lays out the whole city (a scan of every building): on a loaded
  // machine that took over 60 s for 102,900 buildings, and the bench gave up on it.
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final long MAX_NANOS = TimeUnit.MINUTES.toNanos(2);

  /** Each client's reused buffer for response bodies. */
  private static final int READ_BUFFER_BYTES = 64 * 1024;

  /**
   * What a run measured.
   *
   * @param failures answers other than 200 or 204, and requests that threw
   */
  record Result(Histogram latencies, long bytes, long failures, String firstFailure) {
    double millisAt(double percentile) {
      return latencies.getValueAtPercentile(percentile) / 1e6;
    }
  }

  private final ExecutorService clients;
  private final int concurrency;

  UrlLatency(int concurrency) {
    this.concurrency = concurrency;
    this.clients = Executors.newFixedThreadPool(concurrency, UrlLatency::daemon);
    // The JDK keeps at most http.maxConnections (default 5) idle connections per server for reuse;
    // more clients than that would open a new connection for some requests.
    if (System.getProperty("http.maxConnections") == null && concurrency > 5) {
      System.setProperty("http.maxConnections", Integer.toString(concurrency));
    }
  }

  /** One answer: status and body. */
  record Response(int status, byte[] body) {}

  /** One GET, its body read in full, redirects not followed. */
  Response get(String url) throws IOException {
    HttpURLConnection connection = open(URI.create(url).toURL());
    int status = connection.getResponseCode();
    try (InputStream body = body(connection, status)) {
      return new Response(status, body == null ? new byte[0] : body.readAllBytes());
    }
  }

  /**
   * Makes {@code requests} GETs in total, spread over the clients, of URLs drawn from {@code urls}.
   */
  Result run(List<String> urls, int requests, long seed)
      throws InterruptedException, ExecutionException, IOException {
    ConcurrentHistogram latencies = new ConcurrentHistogram(MAX_NANOS, 3);
    LongAdder bytes = new LongAdder();
    LongAdder failures = new LongAdder();
    AtomicReference<String> firstFailure = new AtomicReference<>("");
    List<URL> targets = new ArrayList<>();
    for (String url : urls) {
      targets.add(URI.create(url).toURL());
    }
    SplittableRandom seeds = new SplittableRandom(seed);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < concurrency; c++) {
      SplittableRandom random = seeds.split();
      byte[] scratch = new byte[READ_BUFFER_BYTES];
      int share = requests / concurrency + (c < requests % concurrency ? 1 : 0);
      running.add(
          clients.submit(
              () -> {
                for (int i = 0; i < share; i++) {
                  URL target = targets.get(random.nextInt(targets.size()));
                  long start = System.nanoTime();
                  try {
                    HttpURLConnection connection = open(target);
                    int status = connection.getResponseCode();
                    long length = drain(body(connection, status), scratch);
                    latencies.recordValue(Math.min(MAX_NANOS, System.nanoTime() - start));
                    bytes.add(length);
                    if (status != 200 && status != 204) {
                      failures.increment();
                      firstFailure.compareAndSet("", status + " for " + target);
                    }
                  } catch (IOException e) {
                    failures.increment();
                    firstFailure.compareAndSet("", e + " for " + target);
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

  /**
   * A GET of {@code url} on a kept-alive connection when one is idle: redirects not followed, no
   * {@code Accept-Encoding} (bodies as stored), the bench's long timeouts.
   */
  private static HttpURLConnection open(URL url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    connection.setInstanceFollowRedirects(false);
    connection.setUseCaches(false);
    connection.setConnectTimeout((int) TIMEOUT.toMillis());
    connection.setReadTimeout((int) TIMEOUT.toMillis());
    return connection;
  }

  /**
   * The body of an answer: the error stream for 4xx and 5xx (which must be read too, or the
   * connection is not reused), null when there is none.
   */
  private static InputStream body(HttpURLConnection connection, int status) throws IOException {
    return status >= 400 ? connection.getErrorStream() : connection.getInputStream();
  }

  /**
   * Reads {@code body} to its end into {@code scratch}, over and over, and closes it, which hands
   * the connection back for reuse; returns the number of bytes read. Every byte still crosses the
   * connection and is copied once, as a viewer would, but no array is allocated per response.
   */
  private static long drain(InputStream body, byte[] scratch) throws IOException {
    if (body == null) {
      return 0;
    }
    long total = 0;
    try (InputStream in = body) {
      for (int n = in.read(scratch); n >= 0; n = in.read(scratch)) {
        total += n;
      }
    }
    return total;
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
