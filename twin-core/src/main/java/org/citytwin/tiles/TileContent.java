package org.citytwin.tiles;

import java.util.List;

/**
 * One tile's triangles in glTF's frame (y up: x east, y up, z south, metres from the tile's {@link
 * EnuFrame} origin) as an indexed triangle list. Vertices are shared only where a building's
 * triangles meet at the same stored vertex with the same flat normal (the triangles of one face),
 * so each vertex still carries its face's normal.
 *
 * @param positions x, y, z per vertex
 * @param normals unit face normal per vertex, same frame
 * @param featureIds index into {@code features} per vertex
 * @param indices three vertex numbers per triangle
 * @param features the property table rows, in feature-id order
 * @param degenerateTriangles triangles left out because they have no area
 */
public record TileContent(
    float[] positions,
    float[] normals,
    float[] featureIds,
    int[] indices,
    List<BuildingFeature> features,
    int degenerateTriangles) {

  public TileContent {
    if (positions.length != normals.length
        || positions.length != featureIds.length * 3
        || indices.length % 3 != 0) {
      throw new IllegalArgumentException(
          "tile content arrays disagree: "
              + positions.length
              + " position and "
              + normals.length
              + " normal values for "
              + featureIds.length
              + " feature ids, "
              + indices.length
              + " indices");
    }
    features = List.copyOf(features);
  }

  public int vertexCount() {
    return featureIds.length;
  }
}
