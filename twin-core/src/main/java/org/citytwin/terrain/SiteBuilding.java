package org.citytwin.terrain;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * A building as the terrain sees it: its footprint in the grid's metric CRS and the heights of its
 * LOD1 bottom and top.
 *
 * @param id the gml:id
 * @param footprint the ground outline, (Multi)Polygon in the grid's CRS
 * @param lonLatFootprint the same outline in CRS84 longitude, latitude
 * @param groundHeightMetres lowest LOD1 vertex
 * @param roofHeightMetres highest LOD1 vertex
 */
public record SiteBuilding(
    String id,
    Geometry footprint,
    Geometry lonLatFootprint,
    double groundHeightMetres,
    double roofHeightMetres) {
  public SiteBuilding {
    Objects.requireNonNull(id, "id");
    if (!(footprint instanceof Polygonal)) {
      throw new IllegalArgumentException("building " + id + " footprint must be polygonal");
    }
  }
}
