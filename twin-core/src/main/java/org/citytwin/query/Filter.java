package org.citytwin.query;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Envelope3D;
import org.locationtech.jts.geom.Geometry;

/**
 * A predicate over city objects. Attribute names are flat: a {@link FixedAttribute} name or any
 * name from {@link org.citytwin.model.CityObject#attributes()}; a generic name no object has simply
 * matches nothing.
 *
 * <p>Logic is two-valued: a comparison with a missing value is false, and {@link Not} turns false
 * into true. So {@code NOT (height > 10)} matches objects without a height, while {@code height <=
 * 10} does not. A generic attribute compared with a number matches only numeric values; compared
 * with a text, it matches the value's {@link org.citytwin.model.AttributeValue#text()}. Spatial
 * predicates use the 2D footprint in CRS84 degrees (the 3D box uses the object's envelope); objects
 * without geometry never match them.
 */
public sealed interface Filter {

  /** The filter that matches every object (an empty {@link And}). */
  static Filter all() {
    return new And(List.of());
  }

  static Filter and(Filter... filters) {
    return new And(List.of(filters));
  }

  static Filter or(Filter... filters) {
    return new Or(List.of(filters));
  }

  static Filter not(Filter filter) {
    return new Not(filter);
  }

  /** Comparison operators; text compares by {@link String#compareTo}, numbers numerically. */
  enum Operator {
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE;

    /** Whether a comparison result ({@code a.compareTo(b)} sign) satisfies this operator. */
    public boolean accepts(int comparison) {
      return switch (this) {
        case EQ -> comparison == 0;
        case NE -> comparison != 0;
        case LT -> comparison < 0;
        case LE -> comparison <= 0;
        case GT -> comparison > 0;
        case GE -> comparison >= 0;
      };
    }
  }

  /** All of the filters; an empty list matches everything. */
  record And(List<Filter> filters) implements Filter {
    public And {
      filters = List.copyOf(filters);
    }
  }

  /** Any of the filters; an empty list matches nothing. */
  record Or(List<Filter> filters) implements Filter {
    public Or {
      filters = List.copyOf(filters);
    }
  }

  record Not(Filter filter) implements Filter {
    public Not {
      Objects.requireNonNull(filter, "negated filter");
    }
  }

  record Compare(String attribute, Operator op, Literal value) implements Filter {
    public Compare {
      requireAttribute(attribute);
      Objects.requireNonNull(op, "operator");
      Objects.requireNonNull(value, "value compared with '" + attribute + "'");
      value = FixedAttribute.checkComparable(attribute, value);
    }
  }

  /** {@code low <= attribute <= high}; both bounds must be of the same kind. */
  record Between(String attribute, Literal low, Literal high) implements Filter {
    public Between {
      requireAttribute(attribute);
      Objects.requireNonNull(low, "low bound for '" + attribute + "'");
      Objects.requireNonNull(high, "high bound for '" + attribute + "'");
      if (low.kind() != high.kind()) {
        throw new IllegalArgumentException(
            "between bounds for '" + attribute + "' must both be numbers or both texts");
      }
      low = FixedAttribute.checkComparable(attribute, low);
      high = FixedAttribute.checkComparable(attribute, high);
    }
  }

  record In(String attribute, List<Literal> values) implements Filter {
    public In {
      requireAttribute(attribute);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("IN list for '" + attribute + "' must not be empty");
      }
      values = values.stream().map(v -> FixedAttribute.checkComparable(attribute, v)).toList();
    }
  }

  /**
   * SQL-style pattern: {@code %} any run of characters, {@code _} one character, a backslash makes
   * the next character literal. {@code ignoreCase} matches regardless of letter case (the CQL
   * draft's {@code ILIKE}, which GDAL sends).
   */
  record Like(String attribute, String pattern, boolean ignoreCase) implements Filter {
    public Like {
      requireAttribute(attribute);
      Objects.requireNonNull(pattern, "pattern for '" + attribute + "'");
      FixedAttribute.requireText(attribute, ignoreCase ? "ILIKE" : "LIKE");
    }

    /** A case-sensitive pattern, as CQL2's {@code LIKE}. */
    public Like(String attribute, String pattern) {
      this(attribute, pattern, false);
    }
  }

  /**
   * The attribute is missing (never true for {@code gml_id}, {@code type} or {@code landslide}).
   */
  record IsNull(String attribute) implements Filter {
    public IsNull {
      requireAttribute(attribute);
    }
  }

  record TypeIn(Set<CityObjectType> types) implements Filter {
    public TypeIn {
      types = Set.copyOf(types);
      if (types.isEmpty()) {
        throw new IllegalArgumentException("a type filter needs at least one type");
      }
    }
  }

  /** The footprint intersects the lon/lat box (boundaries included). */
  record BboxIntersects(double minLon, double minLat, double maxLon, double maxLat)
      implements Filter {
    public BboxIntersects {
      Degrees.requireLongitude(minLon, "bbox min longitude");
      Degrees.requireLongitude(maxLon, "bbox max longitude");
      Degrees.requireLatitude(minLat, "bbox min latitude");
      Degrees.requireLatitude(maxLat, "bbox max latitude");
      if (minLon > maxLon || minLat > maxLat) {
        throw new IllegalArgumentException(
            "bbox min ("
                + minLon
                + ", "
                + minLat
                + ") must not exceed max ("
                + maxLon
                + ", "
                + maxLat
                + ")");
      }
    }
  }

  /** The object's 3D envelope intersects the box (boundaries included). */
  record Box3DIntersects(Envelope3D box) implements Filter {
    public Box3DIntersects {
      Objects.requireNonNull(box, "box");
      Degrees.requireLongitude(box.minLon(), "box min longitude");
      Degrees.requireLongitude(box.maxLon(), "box max longitude");
      Degrees.requireLatitude(box.minLat(), "box min latitude");
      Degrees.requireLatitude(box.maxLat(), "box max latitude");
      if (!Double.isFinite(box.minHeight()) || !Double.isFinite(box.maxHeight())) {
        throw new IllegalArgumentException(
            "box heights must be finite, were " + box.minHeight() + " .. " + box.maxHeight());
      }
    }
  }

  /**
   * The footprint intersects a lon/lat geometry. The geometry is copied; callers must not change
   * the one returned by the accessor.
   */
  record GeometryIntersects(Geometry lonLat) implements Filter {
    public GeometryIntersects {
      Objects.requireNonNull(lonLat, "geometry");
      if (lonLat.isEmpty()) {
        throw new IllegalArgumentException("an intersects filter needs a non-empty geometry");
      }
      lonLat = lonLat.copy();
    }
  }

  /**
   * Some point of the footprint lies within {@code metres} of the point, measured as {@link
   * GroundDistance} does.
   */
  record WithinDistance(double lon, double lat, double metres) implements Filter {
    public WithinDistance {
      Degrees.requireLongitude(lon, "distance centre longitude");
      Degrees.requireLatitude(lat, "distance centre latitude");
      if (!(metres >= 0) || !Double.isFinite(metres)) {
        throw new IllegalArgumentException(
            "distance " + metres + " must be a finite number of metres >= 0");
      }
    }
  }

  private static void requireAttribute(String attribute) {
    Objects.requireNonNull(attribute, "attribute name");
    if (attribute.isBlank()) {
      throw new IllegalArgumentException("attribute name must not be blank");
    }
  }
}
