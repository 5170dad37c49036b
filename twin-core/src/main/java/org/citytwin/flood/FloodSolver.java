package org.citytwin.flood;

import java.util.List;
import java.util.Objects;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.Raster;

/**
 * Runs a {@link FloodScenario} with the local inertial scheme (Bates et al. 2010; de Almeida et al.
 * 2012). One call: {@link #run(FloodScenario)}. For progress and cancellation make an instance,
 * pass a {@link FloodListener} to {@link #run(FloodListener)} and call {@link #cancel()} from
 * another thread. An instance runs once; its worker threads end when the run does.
 *
 * <p>Each step: Δt = α √θ Δx / √(g h_max) (see {@link #stableStep}; capped by the maximum step and
 * by output times), sources (inflows) added, then one {@link BandSweep} per row band, then the new
 * state made current.
 */
public final class FloodSolver {
  /** Lifecycle of a solver. */
  public enum State {
    NEW,
    RUNNING,
    COMPLETED,
    CANCELLED
  }

  private final FloodScenario scenario;
  private final GridGeometry grid;
  private volatile State state = State.NEW;
  private volatile boolean cancelRequested;
  private boolean skipDryRows = true;
  private volatile long computedCellUpdates;

  public FloodSolver(FloodScenario scenario) {
    this.scenario = Objects.requireNonNull(scenario, "scenario");
    this.grid = scenario.terrain().geometry();
  }

  /** Runs {@code scenario} to the end without a listener. */
  public static FloodResult run(FloodScenario scenario) {
    return new FloodSolver(scenario).run(FloodListener.NONE);
  }

  /**
   * Cell updates the run computed: cells times steps, less the rows left out because they and their
   * neighbours held no water in a step without uniform rain or a staged edge (their results are the
   * same as if computed; see {@code BandSweep}). A benchmark divides this by the time.
   */
  public long computedCellUpdates() {
    return computedCellUpdates;
  }

  /** Computes every row every step (for the test that leaving dry rows out changes nothing). */
  FloodSolver computingDryRows() {
    skipDryRows = false;
    return this;
  }

  public State state() {
    return state;
  }

  /** Asks a running solver to stop after the current step; the result is then CANCELLED. */
  public void cancel() {
    cancelRequested = true;
  }

  /** Runs the scenario, telling {@code listener} about progress and snapshots. */
  public FloodResult run(FloodListener listener) {
    synchronized (this) {
      if (state != State.NEW) {
        throw new IllegalStateException("a FloodSolver runs once; this one is " + state);
      }
      state = State.RUNNING;
    }
    InertialKernel k = KernelSetup.kernel(scenario);
    k.skipDryRows = skipDryRows;
    int[][] inflowCells = KernelSetup.inflowCells(scenario, k);
    int[] gaugeCells = KernelSetup.gaugeCells(scenario);
    Forcing forcing =
        new Forcing(
            inflowCells,
            KernelSetup.rainZoneCells(scenario, k),
            KernelSetup.stageLineCells(scenario, k));
    try (RowBands bands = new RowBands(scenario.threads(), grid.nrows())) {
      return loop(k, bands, forcing, gaugeCells, listener);
    }
  }

  /** The open cells each inflow, rain zone and stage line acts on, in scenario order. */
  private record Forcing(int[][] inflows, int[][] rainZones, int[][] stageLines) {}

  private FloodResult loop(
      InertialKernel k, RowBands bands, Forcing forcing, int[] gaugeCells, FloodListener l) {
    double area = grid.cellAreaSquareMetres();
    int active = KernelSetup.activeCells(k);
    double initialStorage = storage(k);
    GaugeRecorder gauges = new GaugeRecorder(scenario, gaugeCells);
    gauges.record(0, k.h);
    BuildingWatch watch = new BuildingWatch(grid, scenario.buildings());
    watch.update(k.h, 0);
    BandSweep[] sweeps = new BandSweep[bands.bands()];
    for (int b = 0; b < sweeps.length; b++) {
      sweeps[b] = new BandSweep(k);
    }
    RowBands.Pass step = (band, r0, r1) -> sweeps[band].step(band, r0, r1);
    double duration = scenario.durationSeconds();
    double snapEvery = scenario.outputIntervalSeconds();
    double nextSnap = snapEvery > 0 ? snapEvery : Double.POSITIVE_INFINITY;
    double nextGauge = scenario.gaugeIntervalSeconds();
    double stageDepth = KernelSetup.maxStageDepth(scenario, k);
    double hMax = max(k.h);
    double t = 0;
    double rain = 0;
    double inflow = 0;
    double boundaryIn = 0;
    double out = 0;
    double[] held = new double[2]; // volume a stage line added and removed in a step
    long steps = 0;
    long computedRows = 0;
    long start = System.nanoTime();
    double eps = 1e-9 * duration;
    while (t < duration - eps && !cancelRequested) {
      double depthForStep = Math.max(Math.max(hMax, stageDepth), scenario.depthThresholdMetres());
      double dt = Math.min(stableStep(depthForStep), scenario.maxTimeStepSeconds());
      dt = Math.min(Math.min(dt, duration - t), Math.min(nextSnap, nextGauge) - t);
      double mid = t + dt / 2;
      KernelSetup.setStages(scenario, k, mid);
      double rainDepth =
          scenario.rainMillimetresPerHour() == null
              ? 0
              : Math.max(0, scenario.rainMillimetresPerHour().valueAt(mid)) / 1000 / 3600 * dt;
      k.beginStep(dt, t + dt, rainDepth);
      rain += (double) k.rainF * area * active; // the depth the cells received
      holdStageLines(k, forcing.stageLines(), mid, held);
      boundaryIn += held[0] * area;
      out += held[1] * area;
      rain += addZoneRain(k, forcing.rainZones(), mid, dt, area);
      inflow += addInflows(k, forcing.inflows(), mid, dt, area);
      bands.run(step);
      k.swap();
      hMax = 0;
      for (int b = 0; b < bands.bands(); b++) {
        hMax = Math.max(hMax, k.bandMaxDepth[b]);
        boundaryIn += k.bandIn[b];
        out += k.bandOut[b];
        computedRows += k.bandComputedRows[b];
      }
      computedCellUpdates = computedRows * grid.ncols();
      t += dt;
      steps++;
      watch.update(k.h, t);
      if (t >= nextGauge - eps) {
        gauges.record(t, k.h);
        nextGauge += scenario.gaugeIntervalSeconds();
      }
      if (t >= nextSnap - eps) {
        l.snapshot(t, Raster.of(grid, KernelSetup.depthWithNoData(scenario, k.h)));
        l.velocity(t, VelocityField.of(scenario, k));
        nextSnap += snapEvery;
      }
      l.progress(t, dt, steps, System.nanoTime() - start);
    }
    state = cancelRequested && t < duration - eps ? State.CANCELLED : State.COMPLETED;
    MassBalance balance =
        new MassBalance(rain, inflow, boundaryIn, out, initialStorage, storage(k));
    return new FloodResult(
        state,
        t,
        steps,
        (System.nanoTime() - start) / 1e9,
        Raster.of(grid, KernelSetup.depthWithNoData(scenario, k.h)),
        Raster.of(grid, KernelSetup.depthWithNoData(scenario, k.maxDepth)),
        Raster.of(grid, KernelSetup.depthWithNoData(scenario, k.maxSpeed)),
        Raster.of(grid, k.firstInundation()),
        gauges.series(),
        balance,
        watch.exposures());
  }

