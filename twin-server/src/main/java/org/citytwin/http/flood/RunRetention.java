package org.citytwin.http.flood;

/**
 * How many ended flood runs a server keeps, in memory and in {@code <store>/flood/runs}: at most
 * {@code maxRuns} runs taking at most {@code maxBytes} on disk together. Beyond either, the oldest
 * ended runs (by creation time) are dropped first, except the newest, which is always kept so that
 * its results can be fetched.
 *
 * @param maxRuns ended runs kept, at least 1
 * @param maxBytes bytes their directories may take together, at least 1
 */
public record RunRetention(int maxRuns, long maxBytes) {
  /** Twenty runs, 2 GiB. */
  public static final RunRetention DEFAULT = new RunRetention(20, 2L * 1024 * 1024 * 1024);

  public RunRetention {
    if (maxRuns < 1) {
      throw new IllegalArgumentException("at least one flood run must be kept, was " + maxRuns);
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("the bytes kept for flood runs must be > 0: " + maxBytes);
    }
  }
}
