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
 * Lake at rest (the C-property of Bermúdez and Vázquez 1994): a flat water surface over uneven
 * terrain, islands and buildings must stay still. Tolerance: max speed over the whole run below
 * 1e-6 m/s and every depth unchanged to 1e-6 m. The bed lies in [5, 12] m and the level at 10 m, so
 * {@code 10 - z} and {@code z + h} are exact in float (Sterbenz) and the surface is exactly flat.
 */
class LakeAtRestTest {
  @Test
  void flatSurfaceStaysStillAroundIslandsAndBuildings() {
    GridGeometry g = GridGeometry.of(0, 0, 2, 40, 30);
    Random random = new Random(7);
    float[] z = new float[g.cellCount()];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) (5 + 4.5 * random.nextDouble() + (i % 97 == 0 ? 2.5 : 0)); // some islands
    }
    TerrainGrid terrain = TerrainGrid.of(g, z);
    GeometryFactory gf = new GeometryFactory();
    CellMask buildings =
        terrain.blockedBy(
            List.of(
                gf.toGeometry(new Envelope(10, 22, 10, 18)),
                gf.toGeometry(new Envelope(50, 58, 30, 50))));
    assertTrue(buildings.count() > 20, "buildings block cells");
    FloodScenario scenario =
        FloodScenario.builder(terrain)
            .manning(0.03)
            .blocked(buildings)
            .initialWaterLevel(Raster.filled(g, 10f))
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
  }
}
