package org.citytwin.flood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.citytwin.terrain.CellMask;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.Raster;
import org.citytwin.terrain.TerrainGrid;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A water level held on the cells under a polyline ({@link StageLine}): it must fill a closed basin
 * to that level, close the volume budget (what it adds and removes is boundary inflow and outflow)
 * and leave a lake already at its level at rest.
 */
class StageLineTest {
  /** A bowl 40 x 30 cells of 5 m: bed 1 m at the centre rising to about 4.5 m at the rim. */
  private static TerrainGrid bowl() {
    GridGeometry g = GridGeometry.of(500, 800, 5, 40, 30);
    float[] z = new float[g.cellCount()];
    for (int r = 0; r < g.nrows(); r++) {
      for (int c = 0; c < g.ncols(); c++) {
        double u = (c - 19.5) / 20;
        double v = (r - 14.5) / 15;
        z[r * g.ncols() + c] = (float) (1 + 3.5 * (u * u + v * v) / 2);
      }
    }
    return TerrainGrid.of(g, z);
  }

  @Test
  void aStageOnALineFillsAClosedBasinToItsLevelAndTheBudgetCloses() {
    TerrainGrid terrain = MassConservationTest.unevenBasin(40, 30, 5, 42); // bed about 9 to 12.5 m
    GridGeometry g = terrain.geometry();
    // a bent line through the western third: the stage rises from 9 m to 11 m in 10 minutes
    double[] line = {
      g.centreX(8), g.centreY(3), g.centreX(12), g.centreY(15), g.centreX(9), g.centreY(26)
    };
    TimeSeries stage = TimeSeries.of(new double[] {0, 600}, new double[] {9, 11});
    StageLine held = StageLine.along(g, line, stage);
    assertTrue(held.cells().length >= 24, "cells under the line: " + held.cells().length);
    FloodScenario scenario =
        FloodScenario.builder(terrain)
            .manning(0.03)
            .stage(held)
            .duration(4 * 3600)
            .threads(2)
            .build();

    FloodResult result = FloodSolver.run(scenario);
    MassBalance b = result.massBalance();

    assertEquals(0, b.rainCubicMetres());
    assertTrue(b.boundaryInflowCubicMetres() > 5000, b.report());
    assertTrue(
        Math.abs(b.errorCubicMetres()) < 1e-6 * b.totalInCubicMetres(),
        "volume error " + b.errorCubicMetres() + " m3 of " + b.totalInCubicMetres());
    int wet = 0;
    double belowLevel = 0; // water the basin holds under 11 m, depressions cut off by ridges too
    for (int i = 0; i < g.cellCount(); i++) {
      float z = terrain.raster().value(i);
      belowLevel += Math.max(0, 11 - z) * g.cellAreaSquareMetres();
      float depth = result.finalDepth().value(i);
      if (depth > 1e-3) {
        wet++;
        assertEquals(11, z + depth, 1e-3, "level at cell " + i);
      }
    }
    assertTrue(wet > 600, "wet cells: " + wet);
    assertTrue(
        b.finalStorageCubicMetres() <= belowLevel && b.finalStorageCubicMetres() > 0.9 * belowLevel,
        b.finalStorageCubicMetres() + " m3 stored of " + belowLevel + " below 11 m");
  }

  @Test
  void aFallingStageDrainsWhatItFilledAndTheBudgetCloses() {
    TerrainGrid terrain = bowl();
    GridGeometry g = terrain.geometry();
    double[] line = {g.centreX(20), g.centreY(0), g.centreX(20), g.centreY(29)};
    TimeSeries stage =
        TimeSeries.of(new double[] {0, 1800, 3600, 7200}, new double[] {1.5, 3, 3, 0.5});
    FloodScenario scenario =
        FloodScenario.builder(terrain)
            .manning(0.03)
            .rain(TimeSeries.of(new double[] {0, 1200}, new double[] {30, 0}))
            .stage(StageLine.along(g, line, stage))
            .duration(3 * 3600)
            .threads(2)
            .build();

    MassBalance b = FloodSolver.run(scenario).massBalance();

    assertTrue(b.outflowCubicMetres() > 0.5 * b.boundaryInflowCubicMetres(), b.report());
    assertTrue(
        Math.abs(b.errorCubicMetres()) < 1e-6 * b.totalInCubicMetres(),
        "volume error " + b.errorCubicMetres() + " m3 of " + b.totalInCubicMetres());
  }

  /** As {@link LakeAtRestTest}, with the level also held at 10 m along a line across the lake. */
  @Test
  void aLakeAtTheStageLevelStaysAtRest() {
    GridGeometry g = GridGeometry.of(0, 0, 2, 40, 30);
    Random random = new Random(11);
    float[] z = new float[g.cellCount()];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) (5 + 4.5 * random.nextDouble() + (i % 89 == 0 ? 2.5 : 0));
    }
    TerrainGrid terrain = TerrainGrid.of(g, z);
    GeometryFactory gf = new GeometryFactory();
    CellMask buildings = terrain.blockedBy(List.of(gf.toGeometry(new Envelope(30, 40, 20, 30))));
    double[] line = {1, 1, 79, 59}; // corner to corner, through the building
    FloodScenario scenario =
        FloodScenario.builder(terrain)
            .manning(0.03)
            .blocked(buildings)
            .initialWaterLevel(Raster.filled(g, 10f))
            .stage(StageLine.along(g, line, TimeSeries.constant(10)))
            .duration(400)
            .threads(2)
            .build();

    FloodResult result = FloodSolver.run(scenario);

    assertTrue(result.steps() > 1000, "many steps: " + result.steps());
    float maxSpeed = 0;
    for (int i = 0; i < g.cellCount(); i++) {
      maxSpeed = Math.max(maxSpeed, result.maxVelocity().value(i));
      float expected = buildings.contains(i) ? 0f : Math.max(0f, 10f - z[i]);
      assertEquals(expected, result.finalDepth().value(i), 1e-6, "depth at cell " + i);
    }
    assertTrue(maxSpeed < 1e-6, "max speed " + maxSpeed + " m/s");
    assertEquals(0, result.massBalance().boundaryInflowCubicMetres(), 1e-9);
    assertEquals(0, result.massBalance().outflowCubicMetres(), 1e-9);
  }

  @Test
  void aLineLeavingTheGridIsRefused() {
    GridGeometry g = GridGeometry.of(0, 0, 2, 10, 10);
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> StageLine.along(g, new double[] {1, 1, 50, 1}, TimeSeries.constant(1)));
  }
}
