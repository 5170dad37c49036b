package org.citytwin.cli;

import java.io.PrintStream;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Prints {@code twin bench http}'s figures: throughput and latency of both runs, the HTTP cost as a
 * ratio to the in-process baseline, errors, and each goal with whether it was met.
 */
final class BenchHttpReport {
  static final double GOAL_REQUESTS_PER_SECOND = 2_000;
  static final double GOAL_P99_MILLIS = 50;
  static final double GOAL_OVERHEAD_RATIO = 2;

  private final PrintStream out;

  BenchHttpReport(PrintStream out) {
    this.out = out;
  }

  void print(LoadDriver.Result inProcess, LoadDriver.Result http, double averagePageSize) {
    run("in-process", inProcess);
    run("http", http);
    out.printf(
        "bbox pages held %.1f buildings on average; http received %.1f MB (%.1f MB/s)%n",
        averagePageSize, http.bytes() / 1e6, http.bytes() / 1e6 / (http.elapsed().toNanos() / 1e9));
    Histogram h = http.all();
    Histogram p = inProcess.all();
    double meanRatio = h.getMean() / p.getMean();
    double p50Ratio = (double) h.getValueAtPercentile(50) / p.getValueAtPercentile(50);
    out.printf(
        "ratio http/in-process latency: mean %.2f, p50 %.2f; throughput in-process/http %.2f%n",
        meanRatio, p50Ratio, inProcess.requestsPerSecond() / http.requestsPerSecond());
    cpu("in-process", inProcess);
    cpu("http", http);
    errors("in-process", inProcess);
    errors("http", http);
    int cores = Runtime.getRuntime().availableProcessors();
    out.printf("goals (stated for 2 cores; this machine has %d):%n", cores);
    goal(
        String.format("http throughput >= %,.0f requests/s", GOAL_REQUESTS_PER_SECOND),
        String.format("%,.0f", http.requestsPerSecond()),
        http.requestsPerSecond() >= GOAL_REQUESTS_PER_SECOND);
    double p99 = millis(h.getValueAtPercentile(99));
    goal(
        String.format("http p99 < %.0f ms", GOAL_P99_MILLIS),
        String.format("%.2f ms", p99),
        p99 < GOAL_P99_MILLIS);
    goal(
        String.format("http overhead <= %.0fx in-process (mean latency)", GOAL_OVERHEAD_RATIO),
        String.format("%.2fx", meanRatio),
        meanRatio <= GOAL_OVERHEAD_RATIO);
  }

  private void run(String name, LoadDriver.Result result) {
    out.printf(
        "%-10s %,9d requests in %5.1f s: %,8.0f requests/s  %s%n",
        name,
        result.requests(),
        result.elapsed().toNanos() / 1e9,
        result.requestsPerSecond(),
        latencies(result.all()));
    for (Map.Entry<BenchRequest.Kind, Histogram> kind : result.latencies().entrySet()) {
      out.printf(
          "  %-12s %,9d requests %28s%s%n",
          kind.getKey().label(), kind.getValue().getTotalCount(), "", latencies(kind.getValue()));
    }
  }

  private static String latencies(Histogram histogram) {
    if (histogram.getTotalCount() == 0) {
      return "no requests";
    }
    return String.format(
        "p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  mean %7.2f ms",
        millis(histogram.getValueAtPercentile(50)),
        millis(histogram.getValueAtPercentile(99)),
        millis(histogram.getMaxValue()),
        histogram.getMean() / 1e6);
  }

  /**
   * CPU milliseconds per request: the server's threads, the clients (driver threads plus the client
   * library's), and the whole process, which also counts GC, JIT and, in-process, nothing else.
   */
  private void cpu(String name, LoadDriver.Result result) {
    CpuUse.Used cpu = result.cpu();
    long requests = Math.max(1, result.requests());
    if (cpu.processNanos() < 0 || result.clientCpuNanos() < 0) {
      out.printf("cpu %-10s not measurable on this JVM%n", name);
      return;
    }
    long clients = result.clientCpuNanos() + cpu.clientLibraryNanos();
    out.printf(
        "cpu %-10s per request: server threads %.3f ms, clients %.3f ms, whole process %.3f ms;"
            + " clients %.0f%% of the process%n",
        name,
        millis(cpu.serverNanos()) / requests,
        millis(clients) / requests,
        millis(cpu.processNanos()) / requests,
        100.0 * clients / Math.max(1, cpu.processNanos()));
  }

  private void errors(String name, LoadDriver.Result result) {
    out.printf("errors %-10s %d non-200%s%n", name, result.failureCount(), detail(result));
  }

  private static String detail(LoadDriver.Result result) {
    if (result.failureCount() == 0) {
      return "";
    }
    return " by status " + result.failures() + " (-1: no answer); first: " + result.firstFailure();
  }

  private void goal(String goal, String measured, boolean met) {
    out.printf("  %-48s %12s  %s%n", goal, measured, met ? "met" : "MISSED");
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
