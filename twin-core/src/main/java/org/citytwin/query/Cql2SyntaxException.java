package org.citytwin.query;

/**
 * CQL2 text that cannot be turned into a {@link Filter}: a lexical or grammatical mistake, a limit
 * exceeded, or a predicate the query model rejects (such as a text compared with a numeric fixed
 * attribute). The message names the 0-based character offset and what was expected there.
 */
public final class Cql2SyntaxException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int position;
  private final String detail;

  public Cql2SyntaxException(int position, String detail) {
    super("CQL2 syntax error at position " + position + ": " + detail);
    if (position < 0) {
      throw new IllegalArgumentException("error position must be >= 0, was " + position);
    }
    this.position = position;
    this.detail = detail;
  }

  /** The 0-based offset, in UTF-16 code units, of the offending character in the filter text. */
  public int position() {
    return position;
  }

  /** The message without the position prefix, for callers that show the position separately. */
  public String detail() {
    return detail;
  }
}
