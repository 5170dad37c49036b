package org.citytwin.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.LongAdder;
import org.citytwin.http.Links;

/**
 * Sends benchmark requests to a running server with one shared {@link HttpClient} (HTTP/1.1,
 * keep-alive: each concurrent caller ends up with a pooled connection of its own) and reads every
 * response body in full, counting its bytes.
 */
final class HttpTarget implements RequestTarget, AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String itemsUrl;
  private final boolean gzip;
  private final ExecutorService executor;
  private final HttpClient client;
  private final LongAdder bytes = new LongAdder();

  /**
   * @param baseUrl the server's origin, for example {@code http://127.0.0.1:8080}
   * @param threads threads for the client's own work; as many as concurrent callers
   * @param gzip whether to ask for gzip responses, as browsers do
   */
  HttpTarget(String baseUrl, int threads, boolean gzip) {
    this.itemsUrl = baseUrl + "/api/collections/buildings/items";
    this.gzip = gzip;
    this.executor = Executors.newFixedThreadPool(threads, HttpTarget::daemon);
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .executor(executor)
            .build();
  }

  @Override
  public int send(BenchRequest request) throws IOException, InterruptedException {
    HttpRequest.Builder http = HttpRequest.newBuilder(uri(request)).timeout(TIMEOUT).GET();
    if (gzip) {
      http.header("Accept-Encoding", "gzip");
    }
    HttpResponse<Long> response = client.send(http.build(), info -> new ByteCounter());
    bytes.add(response.body());
    return response.statusCode();
  }

  @Override
  public long bytesReceived() {
    return bytes.sum();
  }

  URI uri(BenchRequest request) {
    if (request instanceof BenchRequest.BboxItems box) {
      return URI.create(
          itemsUrl
              + "?bbox="
              + RequestMix.decimal(box.minLon())
              + ","
              + RequestMix.decimal(box.minLat())
              + ","
              + RequestMix.decimal(box.maxLon())
              + ","
              + RequestMix.decimal(box.maxLat())
              + "&limit="
              + box.limit());
    }
    if (request instanceof BenchRequest.GetItem get) {
      return URI.create(itemsUrl + "/" + Links.encode(get.gmlId()));
    }
    throw new IllegalArgumentException("unknown benchmark request " + request);
  }

  /** Stops the client's threads; its idle connections close when it is collected. */
  @Override
  public void close() {
    executor.shutdownNow();
  }

  /**
   * Takes in a whole body and keeps only its length: the client still receives and decodes every
   * byte, without the array {@code ofByteArray} would copy them into (about 31 KB a response).
   */
  private static final class ByteCounter implements HttpResponse.BodySubscriber<Long> {
    private final CompletableFuture<Long> length = new CompletableFuture<>();
    private long count;

    @Override
    public CompletionStage<Long> getBody() {
      return length;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        count += buffer.remaining();
      }
    }

    @Override
    public void onError(Throwable failure) {
      length.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      length.complete(count);
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "bench-http-client");
    thread.setDaemon(true);
    return thread;
  }
}
