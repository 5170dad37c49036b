package org.citytwin.http.flood;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.flood.BuildingExposure;
import org.citytwin.flood.GaugeSeries;
import org.citytwin.terrain.SiteBuilding;

/**
 * The results of an ended run that the routes serve, besides its depth grids (snapshots and
 * maximum), which are read one at a time.
 *
 * @param frame the metric CRS of the grid
 * @param buildings the buildings of the terrain, in the order of {@code exposures}
 * @param exposures the depth around each building
 * @param gauges depths at the gauges
 * @param massBalance the mass-balance document ({@link RunJson#massBalance})
 */
record RunOutputs(
    LocalMetricFrame frame,
    List<SiteBuilding> buildings,
    List<BuildingExposure> exposures,
    GaugeSeries gauges,
    ObjectNode massBalance) {
  RunOutputs {
    buildings = List.copyOf(buildings);
    exposures = List.copyOf(exposures);
    if (buildings.size() != exposures.size()) {
      throw new IllegalArgumentException(
          buildings.size() + " buildings but " + exposures.size() + " exposures");
    }
  }
}
