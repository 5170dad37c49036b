package org.citytwin.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.citytwin.model.CityObject;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.DerivedShape;
import org.citytwin.model.RiskAttribute;
import org.citytwin.model.RiskKind;

/**
 * The attribute names every object has a value slot for, whatever its source: identity, derived
 * heights and the flood summary. Every other name refers to {@link CityObject#attributes()}. A
 * fixed name wins over a generic attribute of the same name.
 *
 * <p>Flood depths and durations are the maximum over the object's risk records of that kind; ranks
 * are the numerically largest rank code (codes that are not numbers are ignored); {@code landslide}
 * counts the landslide records (0 when there are none, so it is never missing).
 */
public enum FixedAttribute {
  GML_ID(Literal.Kind.TEXT),
  TYPE(Literal.Kind.TEXT),
  FEATURE_TYPE(Literal.Kind.TEXT),
  PARENT_ID(Literal.Kind.TEXT),
  DATASET(Literal.Kind.TEXT),
  HEIGHT(Literal.Kind.NUMBER),
  GROUND_HEIGHT(Literal.Kind.NUMBER),
  ROOF_HEIGHT(Literal.Kind.NUMBER),
  FOOTPRINT_AREA(Literal.Kind.NUMBER),
  RIVER_FLOOD_DEPTH(Literal.Kind.NUMBER),
  RIVER_FLOOD_RANK(Literal.Kind.NUMBER),
  RIVER_FLOOD_DURATION(Literal.Kind.NUMBER),
  INLAND_FLOOD_DEPTH(Literal.Kind.NUMBER),
  INLAND_FLOOD_RANK(Literal.Kind.NUMBER),
  HIGH_TIDE_DEPTH(Literal.Kind.NUMBER),
  HIGH_TIDE_RANK(Literal.Kind.NUMBER),
  TSUNAMI_DEPTH(Literal.Kind.NUMBER),
  TSUNAMI_RANK(Literal.Kind.NUMBER),
  LANDSLIDE(Literal.Kind.NUMBER);

