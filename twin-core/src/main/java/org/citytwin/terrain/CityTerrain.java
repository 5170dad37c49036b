package org.citytwin.terrain;

import java.util.List;
import java.util.Objects;
import org.citytwin.crs.LocalMetricFrame;

/**
 * A terrain built from the city in the store, with what a flood run needs besides the grid.
 *
 * @param terrain ground elevations (with roofs in {@link Obstacles#RAISED} mode)
 * @param blocked building cells in {@link Obstacles#BLOCKED} mode, empty otherwise
 * @param frame the metric CRS of the grid
 * @param buildings the buildings inside the grid, footprints in the grid's CRS
 * @param demCells cells with data from a given DEM ({@link CityTerrainBuilder#onDem}), else 0
 * @param reliefCells cells taken from CityGML relief (TIN rasterised)
 * @param bottomCells cells under buildings, at their LOD1 bottom height
 * @param tinCells cells interpolated linearly in the Delaunay TIN of building ground points
 * @param idwCells cells filled by inverse distance (outside the points' convex hull)
 * @param groundPoints ground points used for the TIN
 * @param buildingsWithoutLod1 buildings skipped for having no LOD1 geometry
 */
public record CityTerrain(
    TerrainGrid terrain,
    CellMask blocked,
    LocalMetricFrame frame,
    List<SiteBuilding> buildings,
    int demCells,
    int reliefCells,
    int bottomCells,
    int tinCells,
    int idwCells,
    int groundPoints,
    int buildingsWithoutLod1) {
  public CityTerrain {
    Objects.requireNonNull(terrain, "terrain");
    Objects.requireNonNull(blocked, "blocked");
    Objects.requireNonNull(frame, "frame");
    buildings = List.copyOf(buildings);
  }

  /** One line saying where the heights came from. */
  public String summary() {
    GridGeometry g = terrain.geometry();
    if (demCells > 0) {
      return String.format(
          java.util.Locale.ROOT,
          "terrain %d x %d cells of %.1f m in %s from a DEM (%d cells with data), %d buildings"
              + " (%d without LOD1 skipped), %d cells blocked",
          g.ncols(),
          g.nrows(),
          g.cellSizeMetres(),
          frame.identifier(),
          demCells,
          buildings.size(),
          buildingsWithoutLod1,
          blocked.count());
    }
    return String.format(
        java.util.Locale.ROOT,
        "terrain %d x %d cells of %.1f m in %s: %d from relief, %d under buildings, %d TIN-interpolated and %d by"
            + " inverse distance from %d ground points of %d buildings (%d without LOD1 skipped),"
            + " %d cells blocked",
        g.ncols(),
        g.nrows(),
        g.cellSizeMetres(),
        frame.identifier(),
        reliefCells,
        bottomCells,
        tinCells,
        idwCells,
        groundPoints,
        buildings.size(),
        buildingsWithoutLod1,
        blocked.count());
  }
}
