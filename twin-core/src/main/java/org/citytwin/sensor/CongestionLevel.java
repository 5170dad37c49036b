package org.citytwin.sensor;

/** How crowded an area is, the four steps the pandemic-era crowd maps of Japanese cities used. */
public enum CongestionLevel {
  EMPTY,
  SOME,
  CROWDED,
  VERY_CROWDED;

  /** The level of the result code 0..3 of a {@link ObservationKind#CONGESTION_LEVEL} stream. */
  public static CongestionLevel ofCode(double code) {
    return values()[(int) code];
  }

  /**
   * The level for a crowd density in persons per square metre: under 0.1 empty, under 0.5 some,
   * under 1.5 crowded, else very crowded (1.5 persons/m² is where walking at one's own pace stops,
   * the lower bound of Fruin's level of service E).
   */
  public static CongestionLevel ofDensity(double personsPerSquareMetre) {
    if (!(personsPerSquareMetre >= 0)) {
      throw new IllegalArgumentException(
          "density must be >= 0 persons/m², was " + personsPerSquareMetre);
    }
    if (personsPerSquareMetre < 0.1) {
      return EMPTY;
    }
    if (personsPerSquareMetre < 0.5) {
      return SOME;
    }
    return personsPerSquareMetre < 1.5 ? CROWDED : VERY_CROWDED;
  }
}