  /** By flat name; looked up for every attribute of every feature written, so kept in a map. */
  private static final Map<String, FixedAttribute> BY_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(FixedAttribute::attributeName, f -> f));

  private final Literal.Kind kind;
  private final String attributeName;

  FixedAttribute(Literal.Kind kind) {
    this.kind = kind;
    this.attributeName = name().toLowerCase(Locale.ROOT);
  }

  /** The flat attribute name, for example {@code river_flood_depth}. */
  public String attributeName() {
    return attributeName;
  }

  public Literal.Kind kind() {
    return kind;
  }

  /** The fixed attribute of that exact (lower-case) name, or empty for a generic attribute. */
  public static Optional<FixedAttribute> find(String attributeName) {
    return attributeName == null
        ? Optional.empty()
        : Optional.ofNullable(BY_NAME.get(attributeName));
  }

  /**
   * This attribute's value for an object of the named dataset, or null when the object has none.
   */
  public Literal valueOf(CityObject object, String datasetSourceName) {
    DerivedShape shape = object.shape();
    return switch (this) {
      case GML_ID -> text(object.gmlId());
      case TYPE -> text(object.type().id());
      case FEATURE_TYPE -> text(object.featureType());
      case PARENT_ID -> text(object.parentId());
      case DATASET -> text(datasetSourceName);
      case HEIGHT -> shape == null ? null : Literal.of(shape.heightMetres());
      case GROUND_HEIGHT -> shape == null ? null : Literal.of(shape.groundHeightMetres());
      case ROOF_HEIGHT -> shape == null ? null : Literal.of(shape.roofHeightMetres());
      case FOOTPRINT_AREA -> shape == null ? null : Literal.of(shape.footprintAreaSquareMetres());
      case RIVER_FLOOD_DEPTH -> number(object.maxDepthMetres(RiskKind.RIVER_FLOOD));
      case RIVER_FLOOD_RANK -> number(maxRank(object, RiskKind.RIVER_FLOOD));
      case RIVER_FLOOD_DURATION -> number(maxDurationHours(object, RiskKind.RIVER_FLOOD));
      case INLAND_FLOOD_DEPTH -> number(object.maxDepthMetres(RiskKind.INLAND_FLOOD));
      case INLAND_FLOOD_RANK -> number(maxRank(object, RiskKind.INLAND_FLOOD));
      case HIGH_TIDE_DEPTH -> number(object.maxDepthMetres(RiskKind.HIGH_TIDE));
      case HIGH_TIDE_RANK -> number(maxRank(object, RiskKind.HIGH_TIDE));
      case TSUNAMI_DEPTH -> number(object.maxDepthMetres(RiskKind.TSUNAMI));
      case TSUNAMI_RANK -> number(maxRank(object, RiskKind.TSUNAMI));
      case LANDSLIDE -> Literal.of(countRisks(object, RiskKind.LANDSLIDE));
    };
  }

  /**
   * Checks that a literal may be compared with the named attribute and returns it in canonical
   * form: generic attributes accept both kinds, fixed ones only their own, and {@code type} only a
   * known type id (normalised to lower case).
   */
  static Literal checkComparable(String attributeName, Literal value) {
    Optional<FixedAttribute> fixed = find(attributeName);
    if (fixed.isEmpty()) {
      return value;
    }
    if (fixed.get().kind != value.kind()) {
      throw new IllegalArgumentException(
          "attribute '"
              + attributeName
              + "' holds "
              + fixed.get().kind.name().toLowerCase(Locale.ROOT)
              + "s and cannot be compared with "
              + describe(value));
    }
    if (fixed.get() == TYPE) {
      return Literal.of(CityObjectType.parse(((Literal.TextLiteral) value).value()).id());
    }
    return value;
  }

  /** Rejects a text-only operation (such as LIKE) on a numeric fixed attribute. */
  static void requireText(String attributeName, String operation) {
    Optional<FixedAttribute> fixed = find(attributeName);
    if (fixed.isPresent() && fixed.get().kind != Literal.Kind.TEXT) {
      throw new IllegalArgumentException(
          "attribute '"
              + attributeName
              + "' holds numbers; "
              + operation
              + " needs a text attribute");
    }
  }

  private static String describe(Literal value) {
    return switch (value.kind()) {
      case NUMBER -> "the number " + ((Literal.NumberLiteral) value).value();
      case TEXT -> "the text '" + ((Literal.TextLiteral) value).value() + "'";
    };
  }

  private static Literal text(String value) {
    return value == null ? null : Literal.of(value);
  }

  private static Literal number(Double value) {
    return value == null ? null : Literal.of(value);
  }

  private static Double maxRank(CityObject object, RiskKind kind) {
    Double max = null;
    for (RiskAttribute risk : object.risks()) {
      Double rank = risk.kind() == kind ? parseRank(risk.rank()) : null;
      if (rank != null) {
        max = max == null ? rank : Math.max(max, rank);
      }
    }
    return max;
  }

  /** Rank codes are published as text; only those that are plain numbers can be ordered. */
  private static Double parseRank(String rank) {
    if (rank == null) {
      return null;
    }
    try {
      double value = Double.parseDouble(rank.trim());
      return Double.isFinite(value) ? value : null;
    } catch (NumberFormatException notNumeric) {
      return null;
    }
  }

  private static Double maxDurationHours(CityObject object, RiskKind kind) {
    Double max = null;
    for (RiskAttribute risk : object.risks()) {
      if (risk.kind() == kind
          && risk.durationHours() != null
          && Double.isFinite(risk.durationHours())) {
        max = max == null ? risk.durationHours() : Math.max(max, risk.durationHours());
      }
    }
    return max;
  }

  private static double countRisks(CityObject object, RiskKind kind) {
    return object.risks().stream().filter(risk -> risk.kind() == kind).count();
  }
}
