package org.citytwin.flood;

import java.util.Objects;

/**
 * A water level imposed along a whole edge: the ghost cells beyond the edge have the bed of the
 * edge cell and the given water surface elevation (metres, same datum as the terrain). Water flows
 * in or out through the edge according to the local inertial equation.
 */
public record StageBoundary(Edge edge, TimeSeries stageMetres) {
  public StageBoundary {
    Objects.requireNonNull(edge, "edge");
    Objects.requireNonNull(stageMetres, "stageMetres");
  }
}
