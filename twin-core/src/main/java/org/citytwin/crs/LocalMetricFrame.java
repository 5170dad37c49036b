package org.citytwin.crs;

import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.IdentifiedObjects;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * A projected frame in metres around a place, for distances, areas and simulation grids: the WGS 84
 * UTM zone containing the place (or the polar stereographic frame beyond 84N/80S), as chosen by SIS
 * {@code CommonCRS.WGS84.universal}. Immutable and safe to share between threads.
 *
 * <p>UTM distorts lengths by a scale factor between 0.9996 on the central meridian and about 1.001
 * at the zone edge, so a length is off by at most 0.1 % and an area by 0.2 % anywhere in the zone.
 * That is fine for simulation grids; exact areas on the ellipsoid belong elsewhere. JGD2011 plane
 * rectangular zones are more accurate for Japan; they are assigned by prefecture, so {@link
 * #japanPlaneRectangular} picks the zone whose origin is nearest (right for most of Japan, and
 * within a scale error of about 1e-4 where it is not), and {@link #ofEpsg} takes any zone by code.
 */
public final class LocalMetricFrame {

  private final String identifier;
  private final MathTransform toMetric;
  private final MathTransform fromMetric;

  private LocalMetricFrame(String identifier, MathTransform toMetric, MathTransform fromMetric) {
    this.identifier = identifier;
    this.toMetric = toMetric;
    this.fromMetric = fromMetric;
  }

  /**
   * The frame for the zone containing a place.
   *
   * @throws IllegalArgumentException when the place is not a finite lon/lat in range
   */
  public static LocalMetricFrame around(double lon, double lat) {
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException(
          "place must be lon in -180..180 and lat in -90..90, was (" + lon + ", " + lat + ")");
    }
    ProjectedCRS zone = CommonCRS.WGS84.universal(lat, lon);
    try {
      MathTransform horizontal =
          CRS.findOperation(CommonCRS.WGS84.normalizedGeographic(), zone, null).getMathTransform();
      MathTransform forward = MathTransforms.passThrough(0, horizontal, 1);
      return new LocalMetricFrame(identifierOf(zone), forward, forward.inverse());
    } catch (FactoryException | TransformException e) {
      // The target is a built-in SIS definition; failing here is a broken installation.
      throw new IllegalStateException("SIS cannot project to " + zone.getName(), e);
    }
  }

  /**
   * The projected CRS with an EPSG code, axes put in easting, northing order (EPSG gives the
   * Japanese zones as northing, easting).
   *
   * @throws IllegalArgumentException when the code is not a projected CRS in the EPSG dataset
   */
  public static LocalMetricFrame ofEpsg(int code) {
    CoordinateReferenceSystem crs;
    try {
      crs = CRS.forCode("EPSG:" + code);
    } catch (FactoryException e) {
      throw new IllegalArgumentException("EPSG:" + code + " is not a known CRS: " + e.getMessage());
    }
    if (!(crs instanceof ProjectedCRS)) {
      throw new IllegalArgumentException("EPSG:" + code + " is not a projected CRS");
    }
    CoordinateReferenceSystem eastNorth =
        AbstractCRS.castOrCopy(crs).forConvention(AxesConvention.DISPLAY_ORIENTED);
    try {
      MathTransform horizontal =
          CRS.findOperation(CommonCRS.WGS84.normalizedGeographic(), eastNorth, null)
              .getMathTransform();
      MathTransform forward = MathTransforms.passThrough(0, horizontal, 1);
      return new LocalMetricFrame("EPSG:" + code, forward, forward.inverse());
    } catch (FactoryException | TransformException e) {
      throw new IllegalArgumentException("no operation from CRS84 to EPSG:" + code, e);
    }
  }

  /**
   * The JGD2011 plane rectangular zone (EPSG:6669 to 6687, zones I to XIX) whose origin is nearest
   * to a place. Osaka (135.5E, 34.7N) gets zone VI, EPSG:6674, the zone of Osaka prefecture.
   */
  public static LocalMetricFrame japanPlaneRectangular(double lon, double lat) {
    return ofEpsg(JapanZones.nearest(lon, lat));
  }

  /**
   * The JGD2011 plane rectangular zone nearest to a place inside Japan's bounds (122..154E,
   * 20..46N), the UTM zone elsewhere: the most accurate frame this class offers for the place.
   */
  public static LocalMetricFrame forPlace(double lon, double lat) {
    boolean japan = lon >= 122 && lon <= 154 && lat >= 20 && lat <= 46;
    return japan ? japanPlaneRectangular(lon, lat) : around(lon, lat);
  }

  /**
   * A copy of a 2D lon/lat geometry with every vertex in this frame's easting, northing (metres),
   * for lengths and areas; the input is left as it was.
   */
  public Geometry toMetric(Geometry lonLat) throws CoordinateConversionException {
    Geometry copy = lonLat.copy();
    CoordinateConversionException[] failure = new CoordinateConversionException[1];
    copy.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence sequence, int i) {
            if (failure[0] != null) {
              return;
            }
            double[] xyz = {sequence.getX(i), sequence.getY(i), 0};
            try {
              toMetric(xyz, 0, 1);
            } catch (CoordinateConversionException e) {
              failure[0] = e;
              return;
            }
            sequence.setOrdinate(i, 0, xyz[0]);
            sequence.setOrdinate(i, 1, xyz[1]);
          }

          @Override
          public boolean isDone() {
            return failure[0] != null;
          }

          @Override
          public boolean isGeometryChanged() {
            return true;
          }
        });
    if (failure[0] != null) {
      throw failure[0];
    }
    copy.geometryChanged();
    return copy;
  }

  /** The EPSG code of the frame's CRS, or -1 when it has none. */
  public int epsgCode() {
    if (identifier.startsWith("EPSG:")) {
      try {
        return Integer.parseInt(identifier.substring(5));
      } catch (NumberFormatException e) {
        return -1; // a compound identifier such as EPSG:25832+7837
      }
    }
    return -1;
  }

  private static String identifierOf(ProjectedCRS zone) {
    String code = IdentifiedObjects.getIdentifierOrName(zone);
    return code.startsWith("EPSG:") ? code : zone.getName().getCode();
  }

  /** The projected CRS, for example {@code EPSG:32654} (WGS 84 / UTM zone 54N). */
  public String identifier() {
    return identifier;
  }

  /** Transforms {@code count} {@code lon, lat, h} triples in place to easting, northing, h. */
  public void toMetric(double[] xyz, int offset, int count) throws CoordinateConversionException {
    transform(toMetric, xyz, offset, count);
  }

  /** Transforms {@code count} easting, northing, h triples in place to {@code lon, lat, h}. */
  public void fromMetric(double[] xyz, int offset, int count) throws CoordinateConversionException {
    transform(fromMetric, xyz, offset, count);
  }

  private void transform(MathTransform transform, double[] xyz, int offset, int count)
      throws CoordinateConversionException {
    CoordinateConverter.transformInPlace(transform, xyz, offset, count, "in " + identifier);
  }

  @Override
  public String toString() {
    return "LocalMetricFrame[" + identifier + "]";
  }
}
