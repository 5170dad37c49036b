package org.citytwin.http.ogc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.citytwin.geojson.GeometryChoice;
import org.citytwin.http.HttpProblem;
import org.citytwin.http.RequestParameters;
import org.citytwin.model.Envelope3D;
import org.citytwin.query.Cql2Parser;
import org.citytwin.query.Cql2SyntaxException;
import org.citytwin.query.Filter;
import org.citytwin.query.Literal;
import org.citytwin.query.Query;
import org.citytwin.query.SortKey;

/**
 * The validated parameters of an items request, turned into a core {@link Query}: every value is
 * checked here, with the parameter and the reason in the error, before the store is touched.
 */
record ItemsRequest(
    Query query, ResponseCrs crs, GeometryChoice geometry, Predicate<String> properties) {

  static final Set<String> PARAMETERS =
      Set.of(
          "f",
          "bbox",
          "bbox-crs",
          "crs",
          "limit",
          "offset",
          "filter",
          "filter-lang",
          "filter-crs",
          "properties",
          "sortby",
          "geometry",
          "datetime");
  static final String CQL2_TEXT = "cql2-text";
  static final String CQL_TEXT_DRAFT = "cql-text";
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 10_000;
  private static final int MAX_OFFSET = 1_000_000_000;

  /** No {@code properties=}: every property; compared by identity in {@link #defaultFeatures}. */
  private static final Predicate<String> ALL_PROPERTIES = name -> true;

  static ItemsRequest parse(
      RequestParameters parameters, Collections.Info collection, Queryables queryables) {
    List<Filter> filters = new ArrayList<>();
    filters.add(new Filter.TypeIn(collection.types()));
    ResponseCrs bboxCrs = ResponseCrs.parse("bbox-crs", parameters.text("bbox-crs"));
    Filter bbox = bbox(parameters, bboxCrs);
    if (bbox != null) {
      filters.add(bbox);
    }
    Filter cql = filter(parameters, queryables);
    if (cql != null) {
      filters.add(cql);
    }
    filters.addAll(queryableParameters(parameters, queryables));
    int limit = parameters.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = parameters.integer("offset", 0, 0, MAX_OFFSET);
    GeometryChoice geometry = geometry(parameters);
    Query query =
        Query.of(new Filter.And(filters))
            .page(limit, offset)
            .withGeometry(geometry.needsLodGeometry());
    List<SortKey> sort = sortBy(parameters, queryables);
    if (!sort.isEmpty()) {
      query = query.sortedBy(sort.toArray(SortKey[]::new));
    }
    ResponseCrs crs = ResponseCrs.parse("crs", parameters.text("crs"));
    return new ItemsRequest(query, crs, geometry, properties(parameters, queryables));
  }

  /**
   * Whether the features are asked in their default form (CRS84, footprint, every property), which
   * {@link DefaultFeatureJson} keeps ready.
   */
  boolean defaultFeatures() {
    return crs.isCrs84() && geometry == GeometryChoice.FOOTPRINT && properties == ALL_PROPERTIES;
  }

  /**
   * {@code ?usage=411}: equality on a queryable, the value read as the queryable's kind. Walks the
   * request's few parameters, not the collection's many queryables; sorted by name so the filter
   * (and so the SQL) does not depend on the order of the query string.
   */
  private static List<Filter> queryableParameters(
      RequestParameters parameters, Queryables queryables) {
    List<Filter> filters = new ArrayList<>();
    for (String name : new TreeSet<>(parameters.names())) {
      Literal.Kind kind = PARAMETERS.contains(name) ? null : queryables.kinds().get(name);
      String value = kind == null ? null : parameters.text(name);
      if (value != null) {
        filters.add(new Filter.Compare(name, Filter.Operator.EQ, literal(name, kind, value)));
      }
    }
    return filters;
  }

  private static Literal literal(String name, Literal.Kind kind, String value) {
    if (kind == Literal.Kind.TEXT) {
      return Literal.of(value);
    }
    try {
      return Literal.of(Double.parseDouble(value));
    } catch (NumberFormatException e) {
      throw HttpProblem.badParameter(name, name + " holds numbers; '" + value + "' is not one");
    }
  }

  static GeometryChoice geometry(RequestParameters parameters) {
    String text = parameters.text("geometry");
    try {
      return text == null ? GeometryChoice.FOOTPRINT : GeometryChoice.parse(text);
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badParameter("geometry", e.getMessage());
    }
  }

  private static Filter bbox(RequestParameters parameters, ResponseCrs bboxCrs) {
    double[] box = parameters.numbers("bbox", 4, 6);
    if (box == null) {
      if (parameters.text("bbox-crs") != null) {
        throw HttpProblem.badParameter("bbox-crs", "bbox-crs is given without bbox");
      }
      return null;
    }
    try {
      if (box.length == 6) {
        if (!bboxCrs.isCrs84()) {
          throw HttpProblem.badParameter(
              "bbox", "a 3D bbox (6 numbers) must be in CRS84 with heights in metres");
        }
        return new Filter.Box3DIntersects(
            Envelope3D.of(box[0], box[1], box[2], box[3], box[4], box[5]));
      }
      if (box[0] > box[2] || box[1] > box[3]) {
        throw HttpProblem.badParameter(
            "bbox",
            "bbox min must not exceed max: "
                + box[0]
                + " > "
                + box[2]
                + " or "
                + box[1]
                + " > "
                + box[3]
                + " (boxes across the antimeridian are not supported)");
      }
      double[] crs84 = bboxCrs.bboxToCrs84(box);
      return new Filter.BboxIntersects(crs84[0], crs84[1], crs84[2], crs84[3]);
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badParameter("bbox", e.getMessage());
    }
  }

  /**
   * The {@code filter}, in CQL2 text or, with {@code filter-lang=cql-text} (the Part 3 drafts'
   * name, the only one GDAL 3.x's OAPIF driver sends), in the draft text GDAL writes: CQL2 text
   * plus {@code ILIKE}, LIKE patterns without an escape character ({@link
   * Cql2Parser#parseCqlTextDraft}).
   */
  static Filter filter(RequestParameters parameters, Queryables queryables) {
    String language = parameters.text("filter-lang");
    boolean draft = CQL_TEXT_DRAFT.equals(language);
    if (language != null && !draft && !language.equals(CQL2_TEXT)) {
      throw HttpProblem.badParameter(
          "filter-lang",
          "filter-lang must be "
              + CQL2_TEXT
              + " (or "
              + CQL_TEXT_DRAFT
              + ", the drafts' name GDAL 3.x sends), was '"
              + language
              + "'");
    }
    String filterCrs = parameters.text("filter-crs");
    if (filterCrs != null && !ResponseCrs.parse("filter-crs", filterCrs).isCrs84()) {
      throw HttpProblem.badParameter(
          "filter-crs", "filter-crs must be CRS84 (" + ResponseCrs.CRS84 + ")");
    }
    String text = parameters.text("filter");
    if (text == null) {
      return null;
    }
    Filter filter;
    try {
      filter = draft ? Cql2Parser.parseCqlTextDraft(text) : Cql2Parser.parse(text);
    } catch (Cql2SyntaxException e) {
      throw HttpProblem.badParameter("filter", e.getMessage());
    }
    queryables.requireKnown("filter", FilterProperties.of(filter));
    return filter;
  }

  private static List<SortKey> sortBy(RequestParameters parameters, Queryables queryables) {
    List<SortKey> keys = new ArrayList<>();
    for (String item : parameters.list("sortby")) {
      boolean descending = item.startsWith("-");
      String name = item.startsWith("-") || item.startsWith("+") ? item.substring(1) : item;
      queryables.requireKnown("sortby", Set.of(name));
      keys.add(descending ? SortKey.descending(name) : SortKey.ascending(name));
    }
    return keys;
  }

  private static Predicate<String> properties(RequestParameters parameters, Queryables queryables) {
    List<String> names = parameters.list("properties");
    if (names.isEmpty()) {
      return ALL_PROPERTIES;
    }
    Set<String> selected = new HashSet<>(names);
    selected.remove("risks");
    queryables.requireKnown("properties", selected);
    Set<String> wanted = Set.copyOf(names);
    return wanted::contains;
  }
}
