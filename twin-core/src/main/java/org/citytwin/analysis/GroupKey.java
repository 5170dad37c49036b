package org.citytwin.analysis;

import java.util.Comparator;
import org.citytwin.query.Literal;

/**
 * The value objects of one group share: a number or a text (a code groups by its code), with the
 * code's label when the code list resolved it.
 *
 * @param value the value, or null for the objects that have none
 * @param label the code's meaning, or null
 */
public record GroupKey(Literal value, String label) {
  /** The group of objects without a value. */
  public static final GroupKey MISSING = new GroupKey(null, null);

  /** Numbers first in numeric order, then texts in {@link String#compareTo} order, then missing. */
  public static final Comparator<GroupKey> ORDER =
      Comparator.comparing(GroupKey::value, Comparator.nullsLast(GroupKey::compareValues));

  public boolean isMissing() {
    return value == null;
  }

  private static int compareValues(Literal a, Literal b) {
    if (a instanceof Literal.NumberLiteral x && b instanceof Literal.NumberLiteral y) {
      return Double.compare(x.value(), y.value());
    }
    if (a instanceof Literal.TextLiteral x && b instanceof Literal.TextLiteral y) {
      return x.value().compareTo(y.value());
    }
    return a instanceof Literal.NumberLiteral ? -1 : 1;
  }
}
