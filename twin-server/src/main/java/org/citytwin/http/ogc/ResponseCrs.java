package org.citytwin.http.ogc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.crs.CoordinateConverter;
import org.citytwin.crs.CrsRegistry;
import org.citytwin.crs.UnknownCrsException;
import org.citytwin.http.HttpProblem;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * The coordinate reference systems of OGC API - Features Part 2 this server offers for {@code crs}
 * and {@code bbox-crs}: CRS84 (the storage frame), EPSG:4326 and JGD2011 (EPSG:6668 geographic,
 * EPSG:6697 with heights) in latitude-longitude order, and the nineteen JGD2011 plane rectangular
 * zones (EPSG:6669-6687, northing-easting). Axis order always follows the CRS definition.
 */
final class ResponseCrs {
  static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  private static final String EPSG_PREFIX = "http://www.opengis.net/def/crs/EPSG/0/";
  static final List<String> SUPPORTED = supported();

  private static final CrsRegistry REGISTRY = new CrsRegistry();
  private static final Map<String, ResponseCrs> CACHE = new ConcurrentHashMap<>();

  private final String uri;
  private final CoordinateConverter converter;

  private ResponseCrs(String uri, CoordinateConverter converter) {
    this.uri = uri;
    this.converter = converter;
  }

  private static List<String> supported() {
    List<String> uris = new ArrayList<>();
    uris.add(CRS84);
    for (int code : new int[] {4326, 6668, 6697}) {
      uris.add(EPSG_PREFIX + code);
    }
    for (int code = 6669; code <= 6687; code++) {
      uris.add(EPSG_PREFIX + code);
    }
    return List.copyOf(uris);
  }

  /** The CRS named by {@code uri} in {@code parameter}; CRS84 when absent. */
  static ResponseCrs parse(String parameter, String uri) {
    String name = uri == null ? CRS84 : uri.trim();
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1); // safe CURIE form [EPSG:4326]
    }
    if (name.startsWith("EPSG:")) {
      name = EPSG_PREFIX + name.substring(5);
    }
    if (!SUPPORTED.contains(name)) {
      throw HttpProblem.badParameter(
          parameter,
          parameter
              + " '"
              + uri
              + "' is not offered; supported: CRS84, EPSG:4326, 6668, 6697, 6669-6687 as "
              + EPSG_PREFIX
              + "<code>");
    }
    return CACHE.computeIfAbsent(name, ResponseCrs::create);
  }

  private static ResponseCrs create(String uri) {
    if (uri.equals(CRS84)) {
      return new ResponseCrs(uri, null);
    }
    try {
      return new ResponseCrs(uri, REGISTRY.converterFor(uri));
    } catch (UnknownCrsException e) {
      throw new IllegalStateException(
          "offered CRS " + uri + " cannot be built: " + e.getMessage(), e);
    }
  }

  String uri() {
    return uri;
  }

  boolean isCrs84() {
    return converter == null;
  }

  /** Converts CRS84 geometries to this CRS (a copy; the input is not changed). */
  UnaryOperator<Geometry> fromCrs84() {
    if (converter == null) {
      return UnaryOperator.identity();
    }
    return geometry -> {
      Geometry copy = geometry.copy();
      copy.apply(new Converting(converter));
      copy.geometryChanged();
      return copy;
    };
  }

  /** A bbox given in this CRS as (minLon, minLat, maxLon, maxLat) in CRS84. */
  double[] bboxToCrs84(double[] bbox) {
    if (converter == null) {
      return bbox;
    }
    // Transform the four corners and take their extent: exact for geographic, close for projected.
    double[] corners = {
      bbox[0], bbox[1], 0, bbox[2], bbox[1], 0, bbox[0], bbox[3], 0, bbox[2], bbox[3], 0
    };
    try {
      converter.toCanonical(corners, 0, 4);
    } catch (CoordinateConversionException e) {
      throw HttpProblem.badParameter(
          "bbox", "bbox is outside the domain of " + uri + ": " + e.getMessage());
    }
    double minLon = Double.POSITIVE_INFINITY;
    double minLat = Double.POSITIVE_INFINITY;
    double maxLon = Double.NEGATIVE_INFINITY;
    double maxLat = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < 4; i++) {
      minLon = Math.min(minLon, corners[i * 3]);
      maxLon = Math.max(maxLon, corners[i * 3]);
      minLat = Math.min(minLat, corners[i * 3 + 1]);
      maxLat = Math.max(maxLat, corners[i * 3 + 1]);
    }
    return new double[] {minLon, minLat, maxLon, maxLat};
  }

  /** Converts each coordinate in place, keeping the height where there is one. */
  private static final class Converting implements CoordinateSequenceFilter {
    private final CoordinateConverter converter;
    private final double[] xyz = new double[3];

    Converting(CoordinateConverter converter) {
      this.converter = converter;
    }

    @Override
    public void filter(CoordinateSequence sequence, int i) {
      xyz[0] = sequence.getX(i);
      xyz[1] = sequence.getY(i);
      double z = sequence.getZ(i);
      xyz[2] = Double.isNaN(z) ? 0 : z;
      try {
        converter.fromCanonical(xyz, 0, 1);
      } catch (CoordinateConversionException e) {
        throw new IllegalStateException(
            "stored coordinate outside " + converter.sourceIdentifier(), e);
      }
      sequence.setOrdinate(i, 0, xyz[0]);
      sequence.setOrdinate(i, 1, xyz[1]);
      if (!Double.isNaN(z) && sequence.hasZ()) {
        sequence.setOrdinate(i, 2, xyz[2]);
      }
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public boolean isGeometryChanged() {
      return true;
    }
  }
}
