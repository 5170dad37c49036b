package org.citytwin.model;

import java.util.Objects;

/** One attribute value of a city object: a number (with its unit), a text, or a code. */
public sealed interface AttributeValue {

  /** The value as text, for display and for string predicates. */
  String text();

  /** A measured or counted quantity; {@code uom} may be null when the source gives none. */
  record Number(double value, String uom) implements AttributeValue {
    public Number {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("attribute number must be finite, was " + value);
      }
    }

    @Override
    public String text() {
      return value == Math.rint(value) && Math.abs(value) < 1e15
          ? Long.toString((long) value)
          : Double.toString(value);
    }
  }

  /** Free text, a date in ISO form, or a URI. */
  record Text(String value) implements AttributeValue {
    public Text {
      Objects.requireNonNull(value, "text value");
    }

    @Override
    public String text() {
      return value;
    }
  }

  /**
   * A value from a code list, kept as the code; {@code label} is the resolved meaning when the code
   * list was found beside the data, otherwise null.
   */
  record Code(String code, String codeSpace, String label) implements AttributeValue {
    public Code {
      Objects.requireNonNull(code, "code");
    }

    @Override
    public String text() {
      return code;
    }
  }
}
