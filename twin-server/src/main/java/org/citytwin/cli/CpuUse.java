package org.citytwin.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time used over one benchmark run by the server's request threads, by the client library's
 * long-lived threads, and by the whole process. On a machine shared with other work, wall-clock
 * throughput says more about the neighbours than about the code, while CPU time per request mostly
 * does not; and with clients and server in one process it shows what the clients themselves cost.
 *
 * <p>Threads are told apart by name: Jetty's pool of the server, {@code HttpClient-*} and {@code
 * bench-http-*} for the client library. The load driver's own client threads end with the run and
 * count their time themselves (see {@link LoadDriver.Result#clientCpuNanos()}).
 */
final class CpuUse {
  private static final String SERVER_THREADS = "JettyServerThreadPool";
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** What one run used, in CPU nanoseconds; -1 where the JVM cannot measure it. */
  record Used(long serverNanos, long clientLibraryNanos, long processNanos) {}

  private final Map<Long, Long> serverStart;
  private final Map<Long, Long> clientStart;
  private final long processStart;

  private CpuUse() {
    this.serverStart = threadTimes(true);
    this.clientStart = threadTimes(false);
    this.processStart = processNanos();
  }

  /** Starts counting now. */
  static CpuUse start() {
    return new CpuUse();
  }

  /** What was used since {@link #start}, by threads alive now. */
  Used stop() {
    long process = processNanos();
    return new Used(
        since(serverStart, threadTimes(true)),
        since(clientStart, threadTimes(false)),
        process < 0 || processStart < 0 ? -1 : process - processStart);
  }

  /** CPU time of the calling thread, or -1 when the JVM cannot measure it. */
  static long currentThreadNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
  }

  private static long since(Map<Long, Long> before, Map<Long, Long> after) {
    long total = 0;
    for (Map.Entry<Long, Long> thread : after.entrySet()) {
      total += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
    }
    return total;
  }

  /** CPU nanoseconds by thread id of the server's threads, or of the client library's. */
  private static Map<Long, Long> threadTimes(boolean server) {
    Map<Long, Long> times = new HashMap<>();
    if (!THREADS.isThreadCpuTimeSupported()) {
      return times;
    }
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      String name = thread.getName();
      boolean isServer = name.startsWith(SERVER_THREADS);
      boolean isClient = name.startsWith("HttpClient-") || name.startsWith("bench-http-");
      if (server ? isServer : isClient) {
        long nanos = THREADS.getThreadCpuTime(thread.getId());
        if (nanos >= 0) {
          times.put(thread.getId(), nanos);
        }
      }
    }
    return times;
  }

  private static long processNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }
}
