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
 * barrier, not three, and the depth field is bit-identical for any thread count.
 *
 * <p>Speed: each row's state is first copied into small row buffers ({@link RowBuffers}) so every
 * inner loop reads and writes all its arrays at the same index {@code c}, from offset 0, with no
 * branch and no call left after inlining. HotSpot's C2 compiles such loops to SIMD instructions
 * (loops that mix offsets such as {@code a[c]} and {@code b[c + 1]}, or hold a branch, stay
 * scalar). Neighbours at {@code c ± 1} are shifted copies. The buffers (a few rows of a few arrays)
 * stay in the core's cache; each state array is read once and written once per step.
 */
final class BandSweep {
  private static final int RING = 3;

  private final InertialKernel k;
  private final int nc;
  private final int nr;
  private final RowBuffers b;

  /** This band's sums for the current step, reused so a step allocates nothing. */
  private double in;

  private double out;

  /** The row {@link #continuity} last worked on in this run of rows, or -2 before the first. */
  private int previousContinuityRow;

  /** Rows found dry ({@link #markDryRows}) at the start of this step; only this band's are set. */
  private final boolean[] dryRow;

  BandSweep(InertialKernel k) {
    this.k = k;
    this.nc = k.nc;
    this.nr = k.nr;
    this.b = new RowBuffers(nc);
    this.dryRow = new boolean[nr];
  }

  /**
   * Advances rows {@code [r0, r1)} by one step, writing the next state and the band's sums. With
   * {@link InertialKernel#skipDryRows} and {@link InertialKernel#quietRowsPossible()}, rows that
   * are quiet ({@link #quiet}) are not computed but get the values computing them would give (see
   * {@link #writeQuiet}); the others are swept in runs, each run like a band of its own with its
   * halo rows, which gives the same values as one sweep (the property that makes results the same
   * for any thread count).
   */
  void step(int band, int r0, int r1) {
    in = 0;
    out = 0;
    Arrays.fill(b.deepestByColumn, 0f);
    int computed = r1 - r0;
    if (!k.skipDryRows || !k.quietRowsPossible()) {
      sweep(r0, r1);
    } else {
      markDryRows(r0, r1);
      computed = 0;
      int r = r0;
      while (r < r1) {
        boolean quiet = quiet(r);
        int end = r + 1;
        while (end < r1 && quiet(end) == quiet) {
          end++;
        }
        if (quiet) {
          writeQuiet(r, end);
        } else {
          sweep(r, end);
          computed += end - r;
        }
        r = end;
      }
    }
    float deepest = 0f;
    for (float d : b.deepestByColumn) {
      deepest = Math.max(deepest, d);
    }
    k.bandIn[band] = in;
    k.bandOut[band] = out;
    k.bandMaxDepth[band] = deepest;
    k.bandComputedRows[band] = computed;
  }

  /** Sweeps rows {@code [r0, r1)}, computing the rows around them as halo. */
  private void sweep(int r0, int r1) {
    previousContinuityRow = -2;
    int first = Math.max(0, r0 - 1);
    int last = Math.min(nr - 1, r1);
    if (first > 0) {
      stageRow(first - 1);
      stageQy(first - 1);
    }
    stageRow(first);
    stageQy(first);
    stageQy(first + 1);
    horizontalFaces(first);
    for (int r = first; r <= last; r++) {
      if (r + 1 < nr) {
        stageRow(r + 1);
      }
      if (r + 2 <= nr) {
        stageQy(r + 2);
      }
      verticalFaces(r);
      horizontalFaces(r + 1);
      limiters(r);
      if (r - 1 >= r0) {
        continuity(r - 1);
      }
    }
    if (last == r1 - 1) {
      continuity(last); // the run ends at the south edge: no halo row below
    }
  }

  /**
   * Marks in {@link #dryRow} the rows of {@code [r0 - 1, r1]} (inside the grid) whose cells all
   * hold no water. The scan stops at a row's first wet cell, so wet rows cost almost nothing.
   */
  private void markDryRows(int r0, int r1) {
    float[] h = k.h;
    for (int r = Math.max(0, r0 - 1); r <= Math.min(nr - 1, r1); r++) {
      int c = r * nc;
      int end = c + nc;
      while (c < end && h[c] == 0f) {
        c++;
      }
      dryRow[r] = c == end;
    }
  }

