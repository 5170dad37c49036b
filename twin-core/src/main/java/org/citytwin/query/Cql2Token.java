package org.citytwin.query;

/**
 * One lexical unit of CQL2 text.
 *
 * @param value the identifier or keyword as written, the decoded text of a string or quoted
 *     identifier, the digits of a number, or the operator symbol
 * @param start offset of the first character in the filter text
 * @param end offset just past the last character
 */
record Cql2Token(Kind kind, String value, int start, int end) {

  enum Kind {
    /** A bare word: a keyword or a property name. */
    WORD,
    /** A property name in double quotes; never a keyword. */
    QUOTED_IDENTIFIER,
    STRING,
    NUMBER,
    /** One of {@code = <> < <= > >=}. */
    OPERATOR,
    LEFT_PAREN,
    RIGHT_PAREN,
    COMMA,
    END
  }

  /** Whether this is the bare word {@code keyword}, ignoring case. */
  boolean isKeyword(String keyword) {
    return kind == Kind.WORD && value.equalsIgnoreCase(keyword);
  }

  boolean is(Kind expected) {
    return kind == expected;
  }
}
