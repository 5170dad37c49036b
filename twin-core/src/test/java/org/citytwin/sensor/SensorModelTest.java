package org.citytwin.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Validation of the sensor model: each bad value names its field. */
class SensorModelTest {
  static final UnitOfMeasurement METRE = UnitOfMeasurement.standard(ObservationKind.WATER_LEVEL);

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of(
            "unitOfMeasurement.symbol",
            (Supplier<?>) () -> stream(ObservationKind.RAINFALL, METRE, null, null)),
        Arguments.of(
            "countScope",
            (Supplier<?>)
                () ->
                    stream(
                        ObservationKind.PEOPLE_COUNT,
                        UnitOfMeasurement.standard(ObservationKind.PEOPLE_COUNT),
                        null,
                        null)),
        Arguments.of(
            "thresholds",
            (Supplier<?>)
                () ->
                    stream(
                        ObservationKind.TIDE_LEVEL,
                        METRE,
                        new WaterLevelThresholds(null, 1.0, null, null, null),
                        null)),
        Arguments.of(
            "thresholds.floodDangerMetres",
            (Supplier<?>) () -> new WaterLevelThresholds(1.0, 2.0, 3.0, 2.5, null)),
        Arguments.of(
            "thresholds",
            (Supplier<?>) () -> new WaterLevelThresholds(null, null, null, null, null)),
        Arguments.of("countScope.areaSquareMetres", (Supplier<?>) () -> CountScope.area(-5)),
        Arguments.of("countScope", (Supplier<?>) () -> new CountScope(10.0, Duration.ofMinutes(5))),
        Arguments.of("location.lat", (Supplier<?>) () -> new Location(135.5, 91, null)),
        Arguments.of("id", (Supplier<?>) () -> new Sensor("a/b", "x", null, null)),
        Arguments.of(
            "result", (Supplier<?>) () -> new Observation("d", Instant.EPOCH, null, Double.NaN)),
        Arguments.of(
            "phenomenonTime",
            (Supplier<?>)
                () -> new Observation("d", Instant.parse("1800-01-01T00:00:00Z"), null, 1)),
        Arguments.of("location", (Supplier<?>) () -> new Thing("t", "t", null, null, null)));
  }

  static Datastream stream(
      ObservationKind kind, UnitOfMeasurement unit, WaterLevelThresholds t, CountScope scope) {
    return new Datastream("d", "d", "t", "s", "p", kind, unit, t, scope);
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void badValuesNameTheirField(String field, Supplier<?> build) {
    InvalidSensorDataException e = assertThrows(InvalidSensorDataException.class, build::get);
    assertEquals(field, e.field(), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("badResults")
  void resultsAreCheckedAgainstTheKind(ObservationKind kind, double result) {
    InvalidSensorDataException e =
        assertThrows(
            InvalidSensorDataException.class, () -> kind.requireValidResult(result, "result"));
    assertEquals("result", e.field());
  }

  static Stream<Arguments> badResults() {
    return Stream.of(
        Arguments.of(ObservationKind.RAINFALL, -0.5),
        Arguments.of(ObservationKind.PEOPLE_COUNT, 2.5),
        Arguments.of(ObservationKind.CONGESTION_LEVEL, 4),
        Arguments.of(ObservationKind.WATER_LEVEL, Double.POSITIVE_INFINITY));
  }

  @Test
  void stagesFollowTheJapaneseGaugeLevels() {
    WaterLevelThresholds t = new WaterLevelThresholds(2.0, 3.0, 3.5, 4.0, null);
    assertEquals(WaterLevelStage.NORMAL, t.stageOf(1.99));
    assertEquals(WaterLevelStage.STANDBY, t.stageOf(2.0));
    assertEquals(WaterLevelStage.FLOOD_WATCH, t.stageOf(3.2));
    assertEquals(WaterLevelStage.EVACUATION_DECISION, t.stageOf(3.5));
    assertEquals(WaterLevelStage.FLOOD_DANGER, t.stageOf(9));
    assertEquals("氾濫危険水位", WaterLevelStage.FLOOD_DANGER.japaneseName());
    WaterLevelThresholds onlyDanger = new WaterLevelThresholds(null, null, null, 4.0, null);
    assertEquals(WaterLevelStage.NORMAL, onlyDanger.stageOf(3.9));
    assertEquals(WaterLevelStage.FLOOD_DANGER, onlyDanger.stageOf(4.0));
  }

  @Test
  void congestionLevelsFromDensity() {
    assertEquals(CongestionLevel.EMPTY, CongestionLevel.ofDensity(0.05));
    assertEquals(CongestionLevel.SOME, CongestionLevel.ofDensity(0.3));
    assertEquals(CongestionLevel.CROWDED, CongestionLevel.ofDensity(1.0));
    assertEquals(CongestionLevel.VERY_CROWDED, CongestionLevel.ofDensity(2.0));
  }
}