  /**
   * Whether row {@code r} and the rows beside it hold no water (rows beyond the grid count as dry),
   * in a step with no uniform rain and no staged edge ({@link InertialKernel#quietRowsPossible()}).
   * Computing such a row gives exactly: depth 0 (its faces are all dry, h_f = 0, so every discharge
   * is 0, and nothing falls on it), discharge +0 on its vertical faces and its north face (a ±0
   * from the momentum equation's 0 factor becomes +0 in the limiter's {@code (q + |q|) / 2 · up +
   * (q − |q|) / 2 · down}), and its maxima and first-inundation times unchanged (max with 0, speed
   * 0, first-inundation candidate {@code time + NEVER = NEVER}). Edge faces of a dry cell are 0
   * except on a staged edge, which the step excludes. Inflows, stage lines and zone rain are added
   * to the depths before the step, so the cells they feed are not dry.
   */
  private boolean quiet(int r) {
    return (r == 0 || dryRow[r - 1]) && dryRow[r] && (r == nr - 1 || dryRow[r + 1]);
  }

  /** Writes what computing the quiet rows {@code [r0, r1)} would write (see {@link #quiet}). */
  private void writeQuiet(int r0, int r1) {
    Arrays.fill(k.hNext, r0 * nc, r1 * nc, 0f);
    Arrays.fill(k.qxNext, r0 * (nc + 1), r1 * (nc + 1), 0f);
    // face row r is the north face of row r; the last row also owns the grid's south edge
    Arrays.fill(k.qyNext, r0 * nc, (r1 == nr ? r1 + 1 : r1) * nc, 0f);
  }

  /** Copies row {@code r} of bed, depth, n² and open flags into its ring slot, with z + h. */
  private void stageRow(int r) {
    int s = r % RING;
    int base = r * nc;
    System.arraycopy(k.z, base, b.z[s], 0, nc);
    System.arraycopy(k.h, base, b.h[s], 0, nc);
    System.arraycopy(k.n2, base, b.n2[s], 0, nc);
    System.arraycopy(k.open, base, b.open[s], 0, nc);
    float[] z = b.z[s];
    float[] h = b.h[s];
    float[] eta = b.eta[s];
    for (int c = 0; c < nc; c++) {
      eta[c] = z[c] + h[c]; // once per cell, not once for each of its four faces
    }
  }

  /** Copies face row {@code f} of the old y-discharges into its ring slot. */
  private void stageQy(int f) {
    System.arraycopy(k.qy, f * nc, b.qy[f % RING], 0, nc);
  }

  /** Discharges on the {@code nc + 1} vertical faces of row {@code r}. */
  private void verticalFaces(int r) {
    int s = r % RING;
    float[] f = b.fx[s];
    int base = r * nc;
    int fb = r * (nc + 1);
    float[] qx = k.qx;
    f[0] = k.edgeFlux(Edge.WEST, base, nc > 1 ? base + 1 : -1, qx[fb], true);
    f[nc] = k.edgeFlux(Edge.EAST, base + nc - 1, nc > 1 ? base + nc - 2 : -1, qx[fb + nc], false);
    if (nc < 2) {
      return;
    }
    // west cell of face c is c - 1: shifted copies; east cell c is the staged row
    int m = nc - 1;
    // from the staged row, which is in this core's cache, not from the grid arrays
    System.arraycopy(b.z[s], 0, b.zW, 1, m);
    System.arraycopy(b.eta[s], 0, b.etaW, 1, m);
    System.arraycopy(b.n2[s], 0, b.n2W, 1, m);
    System.arraycopy(b.open[s], 0, b.openW, 1, m);
    System.arraycopy(qx, fb, b.q, 0, nc);
    System.arraycopy(qx, fb, b.qBefore, 1, m);
    System.arraycopy(qx, fb + 2, b.qAfter, 1, m);
    FaceRow row = b.faces;
    row.z1 = b.zW;
    row.eta1 = b.etaW;
    row.n21 = b.n2W;
    row.open1 = b.openW;
    row.z2 = b.z[s];
    row.eta2 = b.eta[s];
    row.n22 = b.n2[s];
    row.open2 = b.open[s];
    row.q = b.q;
    row.qBefore = b.qBefore;
    row.qAfter = b.qAfter;
    k.interiorFluxes(row, f, 1, nc);
  }

