package org.citytwin.store;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.CityObject;
import org.citytwin.model.DerivedShape;
import org.citytwin.query.Filter;
import org.citytwin.query.FixedAttribute;
import org.citytwin.query.GroundDistance;
import org.citytwin.query.Literal;
import org.citytwin.query.SortKey;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The brute-force reading of {@link Filter} and sort semantics, written directly from their Javadoc
 * over in-memory objects, to check the SQL translation against.
 */
final class Oracle {

  /** An object with the dataset it was imported into. */
  record Row(CityObject object, String dataset) {}

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private Oracle() {}

  static boolean matches(Filter filter, Row row) {
    if (filter instanceof Filter.And and) {
      return and.filters().stream().allMatch(f -> matches(f, row));
    } else if (filter instanceof Filter.Or or) {
      return or.filters().stream().anyMatch(f -> matches(f, row));
    } else if (filter instanceof Filter.Not not) {
      return !matches(not.filter(), row);
    } else if (filter instanceof Filter.Compare c) {
      Integer cmp = compare(row, c.attribute(), c.value());
      return cmp != null && c.op().accepts(cmp);
    } else if (filter instanceof Filter.Between b) {
      Integer low = compare(row, b.attribute(), b.low());
      Integer high = compare(row, b.attribute(), b.high());
      return low != null && high != null && low >= 0 && high <= 0;
    } else if (filter instanceof Filter.In in) {
      return in.values().stream()
          .anyMatch(v -> Integer.valueOf(0).equals(compare(row, in.attribute(), v)));
    } else if (filter instanceof Filter.Like like) {
      String text = text(row, like.attribute());
      Pattern regex = likeRegex(like.pattern());
      if (like.ignoreCase()) {
        int flags = Pattern.DOTALL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        regex = Pattern.compile(regex.pattern(), flags);
      }
      return text != null && regex.matcher(text).matches();
    } else if (filter instanceof Filter.IsNull isNull) {
      Optional<FixedAttribute> fixed = FixedAttribute.find(isNull.attribute());
      return fixed.isPresent()
          ? fixed.get().valueOf(row.object(), row.dataset()) == null
          : !row.object().attributes().containsKey(isNull.attribute());
    } else if (filter instanceof Filter.TypeIn typeIn) {
      return typeIn.types().contains(row.object().type());
    }
    return spatial(filter, row.object().shape());
  }

  private static boolean spatial(Filter filter, DerivedShape shape) {
    if (shape == null) {
      return false;
    }
    if (filter instanceof Filter.BboxIntersects b) {
      Envelope box = new Envelope(b.minLon(), b.maxLon(), b.minLat(), b.maxLat());
      return shape.footprint().intersects(FACTORY.toGeometry(box));
    } else if (filter instanceof Filter.Box3DIntersects b) {
      return shape.envelope().intersects(b.box());
    } else if (filter instanceof Filter.GeometryIntersects g) {
      return shape.footprint().intersects(g.lonLat());
    } else if (filter instanceof Filter.WithinDistance w) {
      return GroundDistance.metres(shape.footprint(), w.lon(), w.lat()) <= w.metres();
    }
    throw new IllegalArgumentException("unknown filter " + filter);
  }

  /** Sign of value-vs-literal, or null when the object has no comparable value. */
  private static Integer compare(Row row, String attribute, Literal literal) {
    Optional<FixedAttribute> fixed = FixedAttribute.find(attribute);
    if (literal instanceof Literal.NumberLiteral number) {
      Double value =
          fixed.isPresent() ? fixedNumber(row, fixed.get()) : genericNumber(row, attribute);
      return value == null ? null : Integer.signum(Double.compare(value, number.value()));
    }
    String value = text(row, attribute);
    return value == null
        ? null
        : Integer.signum(value.compareTo(((Literal.TextLiteral) literal).value()));
  }

  private static Double fixedNumber(Row row, FixedAttribute fixed) {
    Literal value = fixed.valueOf(row.object(), row.dataset());
    return value instanceof Literal.NumberLiteral n ? n.value() : null;
  }

  private static Double genericNumber(Row row, String attribute) {
    AttributeValue value = row.object().attributes().get(attribute);
    return value instanceof AttributeValue.Number n ? n.value() : null;
  }

  private static String text(Row row, String attribute) {
    Optional<FixedAttribute> fixed = FixedAttribute.find(attribute);
    if (fixed.isPresent()) {
      Literal value = fixed.get().valueOf(row.object(), row.dataset());
      return value instanceof Literal.TextLiteral t ? t.value() : null;
    }
    AttributeValue value = row.object().attributes().get(attribute);
    return value == null ? null : value.text();
  }

  static Pattern likeRegex(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** The documented total order: keys with missing values last, then gml_id. */
  static Comparator<Row> order(List<SortKey> keys) {
    Comparator<Row> order = (a, b) -> 0;
    for (SortKey key : keys) {
      Optional<FixedAttribute> fixed = FixedAttribute.find(key.attribute());
      if (fixed.isPresent() && fixed.get().kind() == Literal.Kind.NUMBER) {
        order = order.thenComparing(r -> fixedNumber(r, fixed.get()), missingLast(key.ascending()));
      } else if (fixed.isPresent()) {
        order = order.thenComparing(r -> text(r, key.attribute()), missingLast(key.ascending()));
      } else {
        order =
            order.thenComparing(
                r -> genericNumber(r, key.attribute()), missingLast(key.ascending()));
        order = order.thenComparing(r -> text(r, key.attribute()), missingLast(key.ascending()));
      }
    }
    return order.thenComparing(r -> r.object().gmlId());
  }

  private static <T extends Comparable<T>> Comparator<T> missingLast(boolean ascending) {
    Comparator<T> natural = Comparator.naturalOrder();
    return Comparator.nullsLast(ascending ? natural : natural.reversed());
  }
}
