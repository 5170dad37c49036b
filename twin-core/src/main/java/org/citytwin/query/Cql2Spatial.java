package org.citytwin.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.citytwin.model.Envelope3D;
import org.citytwin.query.Cql2Token.Kind;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.util.AssertionFailedException;

/**
 * The spatial part of {@link Cql2Parser}: {@code S_INTERSECTS(<property>, <literal>)}, arguments in
 * either order.
 *
 * <p>The property must be {@code geometry} or {@code footprint}; both mean the object's 2D
 * footprint. Literals are in CRS84 degrees: WKT ({@code POINT}, {@code LINESTRING}, {@code
 * POLYGON}, their {@code MULTI} forms and {@code GEOMETRYCOLLECTION}, read with JTS's {@link
 * WKTReader}) becomes {@link Filter.GeometryIntersects}; {@code BBOX(west, south, east, north)}
 * becomes {@link Filter.BboxIntersects} and {@code BBOX(west, south, minHeight, east, north,
 * maxHeight)} {@link Filter.Box3DIntersects}. A box with west > east crosses the antimeridian and
 * becomes an {@link Filter.Or} of its two halves. {@code ENVELOPE} (an earlier draft's name) is
 * read as {@code BBOX}.
 */
final class Cql2Spatial {

  static final String INTERSECTS = "S_INTERSECTS";

  private static final Set<String> GEOMETRY_PROPERTIES = Set.of("geometry", "footprint");
  private static final Set<String> WKT_TYPES =
      Set.of(
          "POINT",
          "LINESTRING",
          "POLYGON",
          "MULTIPOINT",
          "MULTILINESTRING",
          "MULTIPOLYGON",
          "GEOMETRYCOLLECTION");
  private static final Set<String> BOX_TYPES = Set.of("BBOX", "ENVELOPE");

  private Cql2Spatial() {}

  /** Reads {@code S_INTERSECTS(a, b)}; the lexer is at the operator. */
  static Filter intersects(Cql2Lexer lexer) throws Cql2SyntaxException {
    lexer.next();
    lexer.expect(Kind.LEFT_PAREN, "expected '(' after " + INTERSECTS);
    Cql2Token firstToken = lexer.peek();
    Optional<Filter> first = argument(lexer);
    lexer.expect(Kind.COMMA, "expected ',' between the arguments of " + INTERSECTS);
    Cql2Token secondToken = lexer.peek();
    Optional<Filter> second = argument(lexer);
    lexer.expect(Kind.RIGHT_PAREN, "expected ')' to close " + INTERSECTS);
    if (first.isPresent() == second.isPresent()) {
      throw new Cql2SyntaxException(
          (first.isPresent() ? firstToken : secondToken).start(),
          INTERSECTS
              + " needs one geometry property and one geometry literal"
              + (first.isPresent() ? ", not two literals" : ", not two properties"));
    }
    return first.isPresent() ? first.get() : second.get();
  }

  /** A literal's filter, or empty after a valid geometry property name. */
  private static Optional<Filter> argument(Cql2Lexer lexer) throws Cql2SyntaxException {
    Cql2Token token = lexer.peek();
    String upper = token.value().toUpperCase(Locale.ROOT);
    if (token.is(Kind.WORD) && WKT_TYPES.contains(upper)) {
      return Optional.of(wkt(lexer));
    }
    if (token.is(Kind.WORD) && BOX_TYPES.contains(upper)) {
      return Optional.of(box(lexer));
    }
    if (token.is(Kind.WORD) || token.is(Kind.QUOTED_IDENTIFIER)) {
      if (!GEOMETRY_PROPERTIES.contains(token.value())) {
        throw new Cql2SyntaxException(
            token.start(),
            "'"
                + token.value()
                + "' is neither a geometry property (geometry, footprint) nor a geometry literal"
                + " (POINT, LINESTRING, POLYGON, MULTI..., GEOMETRYCOLLECTION, BBOX)");
      }
      lexer.next();
      return Optional.empty();
    }
    throw lexer.unexpected(
        "expected a geometry property or a POINT, LINESTRING, POLYGON, MULTI..., "
            + "GEOMETRYCOLLECTION or BBOX literal");
  }

