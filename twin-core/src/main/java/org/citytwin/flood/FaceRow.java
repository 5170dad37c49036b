package org.citytwin.flood;

/**
 * The inputs of one row of faces for {@link InertialKernel#interiorFluxes}, each array holding face
 * {@code c}'s value at index {@code c}: the cells on either side ("1" west or north, "2" east or
 * south: bed, water surface z + h, n², open flag), the old discharge and its neighbours in the same
 * direction, and scratch rows. Fields are set to row buffers by {@link BandSweep} before each call.
 */
final class FaceRow {
  float[] z1;
  float[] eta1;
  float[] n21;
  float[] open1;
  float[] z2;
  float[] eta2;
  float[] n22;
  float[] open2;
  float[] q;
  float[] qBefore;
  float[] qAfter;
  final float[] hf;
  final float[] hs;
  final float[] factor;
  final float[] numerator;
  final float[] h73;

  FaceRow(int length) {
    hf = new float[length];
    hs = new float[length];
    factor = new float[length];
    numerator = new float[length];
    h73 = new float[length];
  }
}
