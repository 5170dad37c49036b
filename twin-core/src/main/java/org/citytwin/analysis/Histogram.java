package org.citytwin.analysis;

import java.util.Arrays;
import java.util.Objects;

/**
 * Counts of values per bin. Bin {@code i} holds values {@code v} with {@code edges[i] <= v <
 * edges[i + 1]}, except the last bin, which also holds its upper edge. No values gives no bins
 * (edges and counts both empty); values that are all equal give one bin of zero width.
 *
 * @param edges {@code counts.length + 1} ascending bin edges, in the attribute's unit
 * @param counts values per bin
 */
public record Histogram(String attribute, double[] edges, long[] counts) {

  public Histogram {
    Objects.requireNonNull(attribute, "histogram attribute");
    edges = edges.clone();
    counts = counts.clone();
    if (counts.length == 0 ? edges.length != 0 : edges.length != counts.length + 1) {
      throw new IllegalArgumentException(
          "a histogram of "
              + counts.length
              + " bins needs that many + 1 edges, got "
              + edges.length);
    }
  }

  /** A copy of the edges. */
  @Override
  public double[] edges() {
    return edges.clone();
  }

  /** A copy of the counts. */
  @Override
  public long[] counts() {
    return counts.clone();
  }

  public int binCount() {
    return counts.length;
  }

  public long total() {
    return Arrays.stream(counts).sum();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Histogram h
        && attribute.equals(h.attribute)
        && Arrays.equals(edges, h.edges)
        && Arrays.equals(counts, h.counts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(attribute, Arrays.hashCode(edges), Arrays.hashCode(counts));
  }

  @Override
  public String toString() {
    return "Histogram["
        + attribute
        + ", edges="
        + Arrays.toString(edges)
        + ", counts="
        + Arrays.toString(counts)
        + "]";
  }
}
