package org.citytwin.store;

import java.util.List;
import java.util.stream.Stream;
import org.citytwin.query.FixedAttribute;
import org.citytwin.query.Literal;

/**
 * The whitelist from query attribute names to SQL: the only way a name reaches a statement's text.
 * Queries alias {@code city_object} as {@code o} and {@code dataset} as {@code d}.
 */
final class Columns {

  /** Numeric fixed attributes, each stored in a {@code city_object} column of the same name. */
  static final List<FixedAttribute> NUMERIC =
      Stream.of(FixedAttribute.values()).filter(f -> f.kind() == Literal.Kind.NUMBER).toList();

  private Columns() {}

  /** The qualified column holding a fixed attribute. */
  static String of(FixedAttribute attribute) {
    return switch (attribute) {
      case DATASET -> Schema.DATASET_NAME_FUNCTION + "(d.source_name)";
      default -> "o." + attribute.attributeName();
    };
  }
}
