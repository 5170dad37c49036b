package org.citytwin.flood;

import java.util.Locale;

/** A side of the grid; north is row 0. */
public enum Edge {
  WEST,
  EAST,
  NORTH,
  SOUTH;

  /** Parses {@code west|east|north|south}, any case. */
  public static Edge parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "edge '" + name + "' must be one of west, east, north, south", e);
    }
  }
}
