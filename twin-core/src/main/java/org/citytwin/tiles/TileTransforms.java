package org.citytwin.tiles;

/**
 * Column-major 4x4 rigid transforms as 3D Tiles writes them. A tile's {@code transform} is
 * multiplied onto its ancestors', so a tile whose ENU frame is known in ECEF is written relative to
 * the nearest ancestor that set a frame.
 */
final class TileTransforms {
  private TileTransforms() {}

  /**
   * The transform {@code R} with {@code parent × R = child}, for rigid transforms (a rotation and a
   * translation, as {@link EnuFrame#transform()} makes): {@code R = parent⁻¹ × child}, where the
   * inverse of a rigid transform is its transposed rotation and the translation taken back through
   * it. Computed in double precision; a viewer composes the two again in double precision.
   */
  static double[] relative(double[] parent, double[] child) {
    double[] inverse = new double[16];
    for (int row = 0; row < 3; row++) {
      for (int column = 0; column < 3; column++) {
        inverse[column * 4 + row] = parent[row * 4 + column];
      }
      inverse[12 + row] =
          -(parent[row * 4] * parent[12]
              + parent[row * 4 + 1] * parent[13]
              + parent[row * 4 + 2] * parent[14]);
    }
    inverse[15] = 1;
    return multiply(inverse, child);
  }

  /** {@code a × b}, both column-major. */
  static double[] multiply(double[] a, double[] b) {
    double[] product = new double[16];
    for (int column = 0; column < 4; column++) {
      for (int row = 0; row < 4; row++) {
        double sum = 0;
        for (int k = 0; k < 4; k++) {
          sum += a[k * 4 + row] * b[column * 4 + k];
        }
        product[column * 4 + row] = sum;
      }
    }
    return product;
  }
}
