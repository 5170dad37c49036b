package org.citytwin.citygml;

/**
 * A source that cannot be imported: not XML, truncated, not CityGML, a DTD or entity, an unknown
 * CRS. The message names the source and, when known, the line and column.
 */
public final class CityGmlFormatException extends Exception {
  private final String source;
  private final int line;
  private final int column;

  public CityGmlFormatException(
      String source, int line, int column, String reason, Throwable cause) {
    super(describe(source, line, column, reason), cause);
    this.source = source;
    this.line = line;
    this.column = column;
  }

  public CityGmlFormatException(String source, int line, int column, String reason) {
    this(source, line, column, reason, null);
  }

  private static String describe(String source, int line, int column, String reason) {
    StringBuilder where = new StringBuilder(source);
    if (line > 0) {
      where.append(':').append(line);
      if (column > 0) {
        where.append(':').append(column);
      }
    }
    return where + ": " + reason;
  }

  public String source() {
    return source;
  }

  /** The 1-based line of the problem, or -1 when it is not tied to a position. */
  public int line() {
    return line;
  }

  /** The 1-based column of the problem, or -1 when it is not tied to a position. */
  public int column() {
    return column;
  }
}
