package org.citytwin.tiles;

import java.util.Objects;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.CityObject;
import org.citytwin.model.RiskAttribute;
import org.citytwin.model.RiskKind;

/**
 * The properties a building carries into its tile's property table; absent values are null.
 *
 * @param gmlId the building's gml:id
 * @param heightMetres the measured height, or roof minus ground when none is given
 * @param usage the usage code, for example {@code 411}
 * @param storeys storeys above ground
 * @param riverFloodDepthMetres the deepest river-flood depth over every river and scale
 * @param riverFloodRank the rank code of the record giving that depth
 */
public record BuildingFeature(
    String gmlId,
    double heightMetres,
    String usage,
    Integer storeys,
    Double riverFloodDepthMetres,
    String riverFloodRank) {

  public BuildingFeature {
    Objects.requireNonNull(gmlId, "gml:id");
  }

  /** The feature of a city object that has a derived shape. */
  public static BuildingFeature of(CityObject object) {
    Objects.requireNonNull(object.shape(), () -> object.gmlId() + " has no derived shape");
    AttributeValue usage = object.attributes().get("usage");
    AttributeValue storeys = object.attributes().get("storeysAboveGround");
    RiskAttribute deepest = null;
    for (RiskAttribute risk : object.risks()) {
      if (risk.kind() == RiskKind.RIVER_FLOOD
          && risk.depthMetres() != null
          && (deepest == null || risk.depthMetres() > deepest.depthMetres())) {
        deepest = risk;
      }
    }
    return new BuildingFeature(
        object.gmlId(),
        object.shape().heightMetres(),
        usage == null ? null : usage.text(),
        storeys instanceof AttributeValue.Number number ? (int) number.value() : null,
        deepest == null ? null : deepest.depthMetres(),
        deepest == null ? null : deepest.rank());
  }
}
