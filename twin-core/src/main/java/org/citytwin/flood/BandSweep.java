package org.citytwin.flood;

import java.util.Arrays;

/**
 * One time step over one band of rows in a single sweep: for each row, the unlimited discharges on
 * its faces, the limiter of each cell (the fraction of its outgoing discharge its volume can
 * supply, so no depth goes negative), then, one row behind, continuity with the limited discharges,
 * maxima and first-inundation times.
 *
 * <p>A cell's new depth needs the limiters of its neighbours, which need the discharges one row
 * further out. The sweep therefore also computes the discharges and limiters of the row just
 * outside each end of its band (a halo, from the same old state with the same arithmetic, so the
 * values equal the neighbouring band's) instead of waiting for the other band: a step needs one
 * barrier, not three, and the depth field is bit-identical for any thread count. Discharges and
 * limiters live in three-row rings that stay in the core's cache; each state array is read once and
 * written once per step.
 */
final class BandSweep {
  private static final int RING = 3;

  private final InertialKernel k;
  private final int nc;
  private final int nr;

  /** Unlimited discharges on the vertical faces of a row ({@code nc + 1} each), by row mod 3. */
  private final float[][] fx;

  /** Unlimited discharges on a row of horizontal faces ({@code nc} each), by face row mod 3. */
  private final float[][] fy;

  /**
   * Limiters of a row by row mod 3, padded: cell c at index c + 1, and 1 at both ends (water
   * entering through an edge face is not limited by the grid).
   */
  private final float[][] limit;

  /** Limiters beyond the north and south edges: all 1. */
  private final float[] ones;

  /** This band's sums for the current step, reused so a step allocates nothing. */
  private final Totals totals = new Totals();

  BandSweep(InertialKernel k) {
    this.k = k;
    this.nc = k.nc;
    this.nr = k.nr;
    fx = new float[RING][nc + 1];
    fy = new float[RING][nc];
    limit = new float[RING][nc + 2];
    for (float[] l : limit) {
      l[0] = 1f;
      l[nc + 1] = 1f;
    }
    ones = new float[nc + 2];
    Arrays.fill(ones, 1f);
  }

  /** Advances rows {@code [r0, r1)} by one step, writing the next state and the band's sums. */
  void step(int band, int r0, int r1) {
    int first = Math.max(0, r0 - 1);
    int last = Math.min(nr - 1, r1);
    totals.clear();
    horizontalFaces(first, fy[first % RING]);
    for (int r = first; r <= last; r++) {
      verticalFaces(r, fx[r % RING]);
      horizontalFaces(r + 1, fy[(r + 1) % RING]);
      limiters(r);
      if (r - 1 >= r0) {
        continuity(r - 1, totals);
      }
    }
    if (last == r1 - 1) {
      continuity(last, totals); // the band ends at the south edge: no halo row below
    }
    k.bandIn[band] = totals.in;
    k.bandOut[band] = totals.out;
    k.bandMaxDepth[band] = totals.deepest;
  }

  /** Discharges on the {@code nc + 1} vertical faces of row {@code r}. */
  private void verticalFaces(int r, float[] f) {
    float[] qx = k.qx;
    float[] h = k.h;
    int base = r * nc;
    int fb = r * (nc + 1);
    f[0] = k.edgeFlux(Edge.WEST, base, nc > 1 ? base + 1 : -1, qx[fb], true);
    for (int c = 1; c < nc; c++) {
      int q = fb + c;
      f[c] = k.faceFlux(h, base + c - 1, base + c, qx[q], qx[q - 1], qx[q + 1]);
    }
    f[nc] = k.edgeFlux(Edge.EAST, base + nc - 1, nc > 1 ? base + nc - 2 : -1, qx[fb + nc], false);
  }

  /** Discharges on face row {@code face} (between rows face - 1 and face; 0 and nr are edges). */
  private void horizontalFaces(int face, float[] f) {
    float[] qy = k.qy;
    float[] h = k.h;
    int base = face * nc;
    if (face == 0) {
      for (int c = 0; c < nc; c++) {
        f[c] = k.edgeFlux(Edge.NORTH, c, nr > 1 ? c + nc : -1, qy[c], true);
      }
    } else if (face == nr) {
      for (int c = 0; c < nc; c++) {
        int i = base - nc + c;
        f[c] = k.edgeFlux(Edge.SOUTH, i, nr > 1 ? i - nc : -1, qy[base + c], false);
      }
    } else {
      for (int c = 0; c < nc; c++) {
        int q = base + c;
        f[c] = k.faceFlux(h, q - nc, q, qy[q], qy[q - nc], qy[q + nc]);
      }
    }
  }

