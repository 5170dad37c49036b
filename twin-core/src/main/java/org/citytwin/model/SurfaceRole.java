package org.citytwin.model;

/** What a piece of geometry represents within its object, so viewers can style it. */
public enum SurfaceRole {
  /** LOD0 footprint: the outline where the object meets the ground. */
  FOOTPRINT,
  /** LOD0 roof edge: the outline of the roof projected down. */
  ROOF_EDGE,
  ROOF,
  WALL,
  GROUND,
  CLOSURE,
  /** A surface of the object itself (solid shell, multi-surface, TIN) with no thematic role. */
  SHELL,
  /** A curve (road centre line, terrain intersection), kept for completeness. */
  CURVE,
  POINT
}