  /**
   * The adaptive step for water {@code depth} deep: {@code Δt = α √θ Δx / √(g h)}. Bates et al.
   * (2010) give {@code α Δx / √(g h)}; in 2D that step is stable for {@code α ≤ 1/√2} with θ = 1.
   * The q-centred weighting of de Almeida et al. (2012) multiplies a chequerboard discharge pattern
   * by {@code 2θ − 1} each step, which lowers the 2D limit of the chequerboard mode to {@code α ≤
   * √(θ/2)} (von Neumann analysis, see docs/FLOOD.md). The factor {@code √θ} keeps α's meaning (the
   * fraction of the stability limit) for every θ; without it, deep water with little friction
   * breaks into a growing chequerboard of ±1 m (LowFrictionBowlTest).
   */
  private double stableStep(double depth) {
    return scenario.alpha()
        * Math.sqrt(scenario.theta())
        * grid.cellSizeMetres()
        / Math.sqrt(InertialKernel.G * depth);
  }

  /** Adds this step's inflow depth to the receiving cells; returns the volume added. */
  private double addInflows(
      InertialKernel k, int[][] inflowCells, double time, double dt, double area) {
    double volume = 0;
    List<Inflow> inflows = scenario.inflows();
    for (int s = 0; s < inflowCells.length; s++) {
      double q = Math.max(0, inflows.get(s).flowCubicMetresPerSecond().valueAt(time));
      int[] cells = inflowCells[s];
      double depth = q * dt / area / cells.length;
      for (int cell : cells) {
        k.h[cell] = (float) (k.h[cell] + depth);
      }
      volume += depth * area * cells.length;
    }
    return volume;
  }

  /**
   * Sets the depth of every stage-line cell to the stage at {@code time} above its bed; {@code
   * held} receives the depth (summed over cells, metres) added and removed.
   */
  private void holdStageLines(InertialKernel k, int[][] lineCells, double time, double[] held) {
    held[0] = 0;
    held[1] = 0;
    List<StageLine> lines = scenario.stageLines();
    for (int s = 0; s < lineCells.length; s++) {
      double stage = lines.get(s).stageMetres().valueAt(time);
      for (int cell : lineCells[s]) {
        float depth = (float) Math.max(0, stage - k.z[cell]);
        double change = (double) depth - k.h[cell];
        k.h[cell] = depth;
        if (change > 0) {
          held[0] += change;
        } else {
          held[1] -= change;
        }
      }
    }
  }

  /** Adds this step's zone rain to the zones' cells; returns the volume added. */
  private double addZoneRain(
      InertialKernel k, int[][] zoneCells, double time, double dt, double area) {
    double volume = 0;
    List<RainZone> zones = scenario.rainZones();
    for (int s = 0; s < zoneCells.length; s++) {
      double intensity = Math.max(0, zones.get(s).millimetresPerHour().valueAt(time));
      float depth = (float) (intensity / 1000 / 3600 * dt);
      for (int cell : zoneCells[s]) {
        float before = k.h[cell];
        k.h[cell] = before + depth;
        volume += ((double) k.h[cell] - before) * area; // what the float depth really gained
      }
    }
    return volume;
  }

  private double storage(InertialKernel k) {
    double sum = 0;
    for (float depth : k.h) {
      sum += depth;
    }
    return sum * grid.cellAreaSquareMetres();
  }

  private static double max(float[] values) {
    double m = 0;
    for (float v : values) {
      m = Math.max(m, v);
    }
    return m;
  }
}
