package org.citytwin.http.flood;

import java.util.List;
import org.citytwin.flood.Edge;
import org.citytwin.flood.TimeSeries;
import org.citytwin.query.Filter;
import org.citytwin.terrain.Obstacles;

/**
 * A validated scenario as a client asked for it: positions still in CRS84, turned into a {@code
 * FloodScenario} on the terrain once that is built ({@link CityScenario}).
 *
 * @param area lon/lat box to simulate, or null for the whole city
 * @param rainMillimetresPerHour uniform rain, or null for none
 */
record ScenarioSpec(
    Filter.BboxIntersects area,
    double cellSizeMetres,
    Obstacles obstacles,
    double durationSeconds,
    double outputIntervalSeconds,
    double gaugeIntervalSeconds,
    double manning,
    double theta,
    TimeSeries rainMillimetresPerHour,
    List<InflowSpec> inflows,
    List<StageSpec> stages,
    boolean openEdges,
    List<GaugeSpec> gauges) {

  ScenarioSpec {
    inflows = List.copyOf(inflows);
    stages = List.copyOf(stages);
    gauges = List.copyOf(gauges);
  }

  /** An inflow at a point ({@code from} equals {@code to}) or along a line, m³/s over time. */
  record InflowSpec(double[] from, double[] to, TimeSeries flowCubicMetresPerSecond) {}

  /** A water level on a whole edge of the grid, metres over time. */
  record StageSpec(Edge edge, TimeSeries levelMetres) {}

  /** A depth gauge at a lon/lat position. */
  record GaugeSpec(String name, double[] position) {}
}
