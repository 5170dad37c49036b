package org.citytwin.flood;

/**
 * The state arrays of a run and the three passes of one time step, each over a band of rows.
 *
 * <ol>
 *   <li>{@link #fluxes}: new unit discharges on every face from the local inertial momentum
 *       equation with q-centred weighting and semi-implicit Manning friction (de Almeida et al.
 *       2012, eq. 14), into the scratch arrays.
 *   <li>{@link #limiters}: for each cell, the fraction of its outgoing discharges it can supply
 *       from its present volume, so that no depth goes negative.
 *   <li>{@link #continuity}: limited discharges are written back to the state and depths advanced
 *       by the discrete continuity equation plus rain; maxima and first-inundation times are
 *       updated and boundary volumes summed per band.
 * </ol>
 *
 * Unit discharges {@code qx} sit on the {@code ncols + 1} vertical faces of each row, positive
 * eastwards; {@code qy} on the {@code nrows + 1} horizontal faces of each column, positive
 * southwards (towards increasing row). Passes read only arrays the same pass does not write, so
 * bands never race.
 */
final class InertialKernel {
  static final double G = 9.81;
  static final int CLOSED = 0;
  static final int OPEN = 1;
  static final int STAGE = 2;

  final int nc;
  final int nr;
  final double dx;
  final double theta;
  final double threshold;
  final double inundation;
  final float[] z;
  final float[] h;
  final float[] n2;
  final boolean[] wall;
  final float[] qx;
  final float[] qy;
  final float[] qxNew;
  final float[] qyNew;
  final float[] limit;
  final float[] maxDepth;
  final float[] maxSpeed;
  final float[] firstWet;

  /** Kind of each {@link Edge} by ordinal: {@link #CLOSED}, {@link #OPEN} or {@link #STAGE}. */
  final int[] edgeKind = new int[4];

  /** Water surface elevation beyond each staged edge for the current step. */
  final double[] edgeStage = new double[4];

  final double[] bandIn;
  final double[] bandOut;
  final double[] bandMaxDepth;

  // per-step values, set by the solver before the passes
  double dt;
  double timeAfter;
  double rainDepth;

  InertialKernel(int nc, int nr, double dx, double theta, double threshold, double inundation) {
    this.nc = nc;
    this.nr = nr;
    this.dx = dx;
    this.theta = theta;
    this.threshold = threshold;
    this.inundation = inundation;
    int n = nc * nr;
    z = new float[n];
    h = new float[n];
    n2 = new float[n];
    wall = new boolean[n];
    qx = new float[nr * (nc + 1)];
    qxNew = new float[nr * (nc + 1)];
    qy = new float[(nr + 1) * nc];
    qyNew = new float[(nr + 1) * nc];
    limit = new float[n];
    maxDepth = new float[n];
    maxSpeed = new float[n];
    firstWet = new float[n];
    java.util.Arrays.fill(firstWet, Float.NaN);
    bandIn = new double[nr];
    bandOut = new double[nr];
    bandMaxDepth = new double[nr];
  }

  /** Pass 1: momentum on the faces owned by rows {@code [r0, r1)}. */
  void fluxes(int band, int r0, int r1) {
    for (int r = r0; r < r1; r++) {
      int base = r * nc;
      int fb = r * (nc + 1);
      qxNew[fb] = edgeFlux(Edge.WEST, base, nc > 1 ? base + 1 : -1, qx[fb], true);
      for (int c = 1; c < nc; c++) {
        int k = fb + c;
        qxNew[k] = faceFlux(base + c - 1, base + c, qx[k], qx[k - 1], qx[k + 1]);
      }
      qxNew[fb + nc] =
          edgeFlux(Edge.EAST, base + nc - 1, nc > 1 ? base + nc - 2 : -1, qx[fb + nc], false);
      if (r == 0) {
        for (int c = 0; c < nc; c++) {
          qyNew[c] = edgeFlux(Edge.NORTH, c, nr > 1 ? c + nc : -1, qy[c], true);
        }
      } else {
        for (int c = 0; c < nc; c++) {
          int k = base + c;
          qyNew[k] = faceFlux(k - nc, k, qy[k], qy[k - nc], qy[k + nc]);
        }
      }
      if (r == nr - 1) {
        for (int c = 0; c < nc; c++) {
          int i = base + c;
          qyNew[i + nc] = edgeFlux(Edge.SOUTH, i, nr > 1 ? i - nc : -1, qy[i + nc], false);
        }
      }
    }
  }

  /** Discharge on the face from cell {@code i} (west or north) to cell {@code j}. */
  private float faceFlux(int i, int j, float q, float qBefore, float qAfter) {
    if (wall[i] || wall[j]) {
      return 0f;
    }
    float zi = z[i];
    float zj = z[j];
    float ei = zi + h[i];
    float ej = zj + h[j];
    float hFlow = Math.max(ei, ej) - Math.max(zi, zj);
    if (hFlow <= threshold) {
      return 0f;
    }
    return momentum(q, qBefore, qAfter, hFlow, ej - ei, 0.5 * (n2[i] + n2[j]));
  }

  /**
   * de Almeida et al. (2012) eq. 14: {@code q = (θ q + (1-θ)/2 (q⁻ + q⁺) - g h Δt Δη/Δx) / (1 + g
   * n² Δt |q| / h^(7/3))}.
   */
  private float momentum(
      float q, float qBefore, float qAfter, double hFlow, double dEta, double nSquared) {
    double centred = theta * q + 0.5 * (1 - theta) * (qBefore + qAfter);
    double numerator = centred - G * hFlow * dt * dEta / dx;
    if (q == 0 || nSquared == 0) {
      return (float) numerator;
    }
    double h73 = hFlow * hFlow * cbrt(hFlow);
    // numerator / (1 + g n² Δt |q| / h^(7/3)) with one division
    return (float) (numerator * h73 / (h73 + G * nSquared * dt * Math.abs(q)));
  }

