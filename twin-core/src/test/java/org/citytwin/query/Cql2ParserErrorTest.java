package org.citytwin.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Cql2ParserErrorTest {

  static Stream<Arguments> errors() {
    return Stream.of(
        // Empty and lexical
        Arguments.of("", 0, "the filter is empty"),
        Arguments.of(" \t\n", 0, "the filter is empty"),
        Arguments.of("name = 'abc", 7, "unterminated string"),
        Arguments.of("name = 'it''s", 7, "unterminated string"),
        Arguments.of("\"abc = 1", 0, "unterminated quoted property name"),
        Arguments.of("height ; 1", 7, "unexpected character ';'"),
        Arguments.of("height = 1 \u0000", 11, "unexpected character U+0000"),
        Arguments.of("height != 1", 7, "write '<>'"),
        Arguments.of("height == 1", 8, "expected a literal after '=' but found '='"),
        Arguments.of("x = 1e", 6, "exponent"),
        Arguments.of("x = 12abc", 6, "'a' in a number"),
        Arguments.of("x = 1.2.3", 7, "'.' in a number"),
        Arguments.of("x = 1e999", 4, "number 1e999 is too large"),
        Arguments.of("x = - 1", 4, "unexpected character '-'"),
        // Grammar
        Arguments.of("(height >= )", 11, "expected a literal after '>=' but found ')'"),
        Arguments.of("(height = 1", 11, "expected ')' to close the '(' at position 0"),
        Arguments.of("((a = 1) OR (b = 2)", 19, "to close the '(' at position 0"),
        Arguments.of("height = 1)", 10, "expected AND, OR or the end of the filter but found ')'"),
        Arguments.of("height = 1 name = 2", 11, "but found 'name'"),
        Arguments.of("height = 1 AND", 14, "predicate after 'AND' but found the end of the input"),
        Arguments.of("a = 1 AND OR b = 2", 10, "expected a predicate after 'AND' but found 'OR'"),
        Arguments.of("AND = 1", 0, "expected a predicate but found 'AND'"),
        Arguments.of("()", 1, "expected a predicate after '(' but found ')'"),
        Arguments.of("= 1", 0, "expected a predicate"),
        Arguments.of("'x' = name", 0, "expected a predicate"),
        Arguments.of("x 1", 2, "expected a comparison operator, BETWEEN, IN, LIKE, IS or NOT"),
        Arguments.of("x", 1, "but found the end of the input"),
        Arguments.of("x = y", 4, "expected a literal after '=' but found 'y'"),
        Arguments.of("x NOT = 1", 6, "expected BETWEEN, IN or LIKE after 'NOT'"),
        Arguments.of("x BETWEEN 1 OR 2", 12, "expected AND after '1' but found 'OR'"),
        Arguments.of("x BETWEEN 1 AND", 15, "expected a literal after 'AND'"),
        Arguments.of("x IN 1", 5, "expected '(' to start the IN list"),
        Arguments.of("x IN ()", 6, "expected a literal after '(' but found ')'"),
        Arguments.of("x IN (1, 2", 10, "expected ',' or ')' in the IN list"),
        Arguments.of("x IN (1,)", 8, "expected a literal after ','"),
        Arguments.of("x LIKE 5", 7, "expected a pattern in single quotes"),
        Arguments.of("x LIKE 'a\\'", 9, "backslash that escapes nothing"),
        Arguments.of("x IS 1", 5, "expected NULL after 'IS'"),
        Arguments.of("x IS NOT", 8, "expected NULL after 'NOT'"),
        Arguments.of("NOT", 3, "expected a predicate after 'NOT'"),
        Arguments.of("d = DATE('2020-13-01')", 9, "is not a date"),
        Arguments.of("d = DATE(2020)", 9, "expected the DATE in single quotes"),
        Arguments.of("d = TIMESTAMP('2020-01-01T00:00:00')", 14, "is not a UTC timestamp"),
        Arguments.of("d = DATE('2020-01-01'", 21, "expected ')' after the DATE text"),
        // Rejected by the query model, reported at the predicate
        Arguments.of(
            "height = 'tall'",
            0,
            "attribute 'height' holds numbers and cannot be compared with the text 'tall'"),
        Arguments.of("a = 1 AND height > 'x'", 10, "holds numbers"),
        Arguments.of("x = 1 OR gml_id IN ('a', 2)", 9, "cannot be compared with the number 2.0"),
        Arguments.of("type = 'castle'", 0, "unknown object type 'castle'"),
        Arguments.of("type IN ('road', 'castle')", 0, "unknown object type 'castle'"),
        Arguments.of("type = 3", 0, "attribute 'type' holds texts"),
        Arguments.of("height LIKE '1%'", 0, "LIKE needs a text attribute"),
        Arguments.of("h BETWEEN 1 AND 'x'", 0, "must both be numbers or both texts"),
        // Spatial
        Arguments.of("S_INTERSECTS geometry", 13, "expected '(' after S_INTERSECTS"),
        Arguments.of("S_INTERSECTS(geom, POINT(1 2))", 13, "'geom' is neither a geometry property"),
        Arguments.of("S_INTERSECTS(geometry, CIRCLE(1 2))", 23, "nor a geometry literal"),
        Arguments.of("S_INTERSECTS(geometry, 5)", 23, "expected a geometry property or a POINT"),
        Arguments.of("S_INTERSECTS(geometry POINT(1 2))", 22, "expected ','"),
        Arguments.of("S_INTERSECTS(geometry, POINT(1 2)", 33, "expected ')' to close S_INTERSECTS"),
        Arguments.of("S_INTERSECTS(geometry, POINT(1 2", 32, "to close the POINT at position 23"),
        Arguments.of("S_INTERSECTS(geometry, POINT 1 2)", 29, "expected '(' or EMPTY after POINT"),
        Arguments.of("S_INTERSECTS(geometry, POINT(1 2, 3 4))", 23, "invalid POINT literal"),
        Arguments.of("S_INTERSECTS(geometry, POLYGON((0 0, 1 1)))", 23, "invalid POLYGON"),
        Arguments.of("S_INTERSECTS(geometry, POINT EMPTY)", 23, "non-empty geometry"),
        Arguments.of("S_INTERSECTS(geometry, POINT(200 2))", 23, "geometry longitude 200.0"),
        Arguments.of("S_INTERSECTS(geometry, POINT(2 -95))", 23, "geometry latitude -95.0"),
        Arguments.of("S_INTERSECTS(geometry, footprint)", 23, "not two properties"),
        Arguments.of("S_INTERSECTS(POINT(1 2), POINT(1 2))", 13, "not two literals"),
        Arguments.of("S_INTERSECTS(geometry, BBOX(1, 2, 3))", 35, "needs 4 or 6 numbers but has 3"),
        Arguments.of(
            "S_INTERSECTS(geometry, BBOX(1, 2, 3, 'x'))", 37, "expected a number after ','"),
        Arguments.of("S_INTERSECTS(geometry, BBOX(1, 3, 2, 1))", 23, "must not exceed max"),
        Arguments.of("S_INTERSECTS(geometry, BBOX(0, 0, 9, 1, 1, 5))", 23, "envelope min"),
        Arguments.of("S_INTERSECTS(geometry, BBOX(0, 0, 1, 91))", 23, "max latitude 91.0"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void reportsPositionAndCause(String text, int position, String detail) {
    Cql2SyntaxException e = assertThrows(Cql2SyntaxException.class, () -> Cql2Parser.parse(text));
    assertEquals(position, e.position(), e.getMessage());
    assertTrue(e.detail().contains(detail), e.getMessage());
    assertTrue(e.getMessage().startsWith("CQL2 syntax error at position " + position + ": "));
  }

  @Test
  void messageNamesPositionExpectationAndToken() {
    Cql2SyntaxException e =
        assertThrows(Cql2SyntaxException.class, () -> Cql2Parser.parse("(height >= )"));
    assertEquals(
        "CQL2 syntax error at position 11: expected a literal after '>=' but found ')'",
        e.getMessage());
  }

  static Stream<Arguments> hostile() {
    int n = 10_000;
    int limit = Cql2Parser.MAX_NESTING_DEPTH;
    return Stream.of(
        Arguments.of("(".repeat(n) + "a = 1" + ")".repeat(n), limit),
        Arguments.of("(".repeat(n), limit),
        Arguments.of("NOT ".repeat(n) + "a = 1", 4 * limit),
        Arguments.of("NOT (".repeat(n) + "a = 1" + ")".repeat(n), 5 * (limit / 2)),
        Arguments.of(
            "S_INTERSECTS(geometry, GEOMETRYCOLLECTION" + "(".repeat(n) + ")".repeat(n) + ")",
            41 + limit));
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void deepNestingFailsCleanly(String text, int position) {
    Cql2SyntaxException e = assertThrows(Cql2SyntaxException.class, () -> Cql2Parser.parse(text));
    assertEquals(position, e.position(), e.getMessage());
    assertTrue(e.getMessage().contains("nests deeper than"), e.getMessage());
  }

  @Test
  void nestingUpToTheLimitIsAccepted() throws Cql2SyntaxException {
    int limit = Cql2Parser.MAX_NESTING_DEPTH;
    Filter expected = new Filter.IsNull("a");
    assertEquals(expected, Cql2Parser.parse("(".repeat(limit) + "a IS NULL" + ")".repeat(limit)));
  }

  @Test
  void overlongInputIsRejectedBeforeLexing() {
    String text = "name = '" + "x".repeat(Cql2Parser.MAX_LENGTH_CHARS) + "'";
    Cql2SyntaxException e = assertThrows(Cql2SyntaxException.class, () -> Cql2Parser.parse(text));
    assertEquals(Cql2Parser.MAX_LENGTH_CHARS, e.position());
    assertTrue(e.getMessage().contains("the limit is 65536"), e.getMessage());
  }

  @Test
  void inputAtTheLengthLimitIsAccepted() throws Cql2SyntaxException {
    String value = "x".repeat(Cql2Parser.MAX_LENGTH_CHARS - "name = ''".length());
    assertEquals(
        new Filter.Compare("name", Filter.Operator.EQ, Literal.of(value)),
        Cql2Parser.parse("name = '" + value + "'"));
  }

  @Test
  void longTokensAreShortenedInMessages() {
    String text = "a = 1 " + "b".repeat(1000);
    Cql2SyntaxException e = assertThrows(Cql2SyntaxException.class, () -> Cql2Parser.parse(text));
    assertTrue(e.getMessage().length() < 200, e.getMessage());
  }
}
