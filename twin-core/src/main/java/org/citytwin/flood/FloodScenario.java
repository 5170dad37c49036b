package org.citytwin.flood;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.citytwin.terrain.CellMask;
import org.citytwin.terrain.Raster;
import org.citytwin.terrain.TerrainGrid;

/**
 * Everything a flood run needs: terrain, roughness, obstacles, forcing, boundaries, numerical
 * parameters and outputs. Build one with {@link #builder(TerrainGrid)}.
 *
 * @param terrain ground elevations; NODATA cells are walls
 * @param manning Manning's n per cell (s/m^(1/3)); NaN cells take {@code 0}
 * @param blocked cells water cannot enter (buildings)
 * @param initialWaterLevel initial water surface elevation per cell, metres; depth is {@code max(0,
 *     level - z)}; NaN means dry
 * @param rainMillimetresPerHour uniform rainfall intensity over time, mm/h, or null
 * @param rainZones rain over parts of the grid, added to the uniform rain
 * @param inflows point and line discharges
 * @param stages imposed water levels on edges
 * @param stageLines imposed water levels on the cells under polylines
 * @param openEdges edges with free outflow; other edges without a stage are closed walls
 * @param gauges points where depth is recorded
 * @param buildings buildings whose surrounding depth is reported
 * @param durationSeconds simulated time
 * @param outputIntervalSeconds interval of depth snapshots given to the listener, 0 for none
 * @param gaugeIntervalSeconds interval of gauge records
 * @param theta q-centred weighting of de Almeida et al. (2012), in (0, 1]; 1 is Bates et al. 2010
 * @param alpha Courant-type coefficient of the adaptive time step {@code α √θ Δx / √(g h)}, in (0,
 *     1]; 0.7 keeps the step just inside the 2D stability limit for any θ
 * @param depthThresholdMetres below this depth a cell does not pass water on
 * @param inundationDepthMetres depth counted as inundated for the first-inundation time
 * @param maxTimeStepSeconds upper bound on the time step (used when the domain is dry)
 * @param threads worker threads over row bands
 */