  /** Discharges on face row {@code face} (between rows face - 1 and face; 0 and nr are edges). */
  private void horizontalFaces(int face) {
    float[] f = b.fy[face % RING];
    if (face == 0 || face == nr) {
      float[] qy = k.qy;
      for (int c = 0; c < nc; c++) {
        f[c] =
            face == 0
                ? k.edgeFlux(Edge.NORTH, c, nr > 1 ? c + nc : -1, qy[c], true)
                : k.edgeFlux(
                    Edge.SOUTH,
                    face * nc - nc + c,
                    nr > 1 ? face * nc - 2 * nc + c : -1,
                    qy[face * nc + c],
                    false);
      }
      return;
    }
    int n = (face - 1) % RING;
    int s = face % RING;
    FaceRow row = b.faces;
    row.z1 = b.z[n];
    row.eta1 = b.eta[n];
    row.n21 = b.n2[n];
    row.open1 = b.open[n];
    row.z2 = b.z[s];
    row.eta2 = b.eta[s];
    row.n22 = b.n2[s];
    row.open2 = b.open[s];
    row.q = b.qy[face % RING];
    row.qBefore = b.qy[(face - 1) % RING];
    row.qAfter = b.qy[(face + 1) % RING];
    k.interiorFluxes(row, f, 0, nc);
  }

  /**
   * Limiters of row {@code r}: {@code min(1, h Δx / (Δt Σ q_out))}, which is 1 unless the outgoing
   * volume would exceed the cell's water (and 0 for a dry cell with no outflow, which then has
   * nothing to scale).
   */
  private void limiters(int r) {
    float[] west = b.fx[r % RING];
    System.arraycopy(west, 1, b.shifted, 0, nc);
    float[] east = b.shifted;
    float[] north = b.fy[r % RING];
    float[] south = b.fy[(r + 1) % RING];
    float[] h = b.h[r % RING];
    float[] lim = b.limit[r % RING];
    float dt = k.dtF;
    float dx = k.dxF;
    float[] outflow = b.scratch;
    for (int c = 0; c < nc; c++) {
      // (|q| ∓ q) / 2 is the outgoing part of a discharge, exactly
      outflow[c] = ((Math.abs(west[c]) - west[c]) + (Math.abs(east[c]) + east[c])) * 0.5f;
    }
    for (int c = 0; c < nc; c++) {
      // summed in pairs so that mirrored cells round identically (the scheme stays symmetric)
      outflow[c] =
          outflow[c] + ((Math.abs(north[c]) - north[c]) + (Math.abs(south[c]) + south[c])) * 0.5f;
    }
    for (int c = 0; c < nc; c++) {
      lim[c] = Math.min(1f, h[c] * dx / Math.max(outflow[c] * dt, Float.MIN_NORMAL));
    }
  }

