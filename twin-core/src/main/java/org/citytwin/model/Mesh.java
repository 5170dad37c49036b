package org.citytwin.model;

/**
 * A triangle mesh in the canonical frame, ready for tiling: {@code positions} holds {@code lon,
 * lat, h} per vertex, {@code indices} three vertex indices per triangle, counter-clockwise seen
 * from outside where the source orientation allows. Arrays are owned by the mesh once given.
 */
public record Mesh(int lod, double[] positions, int[] indices) {

  public Mesh {
    if (positions.length % 3 != 0 || indices.length % 3 != 0) {
      throw new IllegalArgumentException(
          "mesh needs xyz triples and index triples, got "
              + positions.length
              + " coordinates and "
              + indices.length
              + " indices");
    }
    int vertexCount = positions.length / 3;
    for (int index : indices) {
      if (index < 0 || index >= vertexCount) {
        throw new IllegalArgumentException(
            "mesh index " + index + " outside 0.." + (vertexCount - 1));
      }
    }
  }

  public int vertexCount() {
    return positions.length / 3;
  }

  public int triangleCount() {
    return indices.length / 3;
  }
}
