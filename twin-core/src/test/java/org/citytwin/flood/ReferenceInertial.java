package org.citytwin.flood;

/**
 * A plain double-precision implementation of the textbook local inertial scheme, written for
 * clarity, not speed, to judge {@link FloodSolver} against: de Almeida et al. (2012) eq. 14 for the
 * unit discharges on every face from the old state only, then continuity {@code h += Δt/Δx Σ q}.
 * Closed edges; one point inflow added to its cell's depth before each step; Δt = α Δx / √(g h_max)
 * from the depths before the inflow, as in the solver (α here is the whole coefficient: pass {@code
 * 0.7 √θ} for the solver's rule); the outgoing discharges of a cell scaled down where they would
 * take more water than it holds.
 */
final class ReferenceInertial {
  static final double G = 9.81;

  /** The solver's default cap on the step, which only acts while the domain is nearly dry. */
  static final double MAX_STEP = 10;

  final int nc;
  final int nr;
  final double dx;
  final double theta;
  final double alpha;
  final double threshold;
  final double[] z;
  final double[] n;
  double[] h;

  /** Unit discharge on the west face of cell (c, r): index r * (nc + 1) + c; positive east. */
  double[] qx;

  /** Unit discharge on the north face of cell (c, r): index r * nc + c; positive south. */
  double[] qy;

  /** Steps taken so far. */
  long steps;

  ReferenceInertial(int nc, int nr, double dx, double theta, double alpha, double[] z, double n) {
    this.nc = nc;
    this.nr = nr;
    this.dx = dx;
    this.theta = theta;
    this.alpha = alpha;
    this.threshold = 1e-3;
    this.z = z.clone();
    this.n = new double[nc * nr];
    java.util.Arrays.fill(this.n, n);
    this.h = new double[nc * nr];
    this.qx = new double[nr * (nc + 1)];
    this.qy = new double[(nr + 1) * nc];
  }

  /** Runs to {@code until} seconds from {@code from}, with {@code flow} m³/s into {@code cell}. */
  double run(double from, double until, int cell, double flow) {
    double t = from;
    while (t < until - 1e-9) {
      double hMax = threshold;
      for (double d : h) {
        hMax = Math.max(hMax, d);
      }
      double dt = Math.min(Math.min(alpha * dx / Math.sqrt(G * hMax), MAX_STEP), until - t);
      h[cell] += flow * dt / (dx * dx);
      step(dt);
      t += dt;
      steps++;
    }
    return t;
  }

  private void step(double dt) {
    double[] qxNew = new double[qx.length];
    double[] qyNew = new double[qy.length];
    for (int r = 0; r < nr; r++) {
      for (int c = 1; c < nc; c++) {
        int f = r * (nc + 1) + c;
        qxNew[f] = face(qx[f], qx[f - 1], qx[f + 1], r * nc + c - 1, r * nc + c, dt);
      }
    }
    for (int r = 1; r < nr; r++) {
      for (int c = 0; c < nc; c++) {
        int f = r * nc + c;
        qyNew[f] = face(qy[f], qy[f - nc], qy[f + nc], (r - 1) * nc + c, r * nc + c, dt);
      }
    }
    limit(qxNew, qyNew, dt);
    for (int r = 0; r < nr; r++) {
      for (int c = 0; c < nc; c++) {
        int i = r * nc + c;
        double west = qxNew[r * (nc + 1) + c];
        double east = qxNew[r * (nc + 1) + c + 1];
        double north = qyNew[r * nc + c];
        double south = qyNew[(r + 1) * nc + c];
        h[i] = Math.max(0, h[i] + dt / dx * (west - east + north - south));
      }
    }
    qx = qxNew;
    qy = qyNew;
  }

  /**
   * Scales the discharges leaving each cell so that they take out no more than the cell holds (each
   * face by the factor of the cell its water leaves), so no depth goes negative.
   */
  private void limit(double[] qxNew, double[] qyNew, double dt) {
    double[] factor = new double[nc * nr];
    for (int r = 0; r < nr; r++) {
      for (int c = 0; c < nc; c++) {
        double west = qxNew[r * (nc + 1) + c];
        double east = qxNew[r * (nc + 1) + c + 1];
        double north = qyNew[r * nc + c];
        double south = qyNew[(r + 1) * nc + c];
        double out =
            Math.max(0, -west) + Math.max(0, east) + Math.max(0, -north) + Math.max(0, south);
        int i = r * nc + c;
        factor[i] = out * dt > h[i] * dx ? h[i] * dx / (out * dt) : 1;
      }
    }
    for (int r = 0; r < nr; r++) {
      for (int c = 1; c < nc; c++) {
        int f = r * (nc + 1) + c;
        qxNew[f] *= factor[qxNew[f] > 0 ? r * nc + c - 1 : r * nc + c];
      }
    }
    for (int r = 1; r < nr; r++) {
      for (int c = 0; c < nc; c++) {
        int f = r * nc + c;
        qyNew[f] *= factor[qyNew[f] > 0 ? (r - 1) * nc + c : r * nc + c];
      }
    }
  }

  /** de Almeida et al. (2012) eq. 14 on the face from cell {@code a} to cell {@code b}. */
  private double face(double q, double qBefore, double qAfter, int a, int b, double dt) {
    double etaA = z[a] + h[a];
    double etaB = z[b] + h[b];
    double hf = Math.max(etaA, etaB) - Math.max(z[a], z[b]);
    if (hf <= threshold) {
      return 0;
    }
    double n2 = 0.5 * (n[a] * n[a] + n[b] * n[b]);
    double centred = theta * q + 0.5 * (1 - theta) * (qBefore + qAfter);
    double numerator = centred - G * hf * dt * (etaB - etaA) / dx;
    return numerator / (1 + G * dt * n2 * Math.abs(q) / Math.pow(hf, 7.0 / 3));
  }
}