  /** Limited discharges of row {@code r} into the next state, continuity, maxima and sums. */
  private void continuity(int r) {
    int s = r % RING;
    float[] own = b.limit[s];
    float[] west = b.fx[s];
    System.arraycopy(west, 1, b.shifted, 0, nc);
    float[] east = b.shifted;
    // the limiters of the west and east neighbours; 1 beyond the edges
    System.arraycopy(own, 0, b.limitW, 1, nc - 1);
    System.arraycopy(own, 1, b.limitE, 0, nc - 1);
    b.limitW[0] = 1f;
    b.limitE[nc - 1] = 1f;
    float[] limW = b.limitW;
    float[] limE = b.limitE;
    float[] above = r > 0 ? b.limit[(r - 1) % RING] : b.ones;
    float[] below = r < nr - 1 ? b.limit[(r + 1) % RING] : b.ones;
    float[] north = b.fy[s];
    float[] south = b.fy[(r + 1) % RING];
    float[] h = b.h[s];
    float[] open = b.open[s];
    int base = r * nc;
    System.arraycopy(k.maxDepth, base, b.maxDepth, 0, nc);
    System.arraycopy(k.maxSpeed, base, b.maxSpeed, 0, nc);
    System.arraycopy(k.firstWet, base, b.firstWet, 0, nc);
    float[] maxDepth = b.maxDepth;
    float[] maxSpeed = b.maxSpeed;
    float[] firstWet = b.firstWet;
    float[] hOut = b.hOut;
    float[] qxOut = b.qxOut;
    float dtdx = k.dtOverDxF;
    float rain = k.rainF;
    float time = (float) k.timeAfter;
    float threshold = k.thresholdF;
    float inundation = k.inundationF;
    float[] qeOut = b.qeOut;
    // one short loop per quantity: longer loops are not vectorised (see the class comment)
    for (int c = 0; c < nc; c++) {
      qxOut[c] = limited(west[c], limW[c], own[c]);
    }
    // the east face of cell c is the west face of cell c + 1, limited with the same two limiters
    System.arraycopy(qxOut, 1, qeOut, 0, nc - 1);
    float qEast = limited(west[nc], own[nc - 1], 1f);
    qeOut[nc - 1] = qEast;
    // the north face of this row is the south face of the row before, limited the same way: reuse
    // it when this sweep has just done that row (not at the first row of a band)
    if (previousContinuityRow == r - 1) {
      float[] t = b.qyOut;
      b.qyOut = b.qsOut;
      b.qsOut = t;
    } else {
      float[] fresh = b.qyOut;
      for (int c = 0; c < nc; c++) {
        fresh[c] = limited(north[c], above[c], own[c]);
      }
    }
    previousContinuityRow = r;
    float[] qyOut = b.qyOut;
    float[] qsOut = b.qsOut;
    for (int c = 0; c < nc; c++) {
      qsOut[c] = limited(south[c], own[c], below[c]);
    }
    for (int c = 0; c < nc; c++) {
      float flow = (qxOut[c] - qeOut[c]) + (qyOut[c] - qsOut[c]);
      float v = h[c] + dtdx * flow + rain * open[c];
      hOut[c] = (v + Math.abs(v)) * 0.5f; // max(0, v) exactly, cheaper than Math.max in SIMD
    }
    float[] deepestByColumn = b.deepestByColumn;
    for (int c = 0; c < nc; c++) {
      maxDepth[c] = Math.max(maxDepth[c], hOut[c]);
      deepestByColumn[c] = Math.max(deepestByColumn[c], hOut[c]);
    }
    for (int c = 0; c < nc; c++) {
      // time where depth >= inundation, else NEVER: min() keeps the first such time
      float reached = Math.min(1f, Math.max(0f, (hOut[c] - inundation) * InertialKernel.FLAG + 1f));
      firstWet[c] = Math.min(firstWet[c], time + (1f - reached) * InertialKernel.NEVER);
    }
    // cell speed from the mean face discharges, counted where depth > threshold
    float[] magnitude = b.scratch;
    for (int c = 0; c < nc; c++) {
      float ux = qxOut[c] + qeOut[c];
      float uy = qyOut[c] + qsOut[c];
      magnitude[c] = (float) Math.sqrt(ux * ux + uy * uy);
    }
    for (int c = 0; c < nc; c++) {
      float depth = hOut[c];
      float wet = Math.min(1f, Math.max(0f, (depth - threshold) * InertialKernel.FLAG));
      float speed = magnitude[c] * 0.5f / Math.max(depth, threshold);
      maxSpeed[c] = Math.max(maxSpeed[c], speed * wet);
    }
    int fb = r * (nc + 1);
    System.arraycopy(hOut, 0, k.hNext, base, nc);
    System.arraycopy(qxOut, 0, k.qxNext, fb, nc);
    System.arraycopy(qyOut, 0, k.qyNext, base, nc);
    System.arraycopy(maxDepth, 0, k.maxDepth, base, nc);
    System.arraycopy(maxSpeed, 0, k.maxSpeed, base, nc);
    System.arraycopy(firstWet, 0, k.firstWet, base, nc);
    k.qxNext[fb + nc] = qEast;
    boundary(qxOut[0]);
    boundary(-qEast);
    if (r == 0) {
      for (int c = 0; c < nc; c++) {
        boundary(qyOut[c]);
      }
    }
    if (r == nr - 1) {
      int sb = (r + 1) * nc;
      System.arraycopy(qsOut, 0, k.qyNext, sb, nc); // below is 1 here: the edge's own limiter
      for (int c = 0; c < nc; c++) {
        boundary(-qsOut[c]);
      }
    }
  }

