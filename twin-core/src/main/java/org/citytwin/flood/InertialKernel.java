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

  /**
   * Multiplier that turns a difference of two floats into an exact 0/1 flag with {@code min(1,
   * max(0, d · FLAG))}: any nonzero difference of floats of 1e-6 or more is at least 1e-13 in size,
   * times 1e38 well above 1 (and an overflow to infinity still clamps to 1).
   */
  static final float FLAG = 1e38f;

  /**
   * First-inundation time of a cell never inundated (reported as NaN): a finite value so that
   * {@code time + NEVER} rounds to exactly NEVER for any simulated time.
   */
  static final float NEVER = 1e30f;

  final int nc;
  final int nr;
  final double dx;
  final double theta;
  final double threshold;
  final double inundation;
  final float[] z;
  final float[] n2;
  final boolean[] wall;

  /** 1 for a cell that holds water, 0 for a wall: multiplies fluxes and rain without a branch. */
  final float[] open;

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

  /** Rows of each band computed in the last step (not counting halo rows). */
  final int[] bandComputedRows;

  /**
   * Whether {@link BandSweep} may leave out rows that stay dry (results bit for bit the same; off
   * only to test exactly that).
   */
  boolean skipDryRows = true;

  /** (1 − θ) / 2: the weight of the two neighbouring discharges in the q-centred scheme. */
  private final double sideWeight;

  // per-step values, set by beginStep before the step
  double dt;
  double timeAfter;
  private double gDtOverDx;
  private double gDt;

  // the same in float for the interior faces and continuity (see BandSweep)
  float thetaF;
  float sideWeightF;
  float gDtOverDxF;
  float halfGDtF;
  float dtF;
  float dxF;
  float dtOverDxF;
  float rainF;

  /** The largest float not above {@link #threshold}: {@code hf > threshold ⇔ hf > thresholdF}. */
  final float thresholdF;

  /** The smallest float not below {@link #inundation}: {@code h ≥ inundation ⇔ h ≥ inundationF}. */
  final float inundationF;

  InertialKernel(int nc, int nr, double dx, double theta, double threshold, double inundation) {
    this.nc = nc;
    this.nr = nr;
    this.dx = dx;
    this.theta = theta;
    this.sideWeight = 0.5 * (1 - theta);
    float t = (float) threshold;
    this.thresholdF = t > threshold ? Math.nextDown(t) : t;
    float w = (float) inundation;
    this.inundationF = w < inundation ? Math.nextUp(w) : w;
    this.thetaF = (float) theta;
    this.sideWeightF = (float) sideWeight;
    this.dxF = (float) dx;
    this.threshold = threshold;
    this.inundation = inundation;
    int n = nc * nr;
    z = new float[n];
    h = new float[n];
    hNext = new float[n];
    n2 = new float[n];
    wall = new boolean[n];
    open = new float[n];
    qx = new float[nr * (nc + 1)];
    qxNext = new float[nr * (nc + 1)];
    qy = new float[(nr + 1) * nc];
    qyNext = new float[(nr + 1) * nc];
    maxDepth = new float[n];
    maxSpeed = new float[n];
    firstWet = new float[n];
    java.util.Arrays.fill(firstWet, NEVER);
    bandIn = new double[nr];
    bandOut = new double[nr];
    bandMaxDepth = new double[nr];
    bandComputedRows = new int[nr];
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

  /**
   * Whether this step can have quiet rows ({@link BandSweep}): not under uniform rain, which wets
   * every open cell, nor with a staged edge, whose stage can flow onto dry cells.
   */
  boolean quietRowsPossible() {
    if (rainF != 0f) {
      return false;
    }
    for (int kind : edgeKind) {
      if (kind == STAGE) {
        return false;
      }
    }
    return true;
  }

  /** Sets the per-step values and the momentum equation's constants that depend on Δt. */
  void beginStep(double stepSeconds, double timeAfterStep, double rainDepthMetres) {
    dt = stepSeconds;
    timeAfter = timeAfterStep;
    gDtOverDx = G * stepSeconds / dx;
    gDt = G * stepSeconds;
    gDtOverDxF = (float) gDtOverDx;
    halfGDtF = (float) (0.5 * gDt);
    dtF = (float) stepSeconds;
    dtOverDxF = (float) (stepSeconds / dx);
    rainF = (float) rainDepthMetres;
  }

  /**
   * The momentum equation of {@link #momentum} on interior faces {@code [from, to)} of a row, in
   * float and without a branch, into {@code flux}: every array holds the values of face {@code c}
   * at index {@code c} (west/north cell "1", east/south cell "2", their beds and water surfaces
   * {@code z + h}; the old discharge and its two neighbours in the same direction), so the three
   * short loops compile to SIMD instructions (a single long loop is not vectorised by HotSpot).
   * Walls and dry faces (h_f ≤ threshold) give exactly 0 through 0/1 factors; {@code h^(7/3)} comes
   * from {@link #cbrtFloat}. {@code hs} and {@code numerator} are scratch rows.
   */
  void interiorFluxes(FaceRow in, float[] flux, int from, int to) {
    float[] z1 = in.z1;
    float[] eta1 = in.eta1;
    float[] z2 = in.z2;
    float[] eta2 = in.eta2;
    float[] q = in.q;
    float[] hf = in.hf;
    float[] hs = in.hs;
    float[] factor = in.factor;
    float[] numerator = in.numerator;
    float threshold = thresholdF;
    for (int c = from; c < to; c++) {
      hf[c] = Math.max(eta1[c], eta2[c]) - Math.max(z1[c], z2[c]);
    }
    float[] open1 = in.open1;
    float[] open2 = in.open2;
    for (int c = from; c < to; c++) {
      factor[c] = Math.min(1f, Math.max(0f, (hf[c] - threshold) * FLAG)) * open1[c] * open2[c];
    }
    for (int c = from; c < to; c++) {
      hs[c] = Math.max(hf[c], threshold); // > 0: no division by zero on dry faces
    }
    float[] qBefore = in.qBefore;
    float[] qAfter = in.qAfter;
    float thetaF = this.thetaF;
    float side = sideWeightF;
    for (int c = from; c < to; c++) {
      numerator[c] = thetaF * q[c] + side * (qBefore[c] + qAfter[c]);
    }
    float slope = gDtOverDxF;
    for (int c = from; c < to; c++) {
      numerator[c] = (numerator[c] - slope * hs[c] * (eta2[c] - eta1[c])) * factor[c];
    }
    float[] h73 = in.h73;
    cbrtRow(hs, h73, hf, from, to);
    for (int c = from; c < to; c++) {
      h73[c] = hs[c] * hs[c] * h73[c];
    }
    float[] n21 = in.n21;
    float[] n22 = in.n22;
    float friction = halfGDtF;
    for (int c = from; c < to; c++) {
      float h = h73[c];
      flux[c] = numerator[c] * h / (h + friction * (n21[c] + n22[c]) * Math.abs(q[c]));
    }
  }

  /**
   * {@link #cbrtFloat} of {@code x[from, to)} into {@code y}, bit for bit the same, as one short
   * loop per stage: C2 unrolls, and therefore vectorises, only loops with few operations. {@code
   * scratch} is overwritten.
   */
  static void cbrtRow(float[] x, float[] y, float[] scratch, int from, int to) {
    for (int c = from; c < to; c++) {
      scratch[c] = (float) Math.sqrt((float) Math.sqrt(x[c])); // x^(1/4)
    }
    for (int c = from; c < to; c++) {
      float quarter = scratch[c];
      float sixteenth = (float) Math.sqrt((float) Math.sqrt(quarter));
      y[c] = quarter * sixteenth * sixteenthRootCorrection(sixteenth);
    }
    for (int c = from; c < to; c++) {
      float v = y[c];
      float v3 = v * v * v;
      y[c] = v * (v3 + 2 * x[c]) / (2 * v3 + x[c]);
    }
  }

  /**
   * A cubic in {@code p = x^(1/16)} close to {@code p^(1/3) = x^(1/48)}, so that {@code x^(5/16)
   * p^(1/3)} is {@code x^(1/3)} to within 0.24 % over 1e-6..1e4 (p in 0.42..1.78; least squares on
   * the relative error). The first guess was {@code x^(5/16)} alone, up to 33 % off at the ends of
   * that range, which took three Halley steps (three divisions) instead of one.
   */
  private static float sixteenthRootCorrection(float p) {
    return ((0.06997617f * p - 0.3394377f) * p + 0.80163294f) * p + 0.468702f;
  }

  /**
   * Cube root of a positive float, from operations the JIT vectorises (no bit tricks, no {@link
   * Math#cbrt}): {@code x^(5/16)} from four square roots, times a cubic in {@code x^(1/16)} that
   * brings it within 0.24 % of the root over 1e-6..1e4, then one Halley step, which cubes the
   * relative error: below 1e-6 over 1e-6..1e4 (tested), about 2e-6 at 1e5.
   */
  static float cbrtFloat(float x) {
    float quarter = (float) Math.sqrt((float) Math.sqrt(x));
    float sixteenth = (float) Math.sqrt((float) Math.sqrt(quarter));
    float y = quarter * sixteenth * sixteenthRootCorrection(sixteenth);
    float y3 = y * y * y;
    return y * (y3 + 2 * x) / (2 * y3 + x);
  }

  /** First-inundation times with {@link #NEVER} as NaN. */
  float[] firstInundation() {
    float[] copy = firstWet.clone();
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] == NEVER) {
        copy[i] = Float.NaN;
      }
    }
    return copy;
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
