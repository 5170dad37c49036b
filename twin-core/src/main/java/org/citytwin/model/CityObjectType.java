package org.citytwin.model;

import java.util.Locale;

/**
 * The kinds of city object the twin knows. Anything else is kept as {@link #OTHER} with its
 * geometry and its XML element name in {@link CityObject#featureType()}.
 */
public enum CityObjectType {
  BUILDING(Collection.BUILDINGS),
  BUILDING_PART(Collection.BUILDINGS),
  ROAD(Collection.TRANSPORTATION),
  RAILWAY(Collection.TRANSPORTATION),
  TRACK(Collection.TRANSPORTATION),
  SQUARE(Collection.TRANSPORTATION),
  TRANSPORTATION_OTHER(Collection.TRANSPORTATION),
  RELIEF(Collection.RELIEF),
  WATER_BODY(Collection.WATER),
  LAND_USE(Collection.LAND_USE),
  BRIDGE(Collection.BRIDGES),
  BRIDGE_PART(Collection.BRIDGES),
  TUNNEL(Collection.TUNNELS),
  TUNNEL_PART(Collection.TUNNELS),
  CITY_FURNITURE(Collection.OTHERS),
  VEGETATION(Collection.VEGETATION),
  GENERIC(Collection.OTHERS),
  OTHER(Collection.OTHERS);

  /** The collections objects are grouped in when served (one per kind of thing a user asks for). */
  public enum Collection {
    BUILDINGS,
    TRANSPORTATION,
    RELIEF,
    WATER,
    LAND_USE,
    BRIDGES,
    TUNNELS,
    VEGETATION,
    OTHERS;

    /** The identifier used in URLs and on the command line, for example {@code land_use}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Collection collection;

  CityObjectType(Collection collection) {
    this.collection = collection;
  }

  public Collection collection() {
    return collection;
  }

  /** The identifier used in queries and on the command line, for example {@code building_part}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #id()} case-insensitively; names the accepted values when the text is wrong. */
  public static CityObjectType parse(String text) {
    for (CityObjectType type : values()) {
      if (type.id().equalsIgnoreCase(text.trim())) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown object type '" + text + "'; expected one of " + java.util.Arrays.toString(ids()));
  }

  private static String[] ids() {
    CityObjectType[] types = values();
    String[] ids = new String[types.length];
    for (int i = 0; i < types.length; i++) {
      ids[i] = types[i].id();
    }
    return ids;
  }
}
