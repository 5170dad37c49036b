package org.citytwin.sensor;

import java.util.ArrayList;
import java.util.List;
import org.citytwin.model.CityObject;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.RiskAttribute;
import org.citytwin.model.RiskKind;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;

/**
 * The city objects an alert at a gauge concerns: those within a radius of it (a spatial query of
 * the city store), and among them the buildings whose PLATEAU river-flood risk attributes give a
 * depth above zero, from the gauge's river when its thresholds name one.
 */
final class CityExposure {
  private final TwinStore city;
  private final double radiusMetres;

  CityExposure(TwinStore city, double radiusMetres) {
    this.city = city;
    this.radiusMetres = radiusMetres;
  }

  /** The city store's version, so that looked-up objects are refreshed after an import. */
  long cityVersion() throws StoreException {
    return city.version();
  }

  double radiusMetres() {
    return radiusMetres;
  }

  /** The nearby object ids (gml_id order) and the flooding building ids among them. */
  Exposure around(Location gauge, String river) throws StoreException {
    List<String> nearby = new ArrayList<>();
    List<String> flooding = new ArrayList<>();
    Filter filter = new Filter.WithinDistance(gauge.lon(), gauge.lat(), radiusMetres);
    city.query(
        Query.of(filter),
        stored -> {
          CityObject object = stored.object();
          nearby.add(object.gmlId());
          if ((object.type() == CityObjectType.BUILDING
                  || object.type() == CityObjectType.BUILDING_PART)
              && floods(object, river)) {
            flooding.add(object.gmlId());
          }
        });
    return new Exposure(nearby, flooding);
  }

  private static boolean floods(CityObject object, String river) {
    for (RiskAttribute risk : object.risks()) {
      if (risk.kind() == RiskKind.RIVER_FLOOD
          && risk.depthMetres() != null
          && risk.depthMetres() > 0
          && (river == null || river.equals(risk.description()))) {
        return true;
      }
    }
    return false;
  }

  record Exposure(List<String> nearbyObjectIds, List<String> floodingBuildingIds) {}
}
