package org.citytwin.vectortiles;

import java.util.Objects;

/**
 * One attribute that features of a vector tile layer may carry; a feature leaves it out when it has
 * no value.
 *
 * @param name the key in the tile, for example {@code river_flood_depth}
 * @param kind the value type, as TileJSON's {@code vector_layers} fields name it
 * @param description what it holds, with its unit
 */
public record LayerField(String name, Kind kind, String description) {
  /** The value types, named as tippecanoe and TileJSON consumers expect. */
  public enum Kind {
    STRING("String"),
    NUMBER("Number");

    private final String tileJsonName;

    Kind(String tileJsonName) {
      this.tileJsonName = tileJsonName;
    }

    public String tileJsonName() {
      return tileJsonName;
    }
  }

  public LayerField {
    Objects.requireNonNull(name, "field name");
    Objects.requireNonNull(kind, "field kind");
    Objects.requireNonNull(description, "field description");
  }
}
