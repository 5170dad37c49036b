package org.citytwin.flood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.citytwin.terrain.CellMask;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.Raster;
import org.citytwin.terrain.TerrainGrid;
import org.junit.jupiter.api.Test;

/**
 * Velocity snapshots ({@link VelocityField}) against a known velocity, for their signs and for
 * their agreement with the kernel's maximum-velocity grid.
 *
 * <p>Known velocity: steady uniform flow down a plane of slope S with Manning's n, where friction
 * balances gravity and {@code v = h^(2/3) S^(1/2) / n} (Manning's formula; with the unit discharge
 * q fixed by the inflow, the normal depth is {@code h = (q n / √S)^(3/5)}). The local inertial
 * momentum equation reduces to exactly this balance when nothing changes, so what remains is the
 * approach to the steady state and float rounding; tolerance 0.1 % on the velocity and the depth in
 * the middle half of the channel (achieved: 3e-6).
 */
class VelocitySnapshotTest {
  private static final double SLOPE = 0.001;
  private static final double N = 0.03;
  private static final double UNIT_DISCHARGE = 0.5; // m²/s
  private static final double LENGTH = 2000;
  private static final double WIDTH = 50;
  private static final double DX = 10;

  /** Every snapshot a listener heard, in order. */
  private static final class Recorder implements FloodListener {
    final List<Double> times = new ArrayList<>();
    final List<Raster> depths = new ArrayList<>();
    final List<VelocityField> velocities = new ArrayList<>();

    @Override
    public void snapshot(double simulatedSeconds, Raster depthMetres) {
      times.add(simulatedSeconds);
      depths.add(depthMetres);
    }

    @Override
    public void velocity(double simulatedSeconds, VelocityField velocity) {
      assertEquals(times.get(times.size() - 1), simulatedSeconds, "after its depth snapshot");
      velocities.add(velocity);
    }
  }

  /**
   * A channel LENGTH long and WIDTH wide down a plane falling to the east (or to the north), fed
   * across its upper end with UNIT_DISCHARGE per metre of width, free outflow at the lower end,
   * closed sides; two hours, long enough to reach the steady state.
   */
  private static Recorder uniformFlow(boolean east) {
    int along = (int) (LENGTH / DX);
    int across = (int) (WIDTH / DX);
    GridGeometry g =
        east ? GridGeometry.of(0, 0, DX, along, across) : GridGeometry.of(0, 0, DX, across, along);
    float[] z = new float[g.cellCount()];
    for (int r = 0; r < g.nrows(); r++) {
      for (int c = 0; c < g.ncols(); c++) {
        double distance = east ? g.centreX(c) : g.centreY(r); // downstream distance from the top
        z[r * g.ncols() + c] = (float) (SLOPE * (LENGTH - distance));
      }
    }
    TimeSeries q = TimeSeries.constant(UNIT_DISCHARGE * WIDTH);
    Inflow inflow =
        east
            ? Inflow.line(g, DX / 2, 1, DX / 2, WIDTH - 1, q)
            : Inflow.line(g, 1, DX / 2, WIDTH - 1, DX / 2, q);
    FloodScenario scenario =
        FloodScenario.builder(TerrainGrid.of(g, z))
            .manning(N)
            .inflow(inflow)
            .open(east ? Edge.EAST : Edge.NORTH)
            .duration(7200)
            .outputInterval(1800)
            .threads(2)
            .build();
    Recorder recorder = new Recorder();
    new FloodSolver(scenario).run(recorder);
    assertEquals(List.of(1800.0, 3600.0, 5400.0, 7200.0), recorder.times);
    assertEquals(recorder.times.size(), recorder.velocities.size());
    return recorder;
  }

  @Test
  void uniformFlowEastHasManningsVelocityPointingEast() {
    checkManning(uniformFlow(true), true);
  }

  @Test
  void uniformFlowNorthHasManningsVelocityPointingNorth() {
    checkManning(uniformFlow(false), false);
  }

