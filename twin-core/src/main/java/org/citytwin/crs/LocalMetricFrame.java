package org.citytwin.crs;

import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.IdentifiedObjects;
import org.apache.sis.referencing.operation.transform.MathTransforms;
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
 * rectangular zones would be more accurate for Japan but are assigned by prefecture, not by
 * position, so they are not guessed here.
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
