package org.citytwin.tiles;

import org.citytwin.model.CityObject;
import org.citytwin.model.DerivedShape;
import org.locationtech.jts.geom.Point;

/**
 * The one point that decides which leaf tile a building belongs to: a point inside its footprint
 * (JTS interior point, the centroid when that lies inside), or the centre of its envelope when the
 * footprint is empty. Being inside the footprint, it lies in every box that the store's footprint
 * bbox query for the building's leaf uses, so the building is always found again.
 */
record TileAnchor(double lon, double lat) {

  static TileAnchor of(CityObject object) {
    DerivedShape shape = object.shape();
    if (!shape.footprint().isEmpty()) {
      Point point = shape.footprint().getInteriorPoint();
      if (!point.isEmpty()) {
        return new TileAnchor(point.getX(), point.getY());
      }
    }
    return new TileAnchor(
        (shape.envelope().minLon() + shape.envelope().maxLon()) / 2,
        (shape.envelope().minLat() + shape.envelope().maxLat()) / 2);
  }
}