  private static void checkManning(Recorder run, boolean east) {
    double normalDepth = Math.pow(UNIT_DISCHARGE * N / Math.sqrt(SLOPE), 0.6);
    double manning = Math.pow(normalDepth, 2.0 / 3) * Math.sqrt(SLOPE) / N;
    Raster depth = run.depths.get(run.depths.size() - 1);
    VelocityField v = run.velocities.get(run.velocities.size() - 1);
    GridGeometry g = depth.geometry();
    double worstSpeed = 0;
    double worstDepth = 0;
    int cells = 0;
    for (int r = 0; r < g.nrows(); r++) {
      for (int c = 0; c < g.ncols(); c++) {
        double distance = east ? g.centreX(c) : g.centreY(r); // from the upper end
        if (distance < LENGTH / 4 || distance > 3 * LENGTH / 4) {
          continue;
        }
        double speed = v.speed().value(c, r);
        double along = east ? v.eastward().value(c, r) : v.northward().value(c, r);
        double across = east ? v.northward().value(c, r) : v.eastward().value(c, r);
        worstSpeed = Math.max(worstSpeed, Math.abs(speed / manning - 1));
        worstDepth = Math.max(worstDepth, Math.abs(depth.value(c, r) / normalDepth - 1));
        assertTrue(along > 0, "flows downhill, " + (east ? "east" : "north") + ": " + along);
        assertEquals(speed, along, 1e-6 * manning, "all of it along the channel");
        assertEquals(0, across, 1e-6 * manning, "none across");
        cells++;
      }
    }
    System.out.printf(
        "uniform flow %s: Manning %.4f m/s at %.4f m; worst relative error speed %.2e, depth %.2e"
            + " over %d cells%n",
        east ? "east" : "north", manning, normalDepth, worstSpeed, worstDepth, cells);
    assertTrue(cells >= 500, "the middle half of the channel: " + cells);
    assertTrue(worstSpeed < 1e-3, "speed vs Manning: " + worstSpeed);
    assertTrue(worstDepth < 1e-3, "depth vs normal depth: " + worstDepth);
  }

  /**
   * With an output at every step, the largest snapshot speed of each cell is the kernel's maximum
   * velocity bit for bit (same discharges, depth and float arithmetic), every speed is the length
   * of its components, dry cells and walls read 0 and NODATA NaN.
   */
  @Test
  void snapshotsAtEveryStepMakeUpTheMaximumVelocity() {
    GridGeometry g = GridGeometry.of(0, 0, 5, 30, 20);
    Random random = new Random(11);
    float[] z = new float[g.cellCount()];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) (2 + 0.05 * (i % g.ncols()) + 0.3 * random.nextDouble());
    }
    z[g.ncols() * 19 + 29] = Float.NaN; // NODATA in the south-east corner
    TerrainGrid terrain = TerrainGrid.of(g, z);
    boolean[] wall = new boolean[g.cellCount()];
    for (int r = 5; r < 12; r++) {
      wall[r * g.ncols() + 10] = true;
    }
    FloodScenario scenario =
        FloodScenario.builder(terrain)
            .manning(0.035)
            .blocked(CellMask.of(g, wall))
            .inflow(Inflow.at(g, 7.5, 52.5, TimeSeries.constant(3)))
            .duration(120)
            .outputInterval(0.25) // shorter than any step: an output after every step
            .threads(2)
            .build();
    Recorder run = new Recorder();
    FloodResult result = new FloodSolver(scenario).run(run);
    assertEquals(result.steps(), run.velocities.size(), "one snapshot per step");

    float[] largest = new float[g.cellCount()];
    int wet = 0;
    int dry = 0;
    for (int s = 0; s < run.velocities.size(); s++) {
      VelocityField v = run.velocities.get(s);
      Raster depth = run.depths.get(s);
      for (int i = 0; i < largest.length; i++) {
        float speed = v.speed().value(i);
        if (!terrain.raster().hasData(i)) {
          assertTrue(Float.isNaN(speed) && Float.isNaN(v.eastward().value(i)));
          continue;
        }
        largest[i] = Math.max(largest[i], speed);
        double components = Math.hypot(v.eastward().value(i), v.northward().value(i));
        assertEquals(speed, components, 1e-6 * Math.max(speed, 1e-3), "length of vx, vy");
        if (wall[i] || depth.value(i) <= scenario.depthThresholdMetres()) {
          assertEquals(0f, speed, "dry or wall cell " + i);
          assertEquals(0f, v.eastward().value(i));
          assertEquals(0f, v.northward().value(i));
          dry++;
        } else if (speed > 0) {
          wet++;
        }
      }
    }
    assertTrue(wet > 1000 && dry > 1000, "both wet and dry cells seen: " + wet + ", " + dry);
    for (int i = 0; i < largest.length; i++) {
      float expected = result.maxVelocity().value(i);
      if (Float.isNaN(expected)) {
        assertTrue(Float.isNaN(largest[i]) || !terrain.raster().hasData(i));
      } else {
        assertEquals(expected, largest[i], "cell " + i + ": largest snapshot vs maximum");
      }
    }
    assertTrue(result.maxVelocity().value(5 * g.ncols() + 3) > 0.05, "water moved");
  }
}
