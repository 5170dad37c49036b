package org.citytwin.sensor;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A crowd area: a thing with an area polygon and the people count that says how many are in it (or
 * pass through it), with the walkable ground the city model leaves in the polygon.
 *
 * @param thing the thing; its id is the area's id
 * @param count the thing's {@link ObservationKind#PEOPLE_COUNT} datastream, counting the walkable
 *     ground ({@link CountScope#walkableArea()}) or a line ({@link CountScope#isLine()})
 * @param areaLonLat the area's CRS84 (Multi)Polygon: the thing's own area, else the footprint of
 *     its city object
 * @param areaCityObjectId the gml:id whose footprint is the area, null when the thing has its own
 * @param ground the walkable ground of the area
 */
public record CrowdArea(
    Thing thing,
    Datastream count,
    Geometry areaLonLat,
    String areaCityObjectId,
    WalkableGround ground) {
  public CrowdArea {
    Objects.requireNonNull(thing, "thing");
    Objects.requireNonNull(count, "count datastream");
    Objects.requireNonNull(areaLonLat, "area");
    Objects.requireNonNull(ground, "walkable ground");
    if (count.kind() != ObservationKind.PEOPLE_COUNT
        || !(count.countScope().walkableArea() || count.countScope().isLine())) {
      throw new IllegalArgumentException(
          "a crowd area counts with a walkable-area or line PEOPLE_COUNT, not " + count.id());
    }
    areaLonLat = areaLonLat.copy();
  }

  public String id() {
    return thing.id();
  }

  /** Whether the count is of persons through a line (a flow) rather than on the ground. */
  public boolean countsLine() {
    return count.countScope().isLine();
  }

  @Override
  public Geometry areaLonLat() {
    return areaLonLat.copy();
  }
}
