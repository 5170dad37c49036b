package org.citytwin.geom;

import java.util.Objects;

/**
 * One problem found in an object's geometry while deriving its shape: counted and reported, never
 * fatal.
 *
 * @param kind what is wrong
 * @param geometryIndex index of the {@code LodGeometry} in the object's list, or -1 when the
 *     problem concerns the object as a whole (the footprint)
 * @param polygonIndex index of the polygon within that geometry, or -1
 * @param message a short sentence with the detail, for example the measured deviation
 */
public record GeometryProblem(Kind kind, int geometryIndex, int polygonIndex, String message) {

  /** The kinds of problem, and what {@link ShapeDeriver} does about each. */
  public enum Kind {
    /** A ring with fewer than three distinct vertices; the polygon is skipped. */
    TOO_FEW_POINTS,
    /** A polygon with (almost) zero area, under 1 mm^2; the polygon is skipped. */
    DEGENERATE,
    /** A vertex lies more than the tolerance off the polygon's plane; still meshed. */
    NON_PLANAR,
    /** Rings that cross or touch themselves or each other; still meshed if triangulation works. */
    SELF_INTERSECTING,
    /** The triangulator failed on the polygon; it is left out of the mesh. */
    TRIANGULATION_FAILED,
    /** A vertex with a NaN or infinite coordinate; the polygon is ignored entirely. */
    NON_FINITE_COORDINATE,
    /** The footprint union failed or was invalid; the convex hull of the vertices is used. */
    FOOTPRINT_FALLBACK
  }

  public GeometryProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /** A problem of the object as a whole rather than one polygon. */
  static GeometryProblem ofObject(Kind kind, String message) {
    return new GeometryProblem(kind, -1, -1, message);
  }
}
