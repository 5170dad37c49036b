package org.citytwin.sensor;

/**
 * The stages of a Japanese river gauge, in rising order, each entered when the water reaches its
 * level in {@link WaterLevelThresholds}.
 */
public enum WaterLevelStage {
  NORMAL("平常"),
  /** 水防団待機水位: flood-fighting teams stand by. */
  STANDBY("水防団待機水位"),
  /** 氾濫注意水位: flood watch, teams turn out. */
  FLOOD_WATCH("氾濫注意水位"),
  /** 避難判断水位: municipalities decide on evacuation of the elderly. */
  EVACUATION_DECISION("避難判断水位"),
  /** 氾濫危険水位: the river may overflow at any time. */
  FLOOD_DANGER("氾濫危険水位");

  private final String japaneseName;

  WaterLevelStage(String japaneseName) {
    this.japaneseName = japaneseName;
  }

  public String japaneseName() {
    return japaneseName;
  }
}