  /**
   * A discharge scaled by the limiter of the cell it leaves: {@code q > 0 ? q·up : q·down}, as
   * {@code max(q,0)·up + min(q,0)·down}, exact and without a branch (written with {@code |q|},
   * which the JIT vectorises where it leaves {@code Math.max} with a negated operand scalar).
   */
  private static float limited(float q, float upstreamIfPositive, float upstreamIfNegative) {
    float a = Math.abs(q); // (q ± |q|) / 2 is max(q, 0) and min(q, 0), exactly
    return (q + a) * 0.5f * upstreamIfPositive + (q - a) * 0.5f * upstreamIfNegative;
  }

  /** Adds the volume of a discharge through an edge face (positive into the grid) this step. */
  private void boundary(float inward) {
    double volume = (double) inward * k.dtOverDxF * k.dx * k.dx;
    if (volume > 0) {
      in += volume;
    } else {
      out -= volume;
    }
  }

  /** The row buffers of one band; see {@link BandSweep}. */
  private static final class RowBuffers {
    // staged state rows, by row mod 3
    final float[][] z;
    final float[][] h;
    final float[][] eta;
    final float[][] n2;
    final float[][] open;
    // old y-discharges by face row mod 3
    final float[][] qy;
    // unlimited discharges: vertical faces of a row (nc + 1) and a face row (nc), by row mod 3
    final float[][] fx;
    final float[][] fy;
    // limiters by row mod 3
    final float[][] limit;
    // west neighbours of the faces of one row, and that row's old x-discharges
    final float[] zW;
    final float[] etaW;
    final float[] n2W;
    final float[] openW;
    final float[] q;
    final float[] qBefore;
    final float[] qAfter;
    // shifted copies and outputs of one row
    final float[] shifted;
    final float[] limitW;
    final float[] limitE;
    final float[] ones;
    final float[] hOut;
    final float[] qxOut;
    // swapped row by row (see continuity), so not final
    float[] qyOut;
    final float[] qeOut;
    float[] qsOut;
    final float[] maxDepth;
    final float[] maxSpeed;
    final float[] firstWet;
    final float[] scratch;
    // the deepest new depth of each column over the band's rows, reduced once per step
    final float[] deepestByColumn;
    final FaceRow faces;

    RowBuffers(int nc) {
      faces = new FaceRow(nc + 1);
      z = new float[RING][nc];
      h = new float[RING][nc];
      eta = new float[RING][nc];
      n2 = new float[RING][nc];
      open = new float[RING][nc];
      qy = new float[RING][nc];
      fx = new float[RING][nc + 1];
      fy = new float[RING][nc];
      limit = new float[RING][nc];
      zW = new float[nc];
      etaW = new float[nc];
      n2W = new float[nc];
      openW = new float[nc];
      q = new float[nc];
      qBefore = new float[nc];
      qAfter = new float[nc];
      shifted = new float[nc];
      limitW = new float[nc];
      limitE = new float[nc];
      ones = new float[nc];
      Arrays.fill(ones, 1f);
      hOut = new float[nc];
      qxOut = new float[nc];
      qyOut = new float[nc];
      qeOut = new float[nc];
      qsOut = new float[nc];
      maxDepth = new float[nc];
      maxSpeed = new float[nc];
      firstWet = new float[nc];
      scratch = new float[nc];
      deepestByColumn = new float[nc];
    }
  }
}
