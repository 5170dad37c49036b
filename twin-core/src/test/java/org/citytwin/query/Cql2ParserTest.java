package org.citytwin.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Envelope3D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class Cql2ParserTest {

  private static Filter cmp(String attribute, Filter.Operator op, double value) {
    return new Filter.Compare(attribute, op, Literal.of(value));
  }

  private static Filter eq(String attribute, double value) {
    return cmp(attribute, Filter.Operator.EQ, value);
  }

  private static Filter eq(String attribute, String value) {
    return new Filter.Compare(attribute, Filter.Operator.EQ, Literal.of(value));
  }

  private static Filter intersects(String wkt) {
    try {
      return new Filter.GeometryIntersects(new WKTReader().read(wkt));
    } catch (ParseException e) {
      throw new AssertionError(e);
    }
  }

  static Stream<Arguments> comparisons() {
    return Stream.of(
        Arguments.of("height = 10", eq("height", 10)),
        Arguments.of("height <> 10", cmp("height", Filter.Operator.NE, 10)),
        Arguments.of("height < 10", cmp("height", Filter.Operator.LT, 10)),
        Arguments.of("height <= 10", cmp("height", Filter.Operator.LE, 10)),
        Arguments.of("height > 10", cmp("height", Filter.Operator.GT, 10)),
        Arguments.of("height >= 10", cmp("height", Filter.Operator.GE, 10)),
        Arguments.of("height>=10", cmp("height", Filter.Operator.GE, 10)),
        Arguments.of("name = 'Tower'", eq("name", "Tower")),
        Arguments.of(
            "height BETWEEN 10 AND 20",
            new Filter.Between("height", Literal.of(10), Literal.of(20))),
        Arguments.of(
            "height NOT BETWEEN 10 AND 20",
            Filter.not(new Filter.Between("height", Literal.of(10), Literal.of(20)))),
        Arguments.of(
            "usage IN ('office', 'shop')",
            new Filter.In("usage", List.of(Literal.of("office"), Literal.of("shop")))),
        Arguments.of(
            "storeys NOT IN (1, 2,3)",
            Filter.not(
                new Filter.In("storeys", List.of(Literal.of(1), Literal.of(2), Literal.of(3))))),
        Arguments.of("name LIKE 'Tokyo%'", new Filter.Like("name", "Tokyo%")),
        Arguments.of("name NOT LIKE '_ower'", Filter.not(new Filter.Like("name", "_ower"))),
        Arguments.of("name LIKE '100\\%'", new Filter.Like("name", "100\\%")),
        Arguments.of("name LIKE 'a\\\\'", new Filter.Like("name", "a\\\\")),
        Arguments.of("height IS NULL", new Filter.IsNull("height")),
        Arguments.of("height IS NOT NULL", Filter.not(new Filter.IsNull("height"))),
        Arguments.of("TRUE", Filter.all()),
        Arguments.of("FALSE", Filter.or()));
  }

  static Stream<Arguments> types() {
    return Stream.of(
        Arguments.of("type = 'building'", new Filter.TypeIn(Set.of(CityObjectType.BUILDING))),
        Arguments.of(
            "type = 'Building_Part'", new Filter.TypeIn(Set.of(CityObjectType.BUILDING_PART))),
        Arguments.of("\"type\" = 'road'", new Filter.TypeIn(Set.of(CityObjectType.ROAD))),
        Arguments.of(
            "type IN ('building', 'bridge')",
            new Filter.TypeIn(Set.of(CityObjectType.BUILDING, CityObjectType.BRIDGE))),
        Arguments.of(
            "type NOT IN ('road')", Filter.not(new Filter.TypeIn(Set.of(CityObjectType.ROAD)))),
        Arguments.of(
            "type <> 'road'", new Filter.Compare("type", Filter.Operator.NE, Literal.of("road"))),
        Arguments.of("type LIKE 'building%'", new Filter.Like("type", "building%")));
  }

  static Stream<Arguments> logic() {
    Filter a = eq("a", 1);
    Filter b = eq("b", 2);
    Filter c = eq("c", 3);
    return Stream.of(
        Arguments.of("a = 1 OR b = 2 AND c = 3", Filter.or(a, Filter.and(b, c))),
        Arguments.of("a = 1 AND b = 2 OR c = 3", Filter.or(Filter.and(a, b), c)),
        Arguments.of("(a = 1 OR b = 2) AND c = 3", Filter.and(Filter.or(a, b), c)),
        Arguments.of("a = 1 OR b = 2 OR c = 3", Filter.or(a, b, c)),
        Arguments.of("a = 1 AND b = 2 AND c = 3", Filter.and(a, b, c)),
        Arguments.of("NOT a = 1 AND b = 2", Filter.and(Filter.not(a), b)),
        Arguments.of("NOT (a = 1 AND b = 2)", Filter.not(Filter.and(a, b))),
        Arguments.of("NOT NOT a = 1", Filter.not(Filter.not(a))),
        Arguments.of("a = 1 OR NOT b = 2 AND c = 3", Filter.or(a, Filter.and(Filter.not(b), c))),
        Arguments.of("((((a = 1))))", a),
        Arguments.of(
            "(a = 1 OR (b = 2 AND (c = 3 OR a = 1)))",
            Filter.or(a, Filter.and(b, Filter.or(c, a)))),
        Arguments.of(
            "a BETWEEN 1 AND 2 AND b = 2",
            Filter.and(new Filter.Between("a", Literal.of(1), Literal.of(2)), b)),
        Arguments.of("a = 1 aNd b = 2 Or c = 3", Filter.or(Filter.and(a, b), c)),
        Arguments.of(
            "x between 1 and 2 or y not like 'q' and not z is not null",
            Filter.or(
                new Filter.Between("x", Literal.of(1), Literal.of(2)),
                Filter.and(
                    Filter.not(new Filter.Like("y", "q")),
                    Filter.not(Filter.not(new Filter.IsNull("z")))))),
        Arguments.of("TRUE AND a = 1", Filter.and(Filter.all(), a)));
  }

  static Stream<Arguments> namesAndLiterals() {
    return Stream.of(
        Arguments.of("\"uro_depth\" > 0.5", cmp("uro_depth", Filter.Operator.GT, 0.5)),
        Arguments.of("\"and\" = 1", eq("and", 1)),
        Arguments.of("\"with space-and:colon\" = 1", eq("with space-and:colon", 1)),
        Arguments.of("\"a \"\"b\"\"\" = 1", eq("a \"b\"", 1)),
        Arguments.of("uro:buildingID = 'x'", eq("uro:buildingID", "x")),
        Arguments.of("bldg.measuredHeight = 3", eq("bldg.measuredHeight", 3)),
        Arguments.of("_x1 = 1", eq("_x1", 1)),
        Arguments.of("建物名 = '東京'", eq("建物名", "東京")),
        Arguments.of("Height = 1", eq("Height", 1)),
        Arguments.of("\uD840\uDC0B名 = 1", eq("\uD840\uDC0B名", 1)),
        Arguments.of("cafe\u0301 = 1", eq("cafe\u0301", 1)),
        Arguments.of("date = 1", eq("date", 1)),
        Arguments.of("name = 'it''s'", eq("name", "it's")),
        Arguments.of("name = ''", eq("name", "")),
        Arguments.of("name = ''''", eq("name", "'")),
        Arguments.of("name = 'AND OR ( ) \"'", eq("name", "AND OR ( ) \"")),
        Arguments.of("name = 'a\\b'", eq("name", "a\\b")),
        Arguments.of(
            "name = 'x''); DROP TABLE city_object; --'",
            eq("name", "x'); DROP TABLE city_object; --")),
        Arguments.of("name = '1'' OR ''1''=''1'", eq("name", "1' OR '1'='1")),
        Arguments.of("x = -5", eq("x", -5)),
        Arguments.of("x=-5", eq("x", -5)),
        Arguments.of("x = +5", eq("x", 5)),
        Arguments.of("x = 1.5e3", eq("x", 1500)),
        Arguments.of("x = -2.5E-2", eq("x", -0.025)),
        Arguments.of("x = 1e+2", eq("x", 100)),
        Arguments.of("x = .5", eq("x", 0.5)),
        Arguments.of("x = -.5", eq("x", -0.5)),
        Arguments.of("x = 7.", eq("x", 7)),
        Arguments.of("x = 007", eq("x", 7)),
        Arguments.of("flag = TRUE", eq("flag", "true")),
        Arguments.of("flag = false", eq("flag", "false")),
        Arguments.of("built = DATE('2020-01-31')", eq("built", "2020-01-31")),
        Arguments.of(
            "seen >= timestamp('2020-01-31T12:30:00.5Z')",
            new Filter.Compare("seen", Filter.Operator.GE, Literal.of("2020-01-31T12:30:00.5Z"))),
        Arguments.of("\tx\n=\r\n1 ", eq("x", 1)));
  }

  static Stream<Arguments> spatial() {
    return Stream.of(
        Arguments.of("S_INTERSECTS(geometry, POINT(139.7 35.6))", intersects("POINT (139.7 35.6)")),
        Arguments.of("s_intersects(footprint,point(-0.1 51.5))", intersects("POINT (-0.1 51.5)")),
        Arguments.of("S_INTERSECTS(POINT(139.7 35.6), geometry)", intersects("POINT (139.7 35.6)")),
        Arguments.of(
            "S_INTERSECTS(geometry, POINT Z (139.7 35.6 12))",
            intersects("POINT Z (139.7 35.6 12)")),
        Arguments.of(
            "S_INTERSECTS(\"geometry\", POLYGON((139 35, 140 35, 140 36, 139 35)))",
            intersects("POLYGON ((139 35, 140 35, 140 36, 139 35))")),
        Arguments.of(
            "S_INTERSECTS(geometry, POLYGON((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1)))",
            intersects("POLYGON ((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1))")),
        Arguments.of(
            "S_INTERSECTS(geometry, MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5))))",
            intersects("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))")),
        Arguments.of(
            "S_INTERSECTS(geometry, LINESTRING(139.7 35.6, 139.8 35.7))",
            intersects("LINESTRING (139.7 35.6, 139.8 35.7)")),
        Arguments.of(
            "S_INTERSECTS(geometry, MULTIPOINT((1 2), (3 4)))",
            intersects("MULTIPOINT ((1 2), (3 4))")),
        Arguments.of(
            "S_INTERSECTS(geometry, GEOMETRYCOLLECTION(POINT(1 2), LINESTRING(0 0, 1 1)))",
            intersects("GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))")),
        Arguments.of(
            "S_INTERSECTS(geometry, BBOX(139, 35.5, 140, 36))",
            new Filter.BboxIntersects(139, 35.5, 140, 36)),
        Arguments.of(
            "S_INTERSECTS(geometry, ENVELOPE(139, 35.5, 140, 36))",
            new Filter.BboxIntersects(139, 35.5, 140, 36)),
        Arguments.of(
            "S_INTERSECTS(geometry, BBOX(139, 35, -5, 140, 36, 300))",
            new Filter.Box3DIntersects(Envelope3D.of(139, 35, -5, 140, 36, 300))),
        Arguments.of(
            "S_INTERSECTS(geometry, BBOX(170, -10, -170, 10))",
            Filter.or(
                new Filter.BboxIntersects(170, -10, 180, 10),
                new Filter.BboxIntersects(-180, -10, -170, 10))),
        Arguments.of(
            "height > 10 AND S_INTERSECTS(geometry, BBOX(0, 0, 1, 1))",
            Filter.and(
                cmp("height", Filter.Operator.GT, 10), new Filter.BboxIntersects(0, 0, 1, 1))));
  }

  @ParameterizedTest
  @MethodSource({"comparisons", "types", "logic", "namesAndLiterals", "spatial"})
  void parses(String text, Filter expected) throws Cql2SyntaxException {
    assertEquals(expected, Cql2Parser.parse(text));
  }
}
