package org.citytwin.sensor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.model.CityObjectType;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The ground people can stand on in a crowd area: the area polygon minus the footprints of the city
 * model's buildings (and building parts), measured in metres in the local metric frame of the area
 * ({@link LocalMetricFrame#forPlace}: the JGD2011 plane rectangular zone in Japan, whose scale
 * error is at most about 1e-4, so areas are within about 0.02 %).
 *
 * <p>Only buildings are taken out: roads, squares and land-use areas are ground a crowd stands on,
 * and water or fenced ground is not in the PLATEAU building files the twin loads. Overlapping
 * footprints (a building and its parts) are unioned first, so nothing is subtracted twice.
 *
 * @param areaSquareMetres the area polygon's area
 * @param walkableSquareMetres the area minus the buildings on it
 * @param buildings how many building footprints intersect the area
 * @param frame the metric frame the areas were measured in, for example {@code EPSG:6674}
 */
public record WalkableGround(
    double areaSquareMetres, double walkableSquareMetres, int buildings, String frame) {
  private static final EnumSet<CityObjectType> BUILDINGS =
      EnumSet.of(CityObjectType.BUILDING, CityObjectType.BUILDING_PART);

  public WalkableGround {
    if (!(areaSquareMetres >= 0) || !(walkableSquareMetres >= 0)) {
      throw new IllegalArgumentException(
          "areas must be >= 0 m², were " + areaSquareMetres + " and " + walkableSquareMetres);
    }
    Objects.requireNonNull(frame, "frame");
  }

  /** The building-covered part of the area in square metres. */
  public double buildingSquareMetres() {
    return Math.max(0, areaSquareMetres - walkableSquareMetres);
  }

  /**
   * Measures the walkable ground of a lon/lat (Multi)Polygon against the buildings in the city.
   *
   * @throws IllegalArgumentException when the area is not polygonal
   * @throws StoreException when the city store cannot be queried
   */
  public static WalkableGround measure(TwinStore city, Geometry areaLonLat) throws StoreException {
    if (!(areaLonLat instanceof Polygonal) || areaLonLat.isEmpty()) {
      throw new IllegalArgumentException("a crowd area must be a non-empty (Multi)Polygon");
    }
    Point centre = areaLonLat.getCentroid();
    LocalMetricFrame frame = LocalMetricFrame.forPlace(centre.getX(), centre.getY());
    List<Geometry> footprints = new ArrayList<>();
    city.query(
        Query.of(
            Filter.and(new Filter.TypeIn(BUILDINGS), new Filter.GeometryIntersects(areaLonLat))),
        stored -> {
          if (stored.object().shape() != null
              && stored.object().shape().footprint() instanceof Polygonal) {
            footprints.add(stored.object().shape().footprint());
          }
        });
    try {
      Geometry area = frame.toMetric(areaLonLat);
      Geometry walkable = area;
      if (!footprints.isEmpty()) {
        List<Geometry> metric = new ArrayList<>(footprints.size());
        for (Geometry footprint : footprints) {
          // buffer(0) mends the occasional self-touching PLATEAU footprint before the overlay.
          metric.add(frame.toMetric(footprint).buffer(0));
        }
        walkable = area.difference(UnaryUnionOp.union(metric));
      }
      return new WalkableGround(
          area.getArea(), walkable.getArea(), footprints.size(), frame.identifier());
    } catch (CoordinateConversionException e) {
      throw new IllegalArgumentException(
          "the crowd area cannot be projected to " + frame.identifier() + ": " + e.getMessage(), e);
    }
  }
}
