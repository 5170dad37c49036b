package org.citytwin.crs;

/**
 * An {@code srsName} that cannot be turned into a converter: unparsable text, an EPSG code that
 * names no coordinate reference system, or one with no known operation to CRS84. The message names
 * the srsName and the reason.
 */
public final class UnknownCrsException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String srsName;
  private final String reason;

  public UnknownCrsException(String srsName, String reason) {
    this(srsName, reason, null);
  }

  public UnknownCrsException(String srsName, String reason, Throwable cause) {
    super("srsName '" + srsName + "' " + reason, cause);
    this.srsName = srsName;
    this.reason = reason;
  }

  /** The srsName as the source gave it. */
  public String srsName() {
    return srsName;
  }

  /** Why the name is unknown, without the srsName. */
  public String reason() {
    return reason;
  }
}
