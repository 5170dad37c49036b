package org.citytwin.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Envelope3D;
import org.citytwin.query.Filter;
import org.citytwin.query.FixedAttribute;
import org.citytwin.query.GroundDistance;
import org.citytwin.query.Literal;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Translates a {@link Filter} into a SQL condition over {@code city_object o JOIN dataset d}.
 * Column names come only from {@link Columns}; every value, including generic attribute names, is a
 * parameter, so no user text ever becomes SQL.
 *
 * <p>SQL's three-valued logic is made two-valued as {@link Filter} promises: outside {@code NOT},
 * UNKNOWN already acts as false in WHERE; under {@code NOT} the operand is wrapped in {@code
 * COALESCE(..., FALSE)}. Leaves keep their plain form so the planner can use the indexes.
 */
final class SqlFilter {

  private static final GeometryFactory GEOMETRIES =
      new GeometryFactory(new PrecisionModel(), ObjectInsert.SRID);

  private final StringBuilder sql = new StringBuilder();
  private final List<Object> parameters = new ArrayList<>();

  private SqlFilter() {}

  /** The condition and its parameters, in order. */
  record Condition(String sql, List<Object> parameters) {}

  static Condition of(Filter filter) {
    SqlFilter builder = new SqlFilter();
    builder.append(filter);
    return new Condition(builder.sql.toString(), List.copyOf(builder.parameters));
  }

  private void append(Filter filter) {
    if (filter instanceof Filter.And and) {
      junction(and.filters(), " AND ", "TRUE");
    } else if (filter instanceof Filter.Or or) {
      junction(or.filters(), " OR ", "FALSE");
    } else if (filter instanceof Filter.Not not) {
      sql.append("NOT COALESCE((");
      append(not.filter());
      sql.append("), FALSE)");
    } else if (filter instanceof Filter.Compare compare) {
      value(compare.attribute(), compare.value().kind(), op(compare.op()) + " ?", compare.value());
    } else if (filter instanceof Filter.Between between) {
      value(
          between.attribute(),
          between.low().kind(),
          "BETWEEN ? AND ?",
          between.low(),
          between.high());
    } else if (filter instanceof Filter.In in) {
      in(in);
    } else if (filter instanceof Filter.Like like) {
      String operator = like.ignoreCase() ? "ILIKE" : "LIKE";
      value(
          like.attribute(),
          Literal.Kind.TEXT,
          operator + " ? ESCAPE '\\'",
          Literal.of(like.pattern()));
    } else if (filter instanceof Filter.IsNull isNull) {
      isNull(isNull.attribute());
    } else {
      spatialOrType(filter);
    }
  }

  private void spatialOrType(Filter filter) {
    if (filter instanceof Filter.TypeIn typeIn) {
      sql.append("o.type IN (").append(placeholders(typeIn.types().size())).append(')');
      typeIn.types().stream().map(CityObjectType::id).sorted().forEach(parameters::add);
    } else if (filter instanceof Filter.BboxIntersects box) {
      Envelope envelope = new Envelope(box.minLon(), box.maxLon(), box.minLat(), box.maxLat());
      Geometry query = boxGeometry(envelope);
      sql.append("(o.footprint && ? AND ST_Intersects(o.footprint, ?))");
      parameters.addAll(List.of(query, query));
    } else if (filter instanceof Filter.Box3DIntersects box3d) {
      // The envelope box geometry is exactly the 2D envelope, so its R-tree test is exact too.
      Envelope3D box = box3d.box();
      Envelope flat = new Envelope(box.minLon(), box.maxLon(), box.minLat(), box.maxLat());
      sql.append("(o.envelope_box && ? AND o.min_h <= ? AND o.max_h >= ?)");
      parameters.addAll(List.of(boxGeometry(flat), box.maxHeight(), box.minHeight()));
    } else if (filter instanceof Filter.GeometryIntersects intersects) {
      Geometry geometry = intersects.lonLat().copy();
      geometry.setSRID(ObjectInsert.SRID);
      sql.append("(o.footprint && ? AND ST_Intersects(o.footprint, ?))");
      parameters.addAll(List.of(geometry, geometry));
    } else if (filter instanceof Filter.WithinDistance within) {
      withinDistance(within);
    } else {
      throw new IllegalArgumentException("unsupported filter " + filter);
    }
  }

