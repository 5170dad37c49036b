package org.citytwin.model;

/** The disaster risks PLATEAU's i-UR ADE records per building or water body. */
public enum RiskKind {
  RIVER_FLOOD("river_flood"),
  INLAND_FLOOD("inland_flood"),
  HIGH_TIDE("high_tide"),
  TSUNAMI("tsunami"),
  LANDSLIDE("landslide");

  private final String prefix;

  RiskKind(String prefix) {
    this.prefix = prefix;
  }

  /** The prefix of the flat attribute names for this risk, for example {@code river_flood}. */
  public String prefix() {
    return prefix;
  }
}
