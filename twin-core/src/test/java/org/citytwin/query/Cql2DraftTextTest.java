package org.citytwin.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The draft CQL text GDAL 3.x's OAPIF driver sends with {@code filter-lang=cql-text}: the texts
 * below are what its BuildFilterCQLText writes for OGR SQL {@code -where} clauses (parenthesised
 * AND/OR, {@code NOT (...)}, {@code (x IS NULL)}, {@code <>}, {@code %.16g} numbers, doubled
 * quotes, {@code ILIKE}).
 */
class Cql2DraftTextTest {

  static Stream<Arguments> gdalTexts() {
    Filter deep = new Filter.Compare("river_flood_depth", Filter.Operator.GT, Literal.of(0.5));
    return Stream.of(
        Arguments.of("river_flood_depth > 0.5", deep),
        Arguments.of(
            "(river_flood_depth > 0.5) AND (usage = '411')",
            Filter.and(deep, new Filter.Compare("usage", Filter.Operator.EQ, Literal.of("411")))),
        Arguments.of(
            "(storeys >= 3) OR (NOT ((name IS NULL)))",
            Filter.or(
                new Filter.Compare("storeys", Filter.Operator.GE, Literal.of(3)),
                Filter.not(new Filter.IsNull("name")))),
        Arguments.of(
            "height <> 1e+20", new Filter.Compare("height", Filter.Operator.NE, Literal.of(1e20))),
        Arguments.of(
            "name = 'O''Hara'",
            new Filter.Compare("name", Filter.Operator.EQ, Literal.of("O'Hara"))),
        Arguments.of("name LIKE 'Bldg%'", new Filter.Like("name", "Bldg%")),
        Arguments.of("name ILIKE 'bldg%'", new Filter.Like("name", "bldg%", true)));
  }

  @ParameterizedTest
  @MethodSource("gdalTexts")
  void readsWhatGdalWrites(String text, Filter expected) throws Cql2SyntaxException {
    assertEquals(expected, Cql2Parser.parseCqlTextDraft(text));
  }

  @ParameterizedTest
  @MethodSource("gdalTexts")
  void agreesWithCql2WhereGdalWritesCql2(String text, Filter expected) throws Exception {
    if (text.contains("ILIKE")) {
      assertThrows(Cql2SyntaxException.class, () -> Cql2Parser.parse(text));
    } else {
      assertEquals(expected, Cql2Parser.parse(text));
    }
  }

  @Test
  void aBackslashInADraftPatternIsLiteral() throws Cql2SyntaxException {
    // OGR SQL's LIKE (what GDAL translates) has no escape character unless ESCAPE is written,
    // and GDAL keeps such a filter on the client: 'a\b%' means a backslash b.
    assertEquals(
        new Filter.Like("name", "a\\\\b%"), Cql2Parser.parseCqlTextDraft("name LIKE 'a\\b%'"));
    assertEquals(
        new Filter.Like("name", "end\\\\", true),
        Cql2Parser.parseCqlTextDraft("name ILIKE 'end\\'"));
    // In CQL2 the same backslash escapes the next character.
    assertEquals(new Filter.Like("name", "a\\b%"), Cql2Parser.parse("name LIKE 'a\\b%'"));
  }

  @Test
  void plainPropertyNamesAreThoseThatParseUnquoted() throws Cql2SyntaxException {
    for (String name : new String[] {"river_flood_depth", "uro_buildingID", "gml:id", "高さ"}) {
      assertTrue(Cql2Parser.isPlainPropertyName(name), name);
      assertEquals(
          new Filter.Compare(name, Filter.Operator.EQ, Literal.of(1)),
          Cql2Parser.parseCqlTextDraft(name + " = 1"));
    }
    for (String name :
        new String[] {"1/2500図郭", "a b", "like", "ILIKE", "Null", "s_intersects", "x-y", ""}) {
      assertFalse(Cql2Parser.isPlainPropertyName(name), name);
    }
  }

  @Test
  void errorsStillNameThePosition() {
    Cql2SyntaxException e =
        assertThrows(Cql2SyntaxException.class, () -> Cql2Parser.parseCqlTextDraft("name ILIKE 5"));
    assertTrue(e.getMessage().contains("pattern"), e.getMessage());
    Cql2SyntaxException cql2 =
        assertThrows(Cql2SyntaxException.class, () -> Cql2Parser.parse("name ILIKE 'x'"));
    assertTrue(cql2.getMessage().contains("LIKE"), cql2.getMessage());
  }
}
