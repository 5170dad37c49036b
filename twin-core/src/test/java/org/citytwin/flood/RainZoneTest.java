package org.citytwin.flood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.citytwin.terrain.CellMask;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.TerrainGrid;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Rain by zone ({@link RainZone}): a hyetograph on the cells inside a polygon, on top of uniform
 * rain. The volume that falls is the intensity times the time times the zone's open area, and none
 * falls outside it.
 */
class RainZoneTest {
  private static final GeometryFactory GF = new GeometryFactory();

  @Test
  void zoneRainFallsOnlyInsideItsPolygonAndTheBudgetCloses() {
    GridGeometry g = GridGeometry.of(0, 0, 5, 60, 40);
    TerrainGrid terrain = TerrainGrid.flat(g, 2f);
    // a triangle in the west, and a building inside it that gets no rain
    Polygon triangle =
        GF.createPolygon(
            new Coordinate[] {
              new Coordinate(10, 10),
              new Coordinate(120, 30),
              new Coordinate(30, 180),
              new Coordinate(10, 10)
            });
    CellMask building = terrain.blockedBy(List.of(GF.toGeometry(new Envelope(30, 50, 40, 60))));
    TimeSeries hyetograph = TimeSeries.of(new double[] {0, 300, 600}, new double[] {0, 60, 60});
    RainZone zone = RainZone.within(g, triangle, hyetograph);
    int open = 0;
    for (int cell : zone.cells()) {
      open += building.contains(cell) ? 0 : 1;
    }
    assertTrue(open > 100 && open < zone.cells().length, "open cells in the zone: " + open);
    FloodScenario scenario =
        FloodScenario.builder(terrain)
            .manning(0.05)
            .blocked(building)
            .rain(zone)
            .duration(600)
            .threads(2)
            .build();

    FloodResult result = FloodSolver.run(scenario);
    MassBalance b = result.massBalance();

    // 0 → 60 mm/h over 300 s then 60 mm/h for 300 s: 7.5 mm
    double expected = 0.0075 * open * g.cellAreaSquareMetres();
    assertEquals(expected, b.rainCubicMetres(), 1e-4 * expected, b.report());
    assertTrue(Math.abs(b.errorCubicMetres()) < 1e-6 * b.totalInCubicMetres(), b.report());
    CellMask inside = CellMask.within(g, List.of(triangle.buffer(15)));
    for (int i = 0; i < g.cellCount(); i++) {
      if (!inside.contains(i)) {
        assertEquals(0, result.maxDepth().value(i), 0, "no rain 15 m outside the zone, cell " + i);
      }
    }
  }

  @Test
  void zonesAddToUniformRain() {
    GridGeometry g = GridGeometry.of(0, 0, 10, 20, 20);
    TerrainGrid terrain = TerrainGrid.flat(g, 0f);
    RainZone east =
        RainZone.within(g, GF.toGeometry(new Envelope(100, 200, 0, 200)), TimeSeries.constant(36));
    FloodScenario scenario =
        FloodScenario.builder(terrain)
            .rain(TimeSeries.constant(36))
            .rain(east)
            .duration(100)
            .threads(1)
            .build();

    MassBalance b = FloodSolver.run(scenario).massBalance();

    // 36 mm/h = 1e-5 m/s: 1 mm everywhere and 1 mm more on the eastern half
    assertEquals((400 + 200) * 100 * 1e-3, b.rainCubicMetres(), 1e-3, b.report());
  }

  @Test
  void aPolygonBetweenCellCentresIsRefused() {
    GridGeometry g = GridGeometry.of(0, 0, 10, 5, 5);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            RainZone.within(
                g, GF.toGeometry(new Envelope(11, 14, 11, 14)), TimeSeries.constant(10)));
  }
}
