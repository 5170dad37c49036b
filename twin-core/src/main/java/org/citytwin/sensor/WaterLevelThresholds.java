package org.citytwin.sensor;

import java.util.ArrayList;
import java.util.List;

/**
 * A gauge's threshold levels in metres (the same datum as its observations), published per gauge by
 * the river administrator. Each is optional; those given must rise in the order of {@link
 * WaterLevelStage}. {@code river} is the river code as written in PLATEAU river-flood risk
 * attributes ({@code uro:description}), used to list the buildings that flood from this river; null
 * when unknown.
 */
public record WaterLevelThresholds(
    Double standbyMetres,
    Double floodWatchMetres,
    Double evacuationDecisionMetres,
    Double floodDangerMetres,
    String river) {

  public WaterLevelThresholds {
    Double previous = null;
    String previousName = null;
    String[] names = {
      "standbyMetres", "floodWatchMetres", "evacuationDecisionMetres", "floodDangerMetres"
    };
    Double[] levels = {
      standbyMetres, floodWatchMetres, evacuationDecisionMetres, floodDangerMetres
    };
    for (int i = 0; i < levels.length; i++) {
      String field = "thresholds." + names[i];
      Double level = levels[i];
      if (level == null) {
        continue;
      }
      InvalidSensorDataException.require(
          Double.isFinite(level), field, field + " must be a finite number, was " + level);
      InvalidSensorDataException.require(
          previous == null || level > previous,
          field,
          field + " " + level + " must be above " + previousName + " " + previous);
      previous = level;
      previousName = names[i];
    }
    InvalidSensorDataException.require(
        previous != null, "thresholds", "thresholds must give at least one level");
  }

  /** The highest stage whose level {@code metres} reaches. */
  public WaterLevelStage stageOf(double metres) {
    List<Double> levels = new ArrayList<>();
    levels.add(standbyMetres);
    levels.add(floodWatchMetres);
    levels.add(evacuationDecisionMetres);
    levels.add(floodDangerMetres);
    WaterLevelStage stage = WaterLevelStage.NORMAL;
    for (int i = 0; i < levels.size(); i++) {
      Double level = levels.get(i);
      if (level != null && metres >= level) {
        stage = WaterLevelStage.values()[i + 1];
      }
    }
    return stage;
  }
}
