package org.citytwin.sensor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A water-level gauge moved from one stage to another; recorded and pushed when the observation
 * that crossed is committed.
 *
 * @param id the store's number, rising in the order alerts were recorded
 * @param nearbyObjectIds gml:ids of the city objects within the configured radius of the gauge
 * @param floodingBuildingIds gml:ids of the buildings among them whose PLATEAU river-flood risk
 *     attributes give a depth above zero (from the gauge's river, when it names one)
 */
public record Alert(
    long id,
    String datastreamId,
    Instant phenomenonTime,
    double levelMetres,
    WaterLevelStage from,
    WaterLevelStage to,
    double radiusMetres,
    List<String> nearbyObjectIds,
    List<String> floodingBuildingIds) {

  public Alert {
    Objects.requireNonNull(datastreamId, "datastream id");
    Objects.requireNonNull(phenomenonTime, "phenomenon time");
    Objects.requireNonNull(from, "from stage");
    Objects.requireNonNull(to, "to stage");
    if (from == to) {
      throw new IllegalArgumentException("an alert needs two different stages, both were " + to);
    }
    nearbyObjectIds = List.copyOf(nearbyObjectIds);
    floodingBuildingIds = List.copyOf(floodingBuildingIds);
  }

  public boolean rising() {
    return to.compareTo(from) > 0;
  }

  public Alert withId(long newId) {
    return new Alert(
        newId,
        datastreamId,
        phenomenonTime,
        levelMetres,
        from,
        to,
        radiusMetres,
        nearbyObjectIds,
        floodingBuildingIds);
  }
}
