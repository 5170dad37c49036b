package org.citytwin.query;

import java.util.Objects;

/** A constant on the right-hand side of a predicate: a number or a text. */
public sealed interface Literal {

  /** Whether a literal or an attribute holds numbers or texts. */
  enum Kind {
    NUMBER,
    TEXT
  }

  Kind kind();

  static Literal of(double value) {
    return new NumberLiteral(value);
  }

  static Literal of(String value) {
    return new TextLiteral(value);
  }

  /** A finite number; units are those of the attribute it is compared with. */
  record NumberLiteral(double value) implements Literal {
    public NumberLiteral {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("number literal must be finite, was " + value);
      }
    }

    @Override
    public Kind kind() {
      return Kind.NUMBER;
    }
  }

  /** A text, compared by UTF-16 code unit order (as {@link String#compareTo}). */
  record TextLiteral(String value) implements Literal {
    public TextLiteral {
      Objects.requireNonNull(value, "text literal value");
    }

    @Override
    public Kind kind() {
      return Kind.TEXT;
    }
  }
}
