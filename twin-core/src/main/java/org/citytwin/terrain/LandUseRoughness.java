package org.citytwin.terrain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.CityObject;
import org.citytwin.model.CityObjectType;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * A grid of Manning's n from the city in a store ({@link RoughnessTable} per kind of ground): the
 * footprints of land-use parcels (luse:LandUse, n by their {@code class} code), roads (tran:Road
 * and tran:Square, the road n) and water bodies (the water n), read in the grid's lon/lat box,
 * carried into the grid's CRS and burnt by {@link LandUseRasteriser} (a cell takes the class
 * covering its centre). Where they overlap, water wins over roads (a road on a bridge crosses the
 * river the water flows in), and roads over land-use parcels (a road is drawn more exactly than the
 * parcel it runs through). Buildings are not a class: they stay obstacles of the terrain.
 */
public final class LandUseRoughness {
  static final int LAND_USE_LAYER = 0;
  static final int ROAD_LAYER = 1;
  static final int WATER_LAYER = 2;

  private LandUseRoughness() {}

  /** The n grid on {@code grid} (in {@code frame}) from the store's objects. */
  public static RoughnessGrid build(
      TwinStore store, GridGeometry grid, LocalMetricFrame frame, RoughnessTable table)
      throws StoreException, CoordinateConversionException {
    Filter box = CityTerrainBuilder.lonLatBox(frame, grid);
    List<CityObject> objects = new ArrayList<>();
    store.query(
        Query.of(
                Filter.and(
                    new Filter.TypeIn(
                        EnumSet.of(
                            CityObjectType.LAND_USE,
                            CityObjectType.ROAD,
                            CityObjectType.SQUARE,
                            CityObjectType.WATER_BODY)),
                    box))
            .withGeometry(true),
        stored -> objects.add(stored.object()));
    List<LandUseRasteriser.Area> areas = new ArrayList<>();
    for (CityObject o : objects) {
      Geometry footprint = CityTerrainBuilder.footprintOf(o);
      if (footprint == null || footprint.isEmpty() || !(footprint instanceof Polygonal)) {
        continue; // a line or point object covers no cell centre
      }
      Geometry metric = CitySamples.toMetric(frame, footprint);
      areas.add(area(o, metric, table));
    }
    return LandUseRasteriser.rasterise(grid, table.openGround(), areas);
  }

  private static LandUseRasteriser.Area area(CityObject o, Geometry metric, RoughnessTable table) {
    return switch (o.type()) {
      case ROAD, SQUARE -> new LandUseRasteriser.Area("road", table.road(), metric, ROAD_LAYER);
      case WATER_BODY -> new LandUseRasteriser.Area("water", table.water(), metric, WATER_LAYER);
      default -> {
        String code = classCode(o);
        yield new LandUseRasteriser.Area(
            "landUse:" + (code != null ? code : "none"),
            table.landUse(code),
            metric,
            LAND_USE_LAYER);
      }
    };
  }

  /** The {@code class} code of a land-use parcel, or null when it has none. */
  static String classCode(CityObject o) {
    AttributeValue v = o.attributes().get("class");
    return v == null ? null : v.text();
  }
}
