package org.citytwin.http.flood;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentSkipListMap;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.flood.FloodListener;
import org.citytwin.flood.FloodResult;
import org.citytwin.flood.FloodSolver;
import org.citytwin.flood.VelocityField;
import org.citytwin.http.HttpProblem;
import org.citytwin.scenario.CityScenario;
import org.citytwin.scenario.ScenarioSpec;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import org.citytwin.terrain.CityTerrain;
import org.citytwin.terrain.Raster;
import org.citytwin.terrain.RoughnessGrid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One flood run: builds the terrain from the store (or takes an uploaded DEM with the store's
 * buildings on it), or reuses one an earlier run built from the same inputs ({@link TerrainCache}),
 * runs the solver, keeps the depth and velocity snapshots and the result. Its state moves QUEUED →
 * PREPARING → RUNNING → COMPLETED, or to CANCELLED or FAILED from any earlier state. Progress
 * fields are written by the run's thread and read by requests.
 */
final class FloodJob implements Runnable, FloodListener, FloodRun {
  private static final Logger LOG = LoggerFactory.getLogger(FloodJob.class);

  /** Lifecycle of a run. */
  enum State {
    QUEUED,
    PREPARING,
    RUNNING,
    COMPLETED,
    CANCELLED,
    FAILED;

    boolean finished() {
      return this == COMPLETED || this == CANCELLED || this == FAILED;
    }
  }

  private final String id;
  private final ScenarioSpec spec;
  private final TwinStore store;
  private final TerrainCache terrains;
  private final int threads;
  private final Instant created = Instant.now();
  private final NavigableMap<Long, Raster> snapshots = new ConcurrentSkipListMap<>();
  private final NavigableMap<Long, VelocityField> velocities = new ConcurrentSkipListMap<>();
  private volatile State state = State.QUEUED;
  private volatile boolean cancelRequested;
  private volatile FloodSolver solver;
  private volatile CityTerrain terrain;
  private volatile boolean terrainReused;
  private volatile RoughnessGrid roughness;
  private volatile FloodResult result;
  private volatile String failure;
  private volatile double simulatedSeconds;
  private volatile double stepSeconds;
  private volatile long steps;
  private volatile long wallNanos;

  FloodJob(String id, ScenarioSpec spec, TwinStore store, TerrainCache terrains, int threads) {
    this.id = Objects.requireNonNull(id, "id");
    this.spec = Objects.requireNonNull(spec, "spec");
    this.store = Objects.requireNonNull(store, "store");
    this.terrains = Objects.requireNonNull(terrains, "terrains");
    this.threads = threads;
  }

  @Override
  public void run() {
    if (!advance(State.QUEUED, State.PREPARING)) {
      return; // cancelled while queued
    }
    try {
      TerrainCache.Lookup lookup = terrains.terrain(spec, store);
      CityTerrain city = lookup.terrain();
      terrainReused = lookup.reused();
      terrain = city;
      RoughnessGrid n = spec.roughness(store, city);
      roughness = n;
      FloodSolver s = new FloodSolver(CityScenario.of(spec, city, n, threads));
      solver = s;
      if (!advance(State.PREPARING, State.RUNNING)) {
        return;
      }
      if (cancelRequested) {
        s.cancel(); // cancel() raced between building the solver and publishing it
      }
      FloodResult r = s.run(this);
      result = r;
      state = r.state() == FloodSolver.State.CANCELLED ? State.CANCELLED : State.COMPLETED;
    } catch (StoreException | CoordinateConversionException | IllegalArgumentException e) {
      fail(e.getMessage());
    } catch (RuntimeException | OutOfMemoryError e) {
      LOG.error("flood run {} failed", id, e);
      fail("the run failed: " + e);
    }
  }

  private synchronized boolean advance(State from, State to) {
    if (state != from) {
      return false;
    }
    state = to;
    return true;
  }

  private synchronized void fail(String message) {
    failure = message;
    state = State.FAILED;
  }

  /** Asks the run to stop; a queued or preparing run stops at once, a running one after a step. */
  @Override
  public synchronized void cancel() {
    cancelRequested = true;
    if (state == State.QUEUED || state == State.PREPARING) {
      state = State.CANCELLED;
    }
    FloodSolver s = solver;
    if (s != null) {
      s.cancel();
    }
  }

  @Override
  public void progress(double simulated, double step, long stepCount, long wall) {
    simulatedSeconds = simulated;
    stepSeconds = step;
    steps = stepCount;
    wallNanos = wall;
  }

  @Override
  public void snapshot(double simulated, Raster depthMetres) {
    snapshots.put(Math.round(simulated), depthMetres);
  }

  @Override
  public void velocity(double simulated, VelocityField velocity) {
    velocities.put(Math.round(simulated), velocity);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public boolean finished() {
    return state.finished();
  }

  @Override
  public ObjectNode status(String base) {
    return RunJson.status(this, base);
  }

  @Override
  public RunOutputs outputs() {
    FloodResult r = ended();
    CityTerrain t = terrain;
    return new RunOutputs(
        t.frame(), t.buildings(), r.buildings(), r.gaugeSeries(), RunJson.massBalance(r));
  }

  @Override
  public Raster maxDepth() {
    return ended().maxDepth();
  }

  @Override
  public Raster maxVelocity() {
    return ended().maxVelocity();
  }

  /** The result; 409 while the run is not over, or when it failed. */
  FloodResult ended() {
    FloodResult r = result;
    if (r == null) {
      throw HttpProblem.conflict(
          "run " + id + " is " + state.name().toLowerCase(Locale.ROOT) + whyNoResults());
    }
    return r;
  }

  private String whyNoResults() {
    if (failure != null) {
      return ": " + failure;
    }
    return state == State.CANCELLED
        ? ": cancelled before the solver began, so it has no results"
        : "; results come when it ends";
  }

  @Override
  public LocalMetricFrame frame() {
    return terrain.frame();
  }

  @Override
  public SortedSet<Long> outputTimes() {
    return snapshots.navigableKeySet();
  }

  @Override
  public Optional<Raster> depthAt(long seconds) {
    return Optional.ofNullable(snapshots.get(seconds));
  }

  @Override
  public Optional<VelocityField> velocityAt(long seconds) {
    return Optional.ofNullable(velocities.get(seconds));
  }

  ScenarioSpec spec() {
    return spec;
  }

  @Override
  public Instant created() {
    return created;
  }

  State state() {
    return state;
  }

  /** The terrain once built, else null. */
  CityTerrain terrain() {
    return terrain;
  }

  /** Whether the terrain came from an earlier run's (same store version, area, cells, DEM). */
  boolean terrainReused() {
    return terrainReused;
  }

  /** Manning's n per cell when not a constant, once built, else null. */
  RoughnessGrid roughness() {
    return roughness;
  }

  /** The result once finished (completed or cancelled), else null. */
  FloodResult result() {
    return result;
  }

  String failure() {
    return failure;
  }

  double simulatedSeconds() {
    return simulatedSeconds;
  }

  double stepSeconds() {
    return stepSeconds;
  }

  long steps() {
    return steps;
  }

  double wallSeconds() {
    return wallNanos / 1e9;
  }

  /** Depth snapshots by simulated second. */
  NavigableMap<Long, Raster> snapshots() {
    return snapshots;
  }
}
