package org.citytwin.model;

import java.util.List;
import java.util.Objects;

/**
 * A planar polygon in the canonical frame. Each ring is a flat array {@code lon, lat, h, lon, lat,
 * h, ...} with the closing vertex not repeated; the first ring is the exterior, the rest holes.
 * Arrays are owned by the polygon once given: callers must not change them.
 */
public record Polygon3D(List<double[]> rings) {

  public Polygon3D {
    Objects.requireNonNull(rings, "rings");
    if (rings.isEmpty()) {
      throw new IllegalArgumentException("a polygon needs an exterior ring");
    }
    for (double[] ring : rings) {
      if (ring.length % 3 != 0) {
        throw new IllegalArgumentException(
            "ring coordinates must come in lon,lat,h triples, got " + ring.length + " values");
      }
    }
    rings = List.copyOf(rings);
  }

  public double[] exterior() {
    return rings.get(0);
  }

  public int vertexCount() {
    int count = 0;
    for (double[] ring : rings) {
      count += ring.length / 3;
    }
    return count;
  }
}
