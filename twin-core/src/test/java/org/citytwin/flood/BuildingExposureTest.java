package org.citytwin.flood;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.TerrainGrid;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class BuildingExposureTest {
  /**
   * A building on a flat closed plane under uniform rain of 2160 mm/h (0.6 mm/s): the water stays
   * level, so around the building it is 0.6 m after 1000 s, passes 0.1 m at 166.7 s and 0.5 m at
   * 833.3 s, so it stays above them for 833.3 s and 166.7 s. Tolerance: 1e-4 m on depth (float
   * round-off) and one time step on the times.
   */
  @Test
  void reportsDepthAndTimesAroundABuilding() {
    GridGeometry g = GridGeometry.of(0, 0, 2, 20, 20);
    TerrainGrid terrain = TerrainGrid.flat(g, 0f);
    Geometry house = new GeometryFactory().toGeometry(new Envelope(16, 24, 16, 24));
    FloodScenario s =
        FloodScenario.builder(terrain)
            .blocked(terrain.blockedBy(List.of(house)))
            .building(new BuildingFootprint("house-1", house))
            .rain(TimeSeries.constant(2160))
            .duration(1000)
            .maxTimeStep(1)
            .build();
    FloodResult r = FloodSolver.run(s);
    BuildingExposure e = r.buildings().get(0);
    assertEquals("house-1", e.id());
    assertEquals(0.6, e.maxDepthMetres(), 1e-4, "max depth around the house");
    assertEquals(166.7, e.firstOver10cmSeconds(), 1.0);
    assertEquals(833.3, e.firstOver50cmSeconds(), 1.0);
    assertEquals(1000 - 166.7, e.secondsOver10cm(), 1.0, "above 0.1 m from 166.7 s to the end");
    assertEquals(1000 - 833.3, e.secondsOver50cm(), 1.0, "above 0.5 m from 833.3 s to the end");
  }
}