  /** Limiters of row {@code r}: 1 unless the outgoing volume would exceed the cell's water. */
  private void limiters(int r) {
    float[] west = fx[r % RING];
    float[] north = fy[r % RING];
    float[] south = fy[(r + 1) % RING];
    float[] lim = limit[r % RING];
    float[] h = k.h;
    double dt = k.dt;
    double dx = k.dx;
    int base = r * nc;
    for (int c = 0; c < nc; c++) {
      // twice the outgoing discharge: q + |q| is 2 max(q, 0) exactly, without a branch
      float w = -west[c];
      float e = west[c + 1];
      float n = -north[c];
      float s = south[c];
      double out =
          0.5 * ((w + Math.abs(w)) + (e + Math.abs(e)) + (n + Math.abs(n)) + (s + Math.abs(s)));
      double demand = out * dt;
      double supply = h[base + c] * dx;
      lim[c + 1] = demand > supply ? (float) (supply / demand) : 1f;
    }
  }

  /**
   * A discharge scaled by the limiter of the cell it leaves: {@code q > 0 ? q·up : q·down}, as
   * {@code max(q,0)·up + min(q,0)·down} with {@code (q ± |q|)/2}, exact and without a branch the
   * processor would mispredict wherever the flow direction varies.
   */
  private static float limited(float q, float upstreamIfPositive, float upstreamIfNegative) {
    float a = Math.abs(q);
    return (q + a) * 0.5f * upstreamIfPositive + (q - a) * 0.5f * upstreamIfNegative;
  }

  /** Limited discharges of row {@code r} into the next state, continuity, maxima and sums. */
  private void continuity(int r, Totals totals) {
    float[] west = fx[r % RING];
    float[] north = fy[r % RING];
    float[] south = fy[(r + 1) % RING];
    float[] above = r > 0 ? limit[(r - 1) % RING] : ones;
    float[] own = limit[r % RING];
    float[] below = r < nr - 1 ? limit[(r + 1) % RING] : ones;
    float[] h = k.h;
    float[] hNext = k.hNext;
    float[] qxNext = k.qxNext;
    float[] qyNext = k.qyNext;
    boolean[] wall = k.wall;
    double dtdx = k.dt / k.dx;
    double rain = k.rainDepth;
    float time = (float) k.timeAfter;
    int base = r * nc;
    int fb = r * (nc + 1);
    double deepest = totals.deepest;
    for (int c = 0; c < nc; c++) {
      int i = base + c;
      float lc = own[c + 1];
      float qw = limited(west[c], own[c], lc);
      float qe = limited(west[c + 1], lc, own[c + 2]);
      float qn = limited(north[c], above[c + 1], lc);
      float qs = limited(south[c], lc, below[c + 1]);
      qxNext[fb + c] = qw;
      qyNext[base + c] = qn;
      if (wall[i]) {
        hNext[i] = 0f;
        continue;
      }
      float depth = (float) (h[i] + dtdx * ((qw - qe) + (qn - qs)) + rain);
      if (depth < 0f) {
        depth = 0f; // only round-off can get here: the limiter keeps outflow <= volume
      }
      hNext[i] = depth;
      deepest = Math.max(deepest, depth);
      record(i, depth, qw, qe, qn, qs, time);
    }
    totals.deepest = deepest;
    float qEast = limited(west[nc], own[nc], 1f);
    qxNext[fb + nc] = qEast;
    totals.add(qxNext[fb], k);
    totals.add(-qEast, k);
    if (r == 0) {
      for (int c = 0; c < nc; c++) {
        totals.add(qyNext[c], k);
      }
    }
    if (r == nr - 1) {
      int sb = (r + 1) * nc;
      for (int c = 0; c < nc; c++) {
        float qs = limited(south[c], own[c + 1], 1f);
        qyNext[sb + c] = qs;
        totals.add(-qs, k);
      }
    }
  }

  private void record(int i, float depth, float qw, float qe, float qn, float qs, float time) {
    float[] maxDepth = k.maxDepth;
    if (depth > maxDepth[i]) {
      maxDepth[i] = depth;
    }
    if (depth >= k.inundation && Float.isNaN(k.firstWet[i])) {
      k.firstWet[i] = time;
    }
    if (depth > k.threshold) {
      float ux = qw + qe;
      float uy = qn + qs;
      float squared = ux * ux + uy * uy;
      float reach = 2 * k.maxSpeed[i] * depth;
      // the square root and division only where the speed may be a new maximum: the test
      // squared > reach² is the exact one without rounding; the margin keeps it conservative
      if (squared >= 0.999f * reach * reach) {
        float speed = (float) Math.sqrt(squared) * 0.5f / depth;
        if (speed > k.maxSpeed[i]) {
          k.maxSpeed[i] = speed;
        }
      }
    }
  }

  /** Boundary volumes and the deepest cell of one band in one step. */
  private static final class Totals {
    double in;
    double out;
    double deepest;

    void clear() {
      in = 0;
      out = 0;
      deepest = 0;
    }

    /** A discharge through an edge face, positive into the grid. */
    void add(float inward, InertialKernel k) {
      double volume = inward * k.dt * k.dx;
      if (volume > 0) {
        in += volume;
      } else {
        out -= volume;
      }
    }
  }
}
