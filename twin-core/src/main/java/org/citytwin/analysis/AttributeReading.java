package org.citytwin.analysis;

import java.util.Optional;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.CityObject;
import org.citytwin.query.FixedAttribute;
import org.citytwin.query.Literal;

/**
 * Reads one named attribute of an object the way queries do: a fixed name through {@link
 * FixedAttribute#valueOf}, any other from {@link CityObject#attributes()}.
 */
final class AttributeReading {
  /** What a numeric read found. */
  sealed interface NumericValue {}

  record Present(double value) implements NumericValue {}

  record Absent() implements NumericValue {}

  record NotANumber() implements NumericValue {}

  private static final Absent ABSENT = new Absent();
  private static final NotANumber NOT_A_NUMBER = new NotANumber();

  private final String name;
  private final Optional<FixedAttribute> fixed;

  AttributeReading(String name) {
    this.name = name;
    this.fixed = FixedAttribute.find(name);
  }

  String name() {
    return name;
  }

  NumericValue number(CityObject object, String datasetName) {
    if (fixed.isPresent()) {
      Literal value = fixed.get().valueOf(object, datasetName);
      return value instanceof Literal.NumberLiteral n ? new Present(n.value()) : ABSENT;
    }
    AttributeValue value = object.attributes().get(name);
    if (value == null) {
      return ABSENT;
    }
    return value instanceof AttributeValue.Number n ? new Present(n.value()) : NOT_A_NUMBER;
  }

  GroupKey group(CityObject object, String datasetName) {
    if (fixed.isPresent()) {
      Literal value = fixed.get().valueOf(object, datasetName);
      return value == null ? GroupKey.MISSING : new GroupKey(value, null);
    }
    AttributeValue value = object.attributes().get(name);
    if (value == null) {
      return GroupKey.MISSING;
    }
    if (value instanceof AttributeValue.Number n) {
      return new GroupKey(Literal.of(n.value()), null);
    }
    if (value instanceof AttributeValue.Code code) {
      return new GroupKey(Literal.of(code.code()), code.label());
    }
    return new GroupKey(Literal.of(value.text()), null);
  }
}
