package org.citytwin.query;

import org.citytwin.query.Cql2Token.Kind;

/**
 * Splits CQL2 text into {@link Cql2Token}s on demand, one token ahead of the parser, so the first
 * error in reading order is the one reported.
 *
 * <p>Words start with a letter, {@code _} or {@code :} and continue with letters, digits, combining
 * marks, {@code _}, {@code .} and {@code :}; offsets count UTF-16 code units. Strings are in single
 * quotes with {@code ''} for a quote; quoted identifiers are in double quotes with {@code ""} for a
 * double quote. A sign directly before a digit belongs to the number (CQL2 without arithmetic has
 * no other use for it).
 */
final class Cql2Lexer {

  private static final int SHOWN_TOKEN_CHARS = 24;

  private final String text;
  private int offset;
  private Cql2Token current;
  private Cql2Token previous;

  Cql2Lexer(String text) throws Cql2SyntaxException {
    this.text = text;
    this.current = scan();
  }

  /** The next token, not yet consumed. */
  Cql2Token peek() {
    return current;
  }

  /** Consumes and returns the next token. */
  Cql2Token next() throws Cql2SyntaxException {
    Cql2Token token = current;
    if (!token.is(Kind.END)) {
      current = scan();
    }
    previous = token;
    return token;
  }

  /** {@code " after '<last consumed token>'"}, or nothing at the start, for messages. */
  String afterPrevious() {
    return previous == null ? "" : " after " + describe(previous);
  }

  /** Consumes the next token if it is of that kind, else reports {@code expectation}. */
  Cql2Token expect(Kind kind, String expectation) throws Cql2SyntaxException {
    if (!current.is(kind)) {
      throw unexpected(expectation);
    }
    return next();
  }

  /** The filter text between two offsets, as written. */
  String slice(int start, int end) {
    return text.substring(start, end);
  }

  /** An error at the next token: {@code "<expectation> but found <token>"}. */
  Cql2SyntaxException unexpected(String expectation) {
    return new Cql2SyntaxException(
        current.start(), expectation + " but found " + describe(current));
  }

  /** A token as shown in messages: quoted source text, shortened, or "the end of the input". */
  String describe(Cql2Token token) {
    if (token.is(Kind.END)) {
      return "the end of the input";
    }
    String shown = text.substring(token.start(), token.end());
    if (shown.length() > SHOWN_TOKEN_CHARS) {
      shown = shown.substring(0, SHOWN_TOKEN_CHARS) + "...";
    }
    return "'" + shown + "'";
  }

  private Cql2Token scan() throws Cql2SyntaxException {
    while (offset < text.length() && Character.isWhitespace(text.charAt(offset))) {
      offset++;
    }
    int start = offset;
    if (start >= text.length()) {
      return new Cql2Token(Kind.END, "", start, start);
    }
    char c = text.charAt(start);
    return switch (c) {
      case '(' -> symbol(Kind.LEFT_PAREN, 1);
      case ')' -> symbol(Kind.RIGHT_PAREN, 1);
      case ',' -> symbol(Kind.COMMA, 1);
      case '=' -> symbol(Kind.OPERATOR, 1);
      case '<' -> symbol(Kind.OPERATOR, nextIs(start + 1, '=') || nextIs(start + 1, '>') ? 2 : 1);
      case '>' -> symbol(Kind.OPERATOR, nextIs(start + 1, '=') ? 2 : 1);
      case '\'' -> quoted(Kind.STRING, '\'', "string");
      case '"' -> quoted(Kind.QUOTED_IDENTIFIER, '"', "quoted property name");
      default -> wordOrNumber(c);
    };
  }

  private Cql2Token wordOrNumber(char c) throws Cql2SyntaxException {
    int start = offset;
    if (isDigit(start) || startsNumber(c)) {
      return number();
    }
    if (Character.isLetter(text.codePointAt(start)) || c == '_' || c == ':') {
      offset += Character.charCount(text.codePointAt(start));
      while (offset < text.length() && isWordPart(text.codePointAt(offset))) {
        offset += Character.charCount(text.codePointAt(offset));
      }
      return new Cql2Token(Kind.WORD, text.substring(start, offset), start, offset);
    }
    if (c == '!' && nextIs(start + 1, '=')) {
      throw new Cql2SyntaxException(start, "'!=' is not CQL2; write '<>' for 'not equal'");
    }
    int codePoint = text.codePointAt(start);
    String shown =
        Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
            ? String.format("U+%04X", codePoint)
            : "'" + Character.toString(codePoint) + "'";
    throw new Cql2SyntaxException(start, "unexpected character " + shown);
  }

  /** A sign or a period that begins a number: followed by a digit, or by a period and a digit. */
  private boolean startsNumber(char c) {
    if (c == '.') {
      return isDigit(offset + 1);
    }
    if (c == '+' || c == '-') {
      return isDigit(offset + 1) || (nextIs(offset + 1, '.') && isDigit(offset + 2));
    }
    return false;
  }

  private Cql2Token number() throws Cql2SyntaxException {
    int start = offset;
    if (nextIs(offset, '+') || nextIs(offset, '-')) {
      offset++;
    }
    skipDigits();
    if (nextIs(offset, '.')) {
      offset++;
      skipDigits();
    }
    if (nextIs(offset, 'e') || nextIs(offset, 'E')) {
      offset++;
      if (nextIs(offset, '+') || nextIs(offset, '-')) {
        offset++;
      }
      if (!isDigit(offset)) {
        throw new Cql2SyntaxException(offset, "expected the digits of an exponent");
      }
      skipDigits();
    }
    if (offset < text.length() && isWordPart(text.codePointAt(offset))) {
      throw new Cql2SyntaxException(
          offset,
          "unexpected character '"
              + Character.toString(text.codePointAt(offset))
              + "' in a number");
    }
    String digits = text.substring(start, offset);
    if (!Double.isFinite(Double.parseDouble(digits))) {
      throw new Cql2SyntaxException(start, "number " + digits + " is too large");
    }
    return new Cql2Token(Kind.NUMBER, digits, start, offset);
  }

  /** A string or quoted identifier; a doubled quote character stands for one. */
  private Cql2Token quoted(Kind kind, char quote, String what) throws Cql2SyntaxException {
    int start = offset;
    StringBuilder value = new StringBuilder();
    offset++;
    while (true) {
      int close = text.indexOf(quote, offset);
      if (close < 0) {
        throw new Cql2SyntaxException(
            start,
            "unterminated " + what + ": no closing " + quote + " before the end of the input");
      }
      value.append(text, offset, close);
      offset = close + 1;
      if (!nextIs(offset, quote)) {
        return new Cql2Token(kind, value.toString(), start, offset);
      }
      value.append(quote);
      offset++;
    }
  }

  private Cql2Token symbol(Kind kind, int length) {
    int start = offset;
    offset += length;
    return new Cql2Token(kind, text.substring(start, offset), start, offset);
  }

  private void skipDigits() {
    while (isDigit(offset)) {
      offset++;
    }
  }

  private boolean isDigit(int at) {
    return at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9';
  }

  private boolean nextIs(int at, char expected) {
    return at < text.length() && text.charAt(at) == expected;
  }

  /** Letters, digits, combining marks (CQL2 allows U+0300..U+036F), {@code _ . :}. */
  private static boolean isWordPart(int c) {
    return Character.isLetterOrDigit(c)
        || Character.getType(c) == Character.NON_SPACING_MARK
        || c == '_'
        || c == '.'
        || c == ':';
  }
}
