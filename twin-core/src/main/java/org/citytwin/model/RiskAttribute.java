package org.citytwin.model;

import java.util.Objects;

/**
 * One disaster-risk record of a city object (i-UR {@code uro:*RiskAttribute}). Several may exist
 * per object: one per river and planning scale (L1 planned, L2 maximum assumed). Fields the source
 * does not give are null; {@code rank} is the code as published.
 *
 * @param description the river or area the record is about (a code in PLATEAU)
 * @param rank the depth rank code ({@code uro:rank} or {@code uro:rankOrg})
 * @param depthMetres the inundation depth in metres
 * @param durationHours the inundation duration in hours
 * @param scale the planning scale code (L1, L2)
 * @param adminType who administers the river (national, prefecture)
 * @param areaType for landslides, the kind of warning area
 */
public record RiskAttribute(
    RiskKind kind,
    String description,
    String rank,
    Double depthMetres,
    Double durationHours,
    String scale,
    String adminType,
    String areaType) {

  public RiskAttribute {
    Objects.requireNonNull(kind, "risk kind");
    if (depthMetres != null && !Double.isFinite(depthMetres)) {
      throw new IllegalArgumentException("risk depth must be finite, was " + depthMetres);
    }
  }
}
