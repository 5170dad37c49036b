package org.citytwin.terrain;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Manning's n (s/m^(1/3)) per kind of ground, for a roughness grid built from the city's objects
 * ({@link LandUseRoughness}). The defaults ({@link #defaults()}) are "normal" values of Chow
 * (1959), <i>Open-Channel Hydraulics</i>, table 5-6, each from the row named below; docs/FLOOD.md
 * lists them with their rows. Land-use class codes are those of the Japanese urban planning basic
 * survey that PLATEAU's {@code luse:class} uses (201 paddy field ... 217 public open space); a code
 * the table does not hold takes {@code openGround}.
 *
 * @param road transportation objects (tran:Road, tran:Square) and land-use class 215 (road land):
 *     0.016, asphalt, rough
 * @param water water bodies (wtr:WaterBody) and land-use class 204 (water surface): 0.030, natural
 *     stream, clean, straight, full stage
 * @param openGround every cell no object covers, and land-use classes without an entry: 0.035,
 *     flood plain, pasture, high grass (the run's constant n before land use, too)
 * @param landUse n per {@code luse:class} code
 */
public record RoughnessTable(
    double road, double water, double openGround, Map<String, Double> landUse) {

  /** Land-use class codes of roads and water, which take {@link #road} and {@link #water}. */
  public static final String ROAD_LAND_CODE = "215";

  public static final String WATER_SURFACE_CODE = "204";

  public RoughnessTable {
    check(road, "road");
    check(water, "water");
    check(openGround, "default");
    TreeMap<String, Double> copy = new TreeMap<>();
    for (Map.Entry<String, Double> e : landUse.entrySet()) {
      check(e.getValue(), "landUse." + e.getKey());
      copy.put(e.getKey(), e.getValue());
    }
    landUse = Collections.unmodifiableMap(copy);
  }

  private static void check(Double n, String name) {
    if (n == null || !(n > 0 && n <= 1)) {
      throw new IllegalArgumentException("Manning's n of " + name + " " + n + " must be in (0, 1]");
    }
  }

  /**
   * Chow (1959) table 5-6, normal values: 201 paddy field 0.040 (cultivated areas, mature field
   * crops), 202 field 0.035 (mature row crops), 203 forest 0.100 (trees, heavy stand of timber,
   * flood stage below branches), 205 other natural land 0.050 (brush, scattered brush, heavy
   * weeds), 217 public open space (parks, sports grounds) 0.030 (pasture, short grass). The
   * built-up classes (211 residential, 212 commercial, 213 industrial ...) have no entry: their
   * buildings are walls of their own in the grid, and for the yards and car parks between them Chow
   * gives no row, so they take {@code openGround}.
   */
  public static RoughnessTable defaults() {
    return new RoughnessTable(
        0.016,
        0.030,
        0.035,
        Map.of("201", 0.040, "202", 0.035, "203", 0.100, "205", 0.050, "217", 0.030));
  }

  /** This table with {@code road}, {@code water} or {@code openGround} replaced when non-null. */
  public RoughnessTable with(Double newRoad, Double newWater, Double newOpenGround) {
    return new RoughnessTable(
        newRoad != null ? newRoad : road,
        newWater != null ? newWater : water,
        newOpenGround != null ? newOpenGround : openGround,
        landUse);
  }

  /** This table with the entries of {@code codes} added or replacing its own. */
  public RoughnessTable withLandUse(Map<String, Double> codes) {
    TreeMap<String, Double> merged = new TreeMap<>(landUse);
    merged.putAll(codes);
    return new RoughnessTable(road, water, openGround, merged);
  }

  /**
   * n of a land-use class code (null: none given): the table's entry, else {@link #road} for road
   * land (215) and {@link #water} for water surfaces (204), else {@link #openGround}.
   */
  public double landUse(String code) {
    Double n = code == null ? null : landUse.get(code);
    if (n != null) {
      return n;
    }
    if (ROAD_LAND_CODE.equals(code)) {
      return road;
    }
    return WATER_SURFACE_CODE.equals(code) ? water : openGround;
  }
}
