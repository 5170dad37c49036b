package org.citytwin.geom;

import java.util.Objects;

/** A polygon that cannot be triangulated, with the kind of problem that prevents it. */
public final class InvalidPolygonException extends Exception {

  private static final long serialVersionUID = 1L;

  private final GeometryProblem.Kind kind;

  public InvalidPolygonException(GeometryProblem.Kind kind, String message) {
    this(kind, message, null);
  }

  public InvalidPolygonException(GeometryProblem.Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public GeometryProblem.Kind kind() {
    return kind;
  }
}
