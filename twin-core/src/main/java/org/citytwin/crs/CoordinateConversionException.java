package org.citytwin.crs;

/**
 * Coordinates that a valid converter could not transform, typically because they lie far outside
 * the domain of the source projection (a file in the wrong CRS). The message names the CRS and the
 * first offending coordinate.
 */
public final class CoordinateConversionException extends Exception {

  private static final long serialVersionUID = 1L;

  public CoordinateConversionException(String message, Throwable cause) {
    super(message, cause);
  }
}
