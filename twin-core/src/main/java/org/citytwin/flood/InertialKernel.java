package org.citytwin.flood;

/**
 * The state of a run and the physics of one face: the local inertial momentum equation with
 * q-centred weighting and semi-implicit Manning friction (de Almeida et al. 2012, eq. 14) on
 * interior faces and on the grid's edges. {@link BandSweep} applies it to a band of rows.
 *
 * <p>Unit discharges {@code qx} sit on the {@code ncols + 1} vertical faces of each row, positive
 * eastwards; {@code qy} on the {@code nrows + 1} horizontal faces of each column, positive
 * southwards (towards increasing row). Depth and discharges are double-buffered: a step reads
 * {@link #h}, {@link #qx}, {@link #qy} and writes {@link #hNext}, {@link #qxNext}, {@link #qyNext};
 * {@link #swap()} then makes the new state current. So bands never read what another band writes in
 * the same step, and one barrier per step is enough.
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
  final float[] n2;
  final boolean[] wall;
  final float[] maxDepth;
  final float[] maxSpeed;
  final float[] firstWet;

  // current state (read by a step) and next state (written by it); swapped after each step
  float[] h;
  float[] qx;
  float[] qy;
  float[] hNext;
  float[] qxNext;
  float[] qyNext;

  /** Kind of each {@link Edge} by ordinal: {@link #CLOSED}, {@link #OPEN} or {@link #STAGE}. */
  final int[] edgeKind = new int[4];

  /** Water surface elevation beyond each staged edge for the current step. */
  final double[] edgeStage = new double[4];

  final double[] bandIn;
  final double[] bandOut;
  final double[] bandMaxDepth;

  /** (1 − θ) / 2: the weight of the two neighbouring discharges in the q-centred scheme. */
  private final double sideWeight;

  // per-step values, set by beginStep before the step
  double dt;
  double timeAfter;
  double rainDepth;
  private double gDtOverDx;
  private double gDt;

  InertialKernel(int nc, int nr, double dx, double theta, double threshold, double inundation) {
    this.nc = nc;
    this.nr = nr;
    this.dx = dx;
    this.theta = theta;
    this.sideWeight = 0.5 * (1 - theta);
    this.threshold = threshold;
    this.inundation = inundation;
    int n = nc * nr;
    z = new float[n];
    h = new float[n];
    hNext = new float[n];
    n2 = new float[n];
    wall = new boolean[n];
    qx = new float[nr * (nc + 1)];
    qxNext = new float[nr * (nc + 1)];
    qy = new float[(nr + 1) * nc];
    qyNext = new float[(nr + 1) * nc];
    maxDepth = new float[n];
    maxSpeed = new float[n];
    firstWet = new float[n];
    java.util.Arrays.fill(firstWet, Float.NaN);
    bandIn = new double[nr];
    bandOut = new double[nr];
    bandMaxDepth = new double[nr];
  }

  /** Makes the state written by the last step current. Called between steps, never during. */
  void swap() {
    float[] t = h;
    h = hNext;
    hNext = t;
    t = qx;
    qx = qxNext;
    qxNext = t;
    t = qy;
    qy = qyNext;
    qyNext = t;
  }

  /** Discharge on the face from cell {@code i} (west or north) to cell {@code j}. */
  float faceFlux(float[] h, int i, int j, float q, float qBefore, float qAfter) {
    if (wall[i] | wall[j]) {
      return 0f;
    }
    float zi = z[i];
    float zj = z[j];
    float ei = zi + h[i];
    float ej = zj + h[j];
    float hFlow = (ei > ej ? ei : ej) - (zi > zj ? zi : zj);
    if (hFlow <= threshold) {
      return 0f;
    }
    return momentum(q, qBefore, qAfter, hFlow, ej - ei, 0.5 * (n2[i] + n2[j]));
  }

  /** Sets the per-step values and the momentum equation's constants that depend on Δt. */
  void beginStep(double stepSeconds, double timeAfterStep, double rainDepthMetres) {
    dt = stepSeconds;
    timeAfter = timeAfterStep;
    rainDepth = rainDepthMetres;
    gDtOverDx = G * stepSeconds / dx;
    gDt = G * stepSeconds;
  }

  /**
   * de Almeida et al. (2012) eq. 14: {@code q = (θ q + (1-θ)/2 (q⁻ + q⁺) - g h Δt Δη/Δx) / (1 + g
   * n² Δt |q| / h^(7/3))}, with {@code h^(-7/3)} as the seventh power of {@link #inverseCbrt} (no
   * division but the one in the friction term).
   */
  private float momentum(
      float q, float qBefore, float qAfter, double hFlow, double dEta, double nSquared) {
    double centred = theta * q + sideWeight * (qBefore + qAfter);
    double numerator = centred - gDtOverDx * hFlow * dEta;
    if (q == 0 || nSquared == 0) {
      return (float) numerator;
    }
    double r = inverseCbrt(hFlow);
    double r2 = r * r;
    double r7 = r2 * r2 * r2 * r;
    return (float) (numerator / (1 + gDt * nSquared * Math.abs(q) * r7));
  }

  /**
   * {@code x^(-1/3)} for a positive x: an exponent-thirding first guess (within 3.5 %) refined by
   * four Newton steps {@code r ← r (4 − x r³) / 3}, which converge quadratically to about 1e-15
   * relative and need no division, several times faster than {@link Math#cbrt}.
   */
  static double inverseCbrt(double x) {
    double r = Double.longBitsToDouble(0x553ef0ff289dd796L - Double.doubleToRawLongBits(x) / 3);
    double third = x * (1.0 / 3);
    r = r * (4.0 / 3 - third * (r * r * r));
    r = r * (4.0 / 3 - third * (r * r * r));
    r = r * (4.0 / 3 - third * (r * r * r));
    return r * (4.0 / 3 - third * (r * r * r));
  }

  /** Cube root of a positive number from {@link #inverseCbrt}: {@code x · (x^(-1/3))²}. */
  static double cbrt(double x) {
    double r = inverseCbrt(x);
    return x * r * r;
  }

  /**
   * Discharge through an edge face of cell {@code i}; {@code inner} is the next cell inwards (or
   * -1) and {@code ghostFirst} says whether the ghost cell lies west/north of the face.
   */
  float edgeFlux(Edge edge, int i, int inner, float q, boolean ghostFirst) {
    int kind = edgeKind[edge.ordinal()];
    if (kind == CLOSED || wall[i]) {
      return 0f;
    }
    float[] h = this.h;
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
}