  /** An R-tree test on a degree box that is sure to hold every match, then the exact metric. */
  private void withinDistance(Filter.WithinDistance within) {
    Envelope box = GroundDistance.searchBox(within.lon(), within.lat(), within.metres());
    sql.append("(o.footprint && ? AND ");
    sql.append(Schema.GROUND_METRES_FUNCTION).append("(o.footprint, ?, ?) <= ?)");
    parameters.addAll(List.of(boxGeometry(box), within.lon(), within.lat(), within.metres()));
  }

  /**
   * A query box as a 4326 polygon; {@code &&} compares bounding boxes, so a flat box (a point or
   * line) works as well.
   */
  static Geometry boxGeometry(Envelope box) {
    return GEOMETRIES.toGeometry(box);
  }

  private void junction(List<Filter> filters, String operator, String empty) {
    if (filters.isEmpty()) {
      sql.append(empty);
      return;
    }
    sql.append('(');
    for (int i = 0; i < filters.size(); i++) {
      sql.append(i == 0 ? "" : operator);
      append(filters.get(i));
    }
    sql.append(')');
  }

  /**
   * A value predicate {@code <target> <tail>}: on a fixed column directly, on a generic attribute
   * through {@link #generic} (numbers match numeric values, texts the text of any value).
   */
  private void value(String attribute, Literal.Kind kind, String tail, Literal... literals) {
    Optional<FixedAttribute> fixed = FixedAttribute.find(attribute);
    if (fixed.isPresent()) {
      sql.append('(').append(Columns.of(fixed.get())).append(' ').append(tail).append(')');
    } else {
      sql.append('(').append(generic(kind)).append(' ').append(tail).append(')');
      parameters.add(attribute);
    }
    for (Literal literal : literals) {
      parameters.add(parameter(literal));
    }
  }

  private void in(Filter.In in) {
    Optional<FixedAttribute> fixed = FixedAttribute.find(in.attribute());
    if (fixed.isPresent()) {
      sql.append('(').append(Columns.of(fixed.get())).append(" IN (");
      sql.append(placeholders(in.values().size())).append("))");
      in.values().forEach(v -> parameters.add(parameter(v)));
      return;
    }
    // A generic list may mix numbers and texts: each kind is matched against its own column.
    List<Filter> byKind = new ArrayList<>();
    for (Literal.Kind kind : Literal.Kind.values()) {
      List<Literal> ofKind = in.values().stream().filter(v -> v.kind() == kind).toList();
      if (!ofKind.isEmpty()) {
        byKind.add(new Filter.In(in.attribute(), ofKind));
      }
    }
    if (byKind.size() == 1) {
      List<Literal> values = ((Filter.In) byKind.get(0)).values();
      value(
          in.attribute(),
          values.get(0).kind(),
          "IN (" + placeholders(values.size()) + ")",
          values.toArray(Literal[]::new));
    } else {
      junction(byKind, " OR ", "FALSE");
    }
  }

  private void isNull(String attribute) {
    Optional<FixedAttribute> fixed = FixedAttribute.find(attribute);
    if (fixed.isPresent()) {
      sql.append('(').append(Columns.of(fixed.get())).append(" IS NULL)");
    } else {
      // Every present attribute has a text, so a null text means the attribute is absent.
      sql.append('(').append(generic(Literal.Kind.TEXT)).append(" IS NULL)");
      parameters.add(attribute);
    }
  }

  /**
   * A generic attribute's value of {@code kind} read from {@code attributes_json}, with the name as
   * the next parameter: the number or null ({@link SqlFunctions#attributeNumber}), or the text or
   * null ({@link SqlFunctions#attributeText}). No index serves it, so H2 evaluates it on the rows
   * the indexed predicates leave.
   */
  static String generic(Literal.Kind kind) {
    String function =
        kind == Literal.Kind.NUMBER
            ? Schema.ATTRIBUTE_NUMBER_FUNCTION
            : Schema.ATTRIBUTE_TEXT_FUNCTION;
    return function + "(o.attributes_json, ?)";
  }

  private static Object parameter(Literal literal) {
    if (literal instanceof Literal.NumberLiteral number) {
      return number.value();
    }
    return ((Literal.TextLiteral) literal).value();
  }

  private static String op(Filter.Operator op) {
    return switch (op) {
      case EQ -> "=";
      case NE -> "<>";
      case LT -> "<";
      case LE -> "<=";
      case GT -> ">";
      case GE -> ">=";
    };
  }

  static String placeholders(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }
}