  /** A WKT literal: its tokens up to the matching parenthesis (or EMPTY), then JTS's reader. */
  private static Filter wkt(Cql2Lexer lexer) throws Cql2SyntaxException {
    Cql2Token type = lexer.next();
    Cql2Token last = type;
    while (lexer.peek().is(Kind.WORD) && !last.isKeyword("EMPTY")) {
      last = lexer.next(); // Z, M, ZM or EMPTY
    }
    if (!last.isKeyword("EMPTY")) {
      last = balancedParentheses(lexer, type);
    }
    Geometry geometry;
    try {
      geometry = new WKTReader().read(lexer.slice(type.start(), last.end()));
    } catch (ParseException | IllegalArgumentException | AssertionFailedException e) {
      // JTS reports malformed text as ParseException, but impossible shapes (a two-point ring, a
      // point with two coordinates) as the runtime exceptions of the geometry constructors.
      String name = type.value().toUpperCase(Locale.ROOT);
      String reason = e.getMessage() != null ? e.getMessage() : "the coordinates are not a " + name;
      throw new Cql2SyntaxException(type.start(), "invalid " + name + " literal: " + reason);
    }
    return Cql2Parser.build(type, () -> intersects(geometry));
  }

  private static Filter intersects(Geometry lonLat) {
    Envelope extent = lonLat.getEnvelopeInternal();
    if (!extent.isNull()) {
      Degrees.requireLongitude(extent.getMinX(), "geometry longitude");
      Degrees.requireLongitude(extent.getMaxX(), "geometry longitude");
      Degrees.requireLatitude(extent.getMinY(), "geometry latitude");
      Degrees.requireLatitude(extent.getMaxY(), "geometry latitude");
    }
    return new Filter.GeometryIntersects(lonLat);
  }

  /** Consumes "(" ... ")" with nesting and returns the closing token. */
  private static Cql2Token balancedParentheses(Cql2Lexer lexer, Cql2Token type)
      throws Cql2SyntaxException {
    lexer.expect(Kind.LEFT_PAREN, "expected '(' or EMPTY after " + type.value());
    int depth = 1;
    while (true) {
      Cql2Token token = lexer.peek();
      if (token.is(Kind.END)) {
        throw lexer.unexpected(
            "expected ')' to close the " + type.value() + " at position " + type.start());
      }
      lexer.next();
      if (token.is(Kind.LEFT_PAREN) && ++depth > Cql2Parser.MAX_NESTING_DEPTH) {
        throw new Cql2SyntaxException(
            token.start(),
            "the geometry nests deeper than " + Cql2Parser.MAX_NESTING_DEPTH + " parentheses");
      }
      if (token.is(Kind.RIGHT_PAREN) && --depth == 0) {
        return token;
      }
    }
  }

  /** {@code BBOX(w, s, e, n)} or {@code BBOX(w, s, zmin, e, n, zmax)}. */
  private static Filter box(Cql2Lexer lexer) throws Cql2SyntaxException {
    Cql2Token type = lexer.next();
    String name = type.value().toUpperCase(Locale.ROOT);
    lexer.expect(Kind.LEFT_PAREN, "expected '(' after " + name);
    List<Double> numbers = new ArrayList<>();
    while (true) {
      Cql2Token number = lexer.expect(Kind.NUMBER, "expected a number" + lexer.afterPrevious());
      numbers.add(Double.parseDouble(number.value()));
      if (!lexer.peek().is(Kind.COMMA)) {
        break;
      }
      lexer.next();
    }
    Cql2Token close = lexer.expect(Kind.RIGHT_PAREN, "expected ',' or ')' in " + name);
    if (numbers.size() != 4 && numbers.size() != 6) {
      throw new Cql2SyntaxException(
          close.start(), name + " needs 4 or 6 numbers but has " + numbers.size());
    }
    return Cql2Parser.build(type, () -> box(numbers));
  }

  private static Filter box(List<Double> n) {
    boolean flat = n.size() == 4;
    double west = n.get(0);
    double east = n.get(flat ? 2 : 3);
    if (west > east) {
      return Filter.or(box(n, west, 180, flat), box(n, -180, east, flat));
    }
    return box(n, west, east, flat);
  }

  private static Filter box(List<Double> n, double west, double east, boolean flat) {
    if (flat) {
      return new Filter.BboxIntersects(west, n.get(1), east, n.get(3));
    }
    return new Filter.Box3DIntersects(
        Envelope3D.of(west, n.get(1), n.get(2), east, n.get(4), n.get(5)));
  }
}