public record FloodScenario(
    TerrainGrid terrain,
    Raster manning,
    CellMask blocked,
    Raster initialWaterLevel,
    TimeSeries rainMillimetresPerHour,
    List<RainZone> rainZones,
    List<Inflow> inflows,
    List<StageBoundary> stages,
    List<StageLine> stageLines,
    Set<Edge> openEdges,
    List<Gauge> gauges,
    List<BuildingFootprint> buildings,
    double durationSeconds,
    double outputIntervalSeconds,
    double gaugeIntervalSeconds,
    double theta,
    double alpha,
    double depthThresholdMetres,
    double inundationDepthMetres,
    double maxTimeStepSeconds,
    int threads) {

  public FloodScenario {
    Objects.requireNonNull(terrain, "terrain");
    Objects.requireNonNull(manning, "manning");
    Objects.requireNonNull(blocked, "blocked");
    if (!manning.geometry().equals(terrain.geometry())
        || !blocked.geometry().equals(terrain.geometry())
        || (initialWaterLevel != null
            && !initialWaterLevel.geometry().equals(terrain.geometry()))) {
      throw new IllegalArgumentException("roughness, mask and levels must be on the terrain grid");
    }
    rainZones = List.copyOf(rainZones);
    inflows = List.copyOf(inflows);
    stages = List.copyOf(stages);
    stageLines = List.copyOf(stageLines);
    openEdges = Set.copyOf(openEdges);
    gauges = List.copyOf(gauges);
    buildings = List.copyOf(buildings);
    positive("duration", durationSeconds);
    positive("gauge interval", gaugeIntervalSeconds);
    positive("max time step", maxTimeStepSeconds);
    atLeastMicrometre("depth threshold", depthThresholdMetres);
    atLeastMicrometre("inundation depth", inundationDepthMetres);
    if (!(outputIntervalSeconds >= 0)) {
      throw new IllegalArgumentException("output interval " + outputIntervalSeconds + " < 0");
    }
    if (!(theta > 0 && theta <= 1)) {
      throw new IllegalArgumentException("theta " + theta + " must be in (0, 1]");
    }
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha " + alpha + " must be in (0, 1]");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads " + threads + " must be >= 1");
    }
    int cellCount = terrain.geometry().cellCount();
    for (RainZone z : rainZones) {
      inGrid("rain zone", z.cells(), cellCount);
    }
    for (StageLine l : stageLines) {
      inGrid("stage line", l.cells(), cellCount);
    }
    for (StageBoundary s : stages) {
      if (openEdges.contains(s.edge())) {
        throw new IllegalArgumentException("edge " + s.edge() + " is both open and staged");
      }
    }
  }

  private static void inGrid(String what, int[] cells, int cellCount) {
    for (int cell : cells) {
      if (cell < 0 || cell >= cellCount) {
        throw new IllegalArgumentException(what + " cell " + cell + " is outside the grid");
      }
    }
  }

  /** Depths the kernel compares against: below 1 µm they mean nothing physically. */
  private static void atLeastMicrometre(String what, double v) {
    if (!(v >= 1e-6) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(what + " " + v + " m must be >= 1e-6 m");
    }
  }

  private static void positive(String what, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(what + " " + v + " must be > 0");
    }
  }

  /** A builder with the defaults: n = 0.035, θ = 0.8, α = 0.7, 1 mm depth threshold, one hour. */
  public static Builder builder(TerrainGrid terrain) {
    return new Builder(terrain);
  }

  /** Collects a scenario's settings; {@link #build()} validates them. */
  public static final class Builder {
    private final TerrainGrid terrain;
    private Raster manning;
    private CellMask blocked;
    private Raster initialWaterLevel;
    private TimeSeries rain;
    private final List<RainZone> rainZones = new ArrayList<>();
    private final List<Inflow> inflows = new ArrayList<>();
    private final List<StageBoundary> stages = new ArrayList<>();
    private final List<StageLine> stageLines = new ArrayList<>();
    private final Set<Edge> openEdges = EnumSet.noneOf(Edge.class);
    private final List<Gauge> gauges = new ArrayList<>();
    private final List<BuildingFootprint> buildings = new ArrayList<>();
    private double duration = 3600;
    private double outputInterval = 0;
    private double gaugeInterval = 60;
    private double theta = 0.8;
    private double alpha = 0.7;
    private double depthThreshold = 1e-3;
    private double inundationDepth = 0.01;
    private double maxTimeStep = 10;
    private int threads = 1;

    private Builder(TerrainGrid terrain) {
      this.terrain = Objects.requireNonNull(terrain, "terrain");
      this.manning = Raster.filled(terrain.geometry(), 0.035f);
      this.blocked = CellMask.none(terrain.geometry());
    }

    /** A uniform Manning's n, s/m^(1/3). */
    public Builder manning(double n) {
      if (!(n >= 0) || n > 1) {
        throw new IllegalArgumentException("Manning's n " + n + " must be in [0, 1]");
      }
      this.manning = Raster.filled(terrain.geometry(), (float) n);
      return this;
    }

    /** Manning's n per cell, s/m^(1/3). */
    public Builder manning(Raster n) {
      this.manning = n;
      return this;
    }

    public Builder blocked(CellMask mask) {
      this.blocked = mask;
      return this;
    }

    public Builder initialWaterLevel(Raster levelMetres) {
      this.initialWaterLevel = levelMetres;
      return this;
    }

    /** Uniform rain, mm/h over time. */
    public Builder rain(TimeSeries millimetresPerHour) {
      this.rain = millimetresPerHour;
      return this;
    }

    /** Rain over some cells, added to the uniform rain and to other zones. */
    public Builder rain(RainZone zone) {
      rainZones.add(zone);
      return this;
    }

    public Builder inflow(Inflow inflow) {
      inflows.add(inflow);
      return this;
    }

    public Builder stage(StageBoundary stage) {
      stages.add(stage);
      return this;
    }

    /** A water level on the cells under a polyline. */
    public Builder stage(StageLine line) {
      stageLines.add(line);
      return this;
    }

    public Builder open(Edge edge) {
      openEdges.add(edge);
      return this;
    }

    public Builder gauge(Gauge gauge) {
      gauges.add(gauge);
      return this;
    }

    /** Report the depth around this building (see {@link BuildingExposure}). */
    public Builder building(BuildingFootprint building) {
      buildings.add(building);
      return this;
    }

    public Builder duration(double seconds) {
      this.duration = seconds;
      return this;
    }

    public Builder outputInterval(double seconds) {
      this.outputInterval = seconds;
      return this;
    }

    public Builder gaugeInterval(double seconds) {
      this.gaugeInterval = seconds;
      return this;
    }

    public Builder theta(double theta) {
      this.theta = theta;
      return this;
    }

    public Builder alpha(double alpha) {
      this.alpha = alpha;
      return this;
    }

    public Builder depthThreshold(double metres) {
      this.depthThreshold = metres;
      return this;
    }

    public Builder inundationDepth(double metres) {
      this.inundationDepth = metres;
      return this;
    }

    public Builder maxTimeStep(double seconds) {
      this.maxTimeStep = seconds;
      return this;
    }

    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    public FloodScenario build() {
      return new FloodScenario(
          terrain,
          manning,
          blocked,
          initialWaterLevel,
          rain,
          rainZones,
          inflows,
          stages,
          stageLines,
          openEdges,
          gauges,
          buildings,
          duration,
          outputInterval,
          gaugeInterval,
          theta,
          alpha,
          depthThreshold,
          inundationDepth,
          maxTimeStep,
          threads);
    }
  }
}
