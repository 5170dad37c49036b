package org.citytwin.terrain;

import java.util.Locale;

/** How buildings stand in a terrain built from the city. */
public enum Obstacles {
  /** Cells under a building are walls: no water enters them (a {@link CellMask}). */
  BLOCKED,
  /** Cells under a building are raised to its roof height; water can pond on roofs only by rain. */
  RAISED;

  /** Parses {@code blocked|raised}, any case. */
  public static Obstacles parse(String text) {
    for (Obstacles o : values()) {
      if (o.name().equalsIgnoreCase(text.trim())) {
        return o;
      }
    }
    throw new IllegalArgumentException("obstacles '" + text + "' must be blocked or raised");
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
