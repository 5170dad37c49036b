package org.citytwin.http.ogc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.citytwin.analysis.AggregationSpec;
import org.citytwin.analysis.HistogramSpec;
import org.citytwin.http.HttpProblem;
import org.citytwin.http.RequestParameters;
import org.citytwin.query.Filter;
import org.citytwin.query.Literal;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * The validated parameters of an aggregate request: which objects ({@code bbox}, {@code polygon},
 * {@code filter}, all CRS84) and what to compute ({@code groupBy}, {@code measures}, {@code
 * histogram} with {@code bins} or {@code binWidth}). Every name must be a queryable of the
 * collection, and measures and the histogram attribute numeric ones.
 */
record AggregateRequest(Filter filter, AggregationSpec spec, Format format) {

  /** The representations of an aggregate. */
  enum Format {
    JSON,
    CSV
  }

  static final Set<String> PARAMETERS =
      Set.of(
          "f",
          "bbox",
          "polygon",
          "filter",
          "filter-lang",
          "filter-crs",
          "groupBy",
          "measures",
          "histogram",
          "bins",
          "binWidth");

  static AggregateRequest parse(
      RequestParameters parameters, Collections.Info collection, Queryables queryables) {
    Format format = format(parameters);
    List<Filter> filters = new ArrayList<>();
    filters.add(new Filter.TypeIn(collection.types()));
    bbox(parameters).ifPresent(filters::add);
    polygon(parameters).ifPresent(filters::add);
    Filter cql = ItemsRequest.filter(parameters, queryables);
    if (cql != null) {
      filters.add(cql);
    }
    Optional<String> groupBy = Optional.ofNullable(parameters.text("groupBy"));
    groupBy.ifPresent(name -> queryables.requireKnown("groupBy", Set.of(name.trim())));
    List<String> measures = parameters.list("measures");
    measures.forEach(name -> requireNumeric("measures", name, queryables));
    Optional<HistogramSpec> histogram = histogram(parameters, queryables);
    try {
      AggregationSpec spec = new AggregationSpec(groupBy.map(String::trim), measures, histogram);
      return new AggregateRequest(new Filter.And(filters), spec, format);
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badParameter("measures", e.getMessage());
    }
  }

  private static Format format(RequestParameters parameters) {
    String f = parameters.text("f");
    if (f == null || f.equals("json")) {
      return Format.JSON;
    }
    if (f.equals("csv")) {
      return Format.CSV;
    }
    throw HttpProblem.badParameter("f", "f must be json or csv, was '" + f + "'");
  }

  private static Optional<Filter> bbox(RequestParameters parameters) {
    double[] box = parameters.numbers("bbox", 4);
    if (box == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Filter.BboxIntersects(box[0], box[1], box[2], box[3]));
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badParameter("bbox", e.getMessage());
    }
  }

  /** A WKT (Multi)Polygon in CRS84 longitude/latitude, matched by footprint intersection. */
  private static Optional<Filter> polygon(RequestParameters parameters) {
    String wkt = parameters.text("polygon");
    if (wkt == null) {
      return Optional.empty();
    }
    Geometry geometry;
    try {
      geometry = new WKTReader().read(wkt);
    } catch (ParseException | IllegalArgumentException e) {
      throw HttpProblem.badParameter("polygon", "polygon is not valid WKT: " + e.getMessage());
    }
    if (!(geometry instanceof Polygonal) || geometry.isEmpty()) {
      throw HttpProblem.badParameter(
          "polygon",
          "polygon must be a non-empty WKT POLYGON or MULTIPOLYGON, was "
              + geometry.getGeometryType());
    }
    var envelope = geometry.getEnvelopeInternal();
    if (envelope.getMinX() < -180
        || envelope.getMaxX() > 180
        || envelope.getMinY() < -90
        || envelope.getMaxY() > 90) {
      throw HttpProblem.badParameter(
          "polygon",
          "polygon must be in CRS84 longitude/latitude degrees, its extent is " + envelope);
    }
    IsValidOp validity = new IsValidOp(geometry);
    if (!validity.isValid()) {
      throw HttpProblem.badParameter(
          "polygon", "polygon is not a valid polygon: " + validity.getValidationError());
    }
    return Optional.of(new Filter.GeometryIntersects(geometry));
  }

  private static Optional<HistogramSpec> histogram(
      RequestParameters parameters, Queryables queryables) {
    String attribute = parameters.text("histogram");
    boolean hasBins = parameters.text("bins") != null;
    double[] width = parameters.numbers("binWidth", 1);
    if (attribute == null) {
      if (hasBins || width != null) {
        throw HttpProblem.badParameter(
            hasBins ? "bins" : "binWidth",
            (hasBins ? "bins" : "binWidth") + " is given without histogram");
      }
      return Optional.empty();
    }
    requireNumeric("histogram", attribute, queryables);
    if (hasBins && width != null) {
      throw HttpProblem.badParameter("bins", "give either bins or binWidth, not both");
    }
    if (width != null) {
      if (!(width[0] > 0)) {
        throw HttpProblem.badParameter("binWidth", "binWidth must be > 0, was " + width[0]);
      }
      return Optional.of(HistogramSpec.width(attribute.trim(), width[0]));
    }
    int bins = parameters.integer("bins", HistogramSpec.DEFAULT_BINS, 1, HistogramSpec.MAX_BINS);
    return Optional.of(HistogramSpec.bins(attribute.trim(), bins));
  }

  private static void requireNumeric(String parameter, String name, Queryables queryables) {
    String trimmed = name.trim();
    queryables.requireKnown(parameter, Set.of(trimmed));
    if (queryables.kinds().get(trimmed) != Literal.Kind.NUMBER) {
      throw HttpProblem.badParameter(
          parameter,
          "'"
              + trimmed
              + "' in "
              + parameter
              + " is not numeric; see the collection's /queryables");
    }
  }
}
