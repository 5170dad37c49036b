package org.citytwin.flood;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/** A building to watch during a run: its id and footprint polygon in the grid's CRS. */
public record BuildingFootprint(String id, Geometry footprint) {
  public BuildingFootprint {
    Objects.requireNonNull(id, "id");
    if (!(footprint instanceof Polygonal)) {
      throw new IllegalArgumentException(
          "building " + id + " footprint must be polygonal, was " + footprint);
    }
  }
}