  /**
   * Cube root of a positive number: an exponent-thirding first guess refined by two Halley steps
   * (cubic convergence, from about 5 % to about 1e-12 relative), several times faster than {@link
   * Math#cbrt} and well below float precision.
   */
  static double cbrt(double x) {
    double y = Double.longBitsToDouble(Double.doubleToRawLongBits(x) / 3 + 0x2A9F7893782DA1CEL);
    double y3 = y * y * y;
    y = y * (y3 + 2 * x) / (2 * y3 + x);
    y3 = y * y * y;
    return y * (y3 + 2 * x) / (2 * y3 + x);
  }

  /**
   * Discharge through an edge face of cell {@code i}; {@code inner} is the next cell inwards (or
   * -1) and {@code ghostFirst} says whether the ghost cell lies west/north of the face.
   */
  private float edgeFlux(Edge edge, int i, int inner, float q, boolean ghostFirst) {
    int kind = edgeKind[edge.ordinal()];
    if (kind == CLOSED || wall[i]) {
      return 0f;
    }
    double zi = z[i];
    double ei = zi + h[i];
    double ghostEta;
    if (kind == STAGE) {
      ghostEta = Math.max(edgeStage[edge.ordinal()], zi);
    } else {
      double slope = inner >= 0 && !wall[inner] ? Math.max(0, (z[inner] + h[inner] - ei) / dx) : 0;
      ghostEta = ei - slope * dx;
    }
    double hFlow = Math.max(ghostEta, ei) - zi;
    if (hFlow <= threshold) {
      return 0f;
    }
    double dEta = ghostFirst ? ei - ghostEta : ghostEta - ei;
    float flux = momentum(q, q, q, hFlow, dEta, n2[i]);
    if (kind == OPEN) {
      return ghostFirst ? Math.min(flux, 0f) : Math.max(flux, 0f); // outflow only
    }
    return flux;
  }

  /** Pass 2: the fraction of each cell's outgoing discharge its volume can supply. */
  void limiters(int band, int r0, int r1) {
    for (int r = r0; r < r1; r++) {
      for (int c = 0; c < nc; c++) {
        int i = r * nc + c;
        int k = r * (nc + 1) + c;
        double out =
            Math.max(0f, -qxNew[k])
                + Math.max(0f, qxNew[k + 1])
                + Math.max(0f, -qyNew[i])
                + Math.max(0f, qyNew[i + nc]);
        double demand = out * dt;
        double supply = h[i] * dx;
        limit[i] = demand > supply ? (float) (supply / demand) : 1f;
      }
    }
  }

  private static float limited(float q, float upstreamIfPositive, float upstreamIfNegative) {
    return q > 0 ? q * upstreamIfPositive : q * upstreamIfNegative;
  }

  /** Pass 3: limited discharges back into the state, continuity, maxima, boundary volumes. */
  void continuity(int band, int r0, int r1) {
    double in = 0;
    double out = 0;
    double deepest = 0;
    double dtdx = dt / dx;
    double faceVolume = dt * dx;
    float time = (float) timeAfter;
    for (int r = r0; r < r1; r++) {
      for (int c = 0; c < nc; c++) {
        int i = r * nc + c;
        int k = r * (nc + 1) + c;
        float own = limit[i];
        float qw = limited(qxNew[k], c > 0 ? limit[i - 1] : 1f, own);
        float qe = limited(qxNew[k + 1], own, c < nc - 1 ? limit[i + 1] : 1f);
        float qn = limited(qyNew[i], r > 0 ? limit[i - nc] : 1f, own);
        float qs = limited(qyNew[i + nc], own, r < nr - 1 ? limit[i + nc] : 1f);
        qx[k] = qw;
        qy[i] = qn;
        double boundary = 0;
        if (c == 0) {
          boundary += qw;
        }
        if (c == nc - 1) {
          qx[k + 1] = qe;
          boundary -= qe;
        }
        if (r == 0) {
          boundary += qn;
        }
        if (r == nr - 1) {
          qy[i + nc] = qs;
          boundary -= qs;
        }
        if (boundary > 0) {
          in += boundary * faceVolume;
        } else {
          out -= boundary * faceVolume;
        }
        if (wall[i]) {
          continue;
        }
        float depth = (float) (h[i] + dtdx * ((qw - qe) + (qn - qs)) + rainDepth);
        if (depth < 0f) {
          depth = 0f; // only round-off can get here: the limiter keeps outflow <= volume
        }
        h[i] = depth;
        deepest = Math.max(deepest, depth);
        record(i, depth, qw, qe, qn, qs, time);
      }
    }
    bandIn[band] = in;
    bandOut[band] = out;
    bandMaxDepth[band] = deepest;
  }

  private void record(int i, float depth, float qw, float qe, float qn, float qs, float time) {
    if (depth > maxDepth[i]) {
      maxDepth[i] = depth;
    }
    if (depth >= inundation && Float.isNaN(firstWet[i])) {
      firstWet[i] = time;
    }
    if (depth > threshold) {
      float ux = qw + qe;
      float uy = qn + qs;
      float speed = (float) Math.sqrt(ux * ux + uy * uy) * 0.5f / depth;
      if (speed > maxSpeed[i]) {
        maxSpeed[i] = speed;
      }
    }
  }
}
