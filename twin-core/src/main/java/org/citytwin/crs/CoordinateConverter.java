package org.citytwin.crs;

import java.util.Objects;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.SingleCRS;
import org.opengis.referencing.cs.CoordinateSystem;
import org.opengis.referencing.operation.CoordinateOperation;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.NoninvertibleTransformException;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Converts coordinates of one source CRS to the canonical frame (CRS84 longitude, latitude in
 * degrees, height in metres) and back. Immutable and safe to share between threads.
 *
 * <p>Coordinates travel as flat {@code x, y, z} triples in the source's own axis order: latitude,
 * longitude for EPSG:6697, 6668 and 4326; easting, northing for projected CRSs. Only the horizontal
 * component is transformed; the third value passes through unchanged, so heights stay as the source
 * publishes them (orthometric for PLATEAU and German data), never ellipsoidal.
 *
 * <p>Heights of 2D sources: a 2D srsName does not mean 2D coordinates. Berlin's LoD2 data, for
 * example, names the 2D {@code EPSG:25833} but writes three values per position, the third being
 * DHHN height. So the converter never invents heights: the caller fills the third slot with the
 * source's third value, or with 0 when the positions really have two values ({@code
 * srsDimension="2"}), and that is the canonical height.
 *
 * <p>JGD2011, ETRS89 and RGF93 are treated by EPSG as equal to WGS 84 within about one metre, and
 * that is the operation Apache SIS picks; {@link #accuracyMetres()} tells what SIS claims. When SIS
 * knows no datum shift it uses a "ballpark" operation that ignores the datum change, and reports an
 * accuracy of thousands of metres: such a converter is still returned, since for the datums above
 * the omitted shift is below a metre, but callers that care should check {@link #accuracyMetres()}.
 */
public final class CoordinateConverter {

  private final SrsName srsName;
  private final int sourceDimension;
  private final MathTransform toCanonical;
  private final MathTransform fromCanonical;
  private final double accuracyMetres;

  private CoordinateConverter(
      SrsName srsName,
      int sourceDimension,
      MathTransform toCanonical,
      MathTransform fromCanonical,
      double accuracyMetres) {
    this.srsName = srsName;
    this.sourceDimension = sourceDimension;
    this.toCanonical = toCanonical;
    this.fromCanonical = fromCanonical;
    this.accuracyMetres = accuracyMetres;
  }

  /**
   * Builds the converter for a resolved source CRS.
   *
   * @throws UnknownCrsException when the CRS has no horizontal part in its first two axes or SIS
   *     finds no operation to CRS84
   */
  static CoordinateConverter create(SrsName srsName, CoordinateReferenceSystem source)
      throws UnknownCrsException {
    SingleCRS horizontal = CRS.getHorizontalComponent(source);
    if (horizontal == null || !horizontalAxesFirst(source, horizontal)) {
      throw new UnknownCrsException(
          srsName.text(), "has no horizontal component in its first two axes: " + source.getName());
    }
    try {
      CoordinateOperation operation =
          CRS.findOperation(horizontal, CommonCRS.WGS84.normalizedGeographic(), null);
      // The third coordinate (height, or the unused slot of a 2D source) passes through.
      MathTransform forward = MathTransforms.passThrough(0, operation.getMathTransform(), 1);
      return new CoordinateConverter(
          srsName,
          source.getCoordinateSystem().getDimension(),
          forward,
          forward.inverse(),
          CRS.getLinearAccuracy(operation));
    } catch (FactoryException | NoninvertibleTransformException e) {
      throw new UnknownCrsException(
          srsName.text(), "has no known operation to CRS84: " + e.getMessage(), e);
    }
  }

  private static boolean horizontalAxesFirst(CoordinateReferenceSystem source, SingleCRS h) {
    CoordinateSystem all = source.getCoordinateSystem();
    CoordinateSystem horizontal = h.getCoordinateSystem();
    return horizontal.getDimension() == 2
        && all.getDimension() <= 3
        && all.getAxis(0).getDirection().equals(horizontal.getAxis(0).getDirection())
        && all.getAxis(1).getDirection().equals(horizontal.getAxis(1).getDirection());
  }

  /** The source CRS in short form: {@code EPSG:6697}, or {@code EPSG:25832+7837}. */
  public String sourceIdentifier() {
    return srsName.identifier();
  }

  /** The srsName as the source gave it. */
  public String srsName() {
    return srsName.text();
  }

  /**
   * 2 or 3: whether the source CRS defines a height axis (a compound or 3D CRS). Informative only;
   * conversion always works on triples.
   */
  public int sourceDimension() {
    return sourceDimension;
  }

  /**
   * How accurate SIS says the horizontal operation is, in metres; NaN when unknown. About 1 for
   * EPSG's "to WGS 84" identity transformations, thousands for a ballpark operation.
   */
  public double accuracyMetres() {
    return accuracyMetres;
  }

  /**
   * Transforms {@code count} triples starting at {@code offset} in place, from source axis order to
   * {@code lon, lat, h}; the third value passes through.
   *
   * @throws CoordinateConversionException when SIS cannot transform a coordinate (far outside the
   *     projection's domain); the array is then partly transformed and must be discarded
   */
  public void toCanonical(double[] xyz, int offset, int count)
      throws CoordinateConversionException {
    transform(toCanonical, xyz, offset, count, "to CRS84");
  }

  /**
   * Transforms {@code count} triples starting at {@code offset} in place, from {@code lon, lat, h}
   * to the source axis order; the height passes through.
   *
   * @throws CoordinateConversionException when SIS cannot transform a coordinate
   */
  public void fromCanonical(double[] xyz, int offset, int count)
      throws CoordinateConversionException {
    transform(fromCanonical, xyz, offset, count, "from CRS84");
  }

  private void transform(MathTransform transform, double[] xyz, int offset, int count, String way)
      throws CoordinateConversionException {
    transformInPlace(transform, xyz, offset, count, way + " for " + sourceIdentifier());
  }

  /**
   * Transforms {@code count} triples in place; a failure names {@code what} was being done and the
   * first coordinate.
   */
  static void transformInPlace(
      MathTransform transform, double[] xyz, int offset, int count, String what)
      throws CoordinateConversionException {
    checkRange(xyz, offset, count);
    try {
      transform.transform(xyz, offset, xyz, offset, count);
    } catch (TransformException e) {
      throw new CoordinateConversionException(
          "cannot transform coordinates "
              + what
              + " starting at ("
              + xyz[offset]
              + ", "
              + xyz[offset + 1]
              + "): "
              + e.getMessage(),
          e);
    }
  }

  static void checkRange(double[] xyz, int offset, int count) {
    Objects.requireNonNull(xyz, "xyz");
    if (offset < 0 || count < 0 || offset + 3L * count > xyz.length) {
      throw new IllegalArgumentException(
          "cannot read "
              + count
              + " xyz triples from offset "
              + offset
              + " of an array of length "
              + xyz.length);
    }
  }

  @Override
  public String toString() {
    return "CoordinateConverter[" + sourceIdentifier() + " -> CRS84]";
  }
}
