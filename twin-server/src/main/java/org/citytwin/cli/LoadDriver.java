package org.citytwin.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.citytwin.store.StoreException;

/**
 * Drives a {@link RequestTarget} with concurrent clients, each a closed loop (send, wait for the
 * whole answer, send the next), taking requests in order from one shared sequence, so that two runs
 * with the same sequence make the same requests. Latencies go to HdrHistograms (3 significant
 * digits), one per kind of request.
 *
 * <p>A closed loop waits for slow answers before sending more, so under overload its percentiles
 * understate what an open stream of users would see (coordinated omission); throughput is exact.
 */
final class LoadDriver {
  /** Latencies above this (the HTTP timeout is 30 s) are recorded as this. */
  private static final long MAX_NANOS = TimeUnit.MINUTES.toNanos(2);

  /** When a run stops: once its time is up or once it has sent its requests, whichever is first. */
  record Budget(Duration duration, long requests) {
    Budget {
      if (duration.isNegative() || requests < 0) {
        throw new IllegalArgumentException(
            "a budget must not be negative, was " + duration + " and " + requests + " requests");
      }
    }

    static Budget of(Duration duration) {
      return new Budget(duration, Long.MAX_VALUE);
    }

    static Budget ofRequests(long requests) {
      return new Budget(Duration.ofDays(365), requests);
    }
  }

  /**
   * A run's figures.
   *
   * @param failures count of non-200 answers by status; -1 for requests that failed with an
   *     exception
   * @param firstFailure what the first failure was, or empty
   * @param clientCpuNanos CPU time of the driver's client threads over the run (for an in-process
   *     target that includes the store calls; over HTTP, building requests and waiting on the
   *     client library), -1 when the JVM cannot measure it
   * @param cpu what the process and its server and client-library threads used over the run
   */
  record Result(
      Duration elapsed,
      Map<BenchRequest.Kind, Histogram> latencies,
      SortedMap<Integer, Long> failures,
      String firstFailure,
      long bytes,
      long clientCpuNanos,
      CpuUse.Used cpu) {

    long requests() {
      return all().getTotalCount();
    }

    double requestsPerSecond() {
      return requests() / (elapsed.toNanos() / 1e9);
    }

    long failureCount() {
      return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every request's latency in nanoseconds. */
    Histogram all() {
      Histogram all = new Histogram(MAX_NANOS, 3);
      latencies.values().forEach(all::add);
      return all;
    }
  }

  private final RequestTarget target;
  private final List<BenchRequest> requests;
  private final int clients;

  LoadDriver(RequestTarget target, List<BenchRequest> requests, int clients) {
    if (requests.isEmpty() || clients < 1) {
      throw new IllegalArgumentException(
          "need requests and clients >= 1, was " + requests.size() + " and " + clients);
    }
    this.target = target;
    this.requests = List.copyOf(requests);
    this.clients = clients;
  }

  Result run(Budget budget) throws InterruptedException {
    Run run = new Run(budget);
    long bytesBefore = target.bytesReceived();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      CpuUse cpu = CpuUse.start();
      long start = System.nanoTime();
      run.deadline = start + budget.duration().toNanos();
      List<Future<Void>> futures = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        futures.add(pool.submit(run::client));
      }
      for (Future<Void> future : futures) {
        await(future);
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      return run.result(elapsed, target.bytesReceived() - bytesBefore, cpu.stop());
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(Future<Void> future) throws InterruptedException {
    try {
      future.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a benchmark client failed: " + e.getCause(), e.getCause());
    }
  }

  /** The shared state of one run. */
  private final class Run {
    private final Budget budget;
    private final AtomicLong next = new AtomicLong();
    private final Map<BenchRequest.Kind, ConcurrentHistogram> latencies =
        new EnumMap<>(BenchRequest.Kind.class);
    private final Map<Integer, LongAdder> failures = new ConcurrentHashMap<>();
    private final AtomicReference<String> firstFailure = new AtomicReference<>("");
    private final LongAdder clientCpuNanos = new LongAdder();
    private volatile boolean cpuMeasured = true;
    private volatile long deadline;

    Run(Budget budget) {
      this.budget = budget;
      for (BenchRequest.Kind kind : BenchRequest.Kind.values()) {
        latencies.put(kind, new ConcurrentHistogram(MAX_NANOS, 3));
      }
    }

    Void client() throws InterruptedException {
      long cpuStart = CpuUse.currentThreadNanos();
      try {
        loop();
      } finally {
        long cpuEnd = CpuUse.currentThreadNanos();
        if (cpuStart < 0 || cpuEnd < 0) {
          cpuMeasured = false;
        }
        clientCpuNanos.add(cpuEnd - cpuStart);
      }
      return null;
    }

    private void loop() throws InterruptedException {
      while (true) {
        long index = next.getAndIncrement();
        if (index >= budget.requests() || System.nanoTime() - deadline >= 0) {
          return;
        }
        BenchRequest request = requests.get((int) (index % requests.size()));
        long start = System.nanoTime();
        int status = send(request);
        long nanos = System.nanoTime() - start;
        latencies.get(request.kind()).recordValue(Math.min(Math.max(nanos, 1), MAX_NANOS));
        if (status != 200) {
          failures.computeIfAbsent(status, s -> new LongAdder()).increment();
          firstFailure.compareAndSet("", "HTTP " + status + " for " + request);
        }
      }
    }

    private int send(BenchRequest request) throws InterruptedException {
      try {
        return target.send(request);
      } catch (IOException | StoreException | RuntimeException e) {
        firstFailure.compareAndSet("", e + " for " + request);
        return -1;
      }
    }

    Result result(Duration elapsed, long bytes, CpuUse.Used cpu) {
      SortedMap<Integer, Long> counts = new TreeMap<>();
      failures.forEach((status, count) -> counts.put(status, count.sum()));
      Map<BenchRequest.Kind, Histogram> copies = new EnumMap<>(BenchRequest.Kind.class);
      latencies.forEach((kind, histogram) -> copies.put(kind, histogram.copy()));
      return new Result(
          elapsed,
          Collections.unmodifiableMap(copies),
          Collections.unmodifiableSortedMap(counts),
          firstFailure.get(),
          bytes,
          cpuMeasured ? clientCpuNanos.sum() : -1,
          cpu);
    }
  }
}
