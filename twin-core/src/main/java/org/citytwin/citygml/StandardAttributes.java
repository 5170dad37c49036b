package org.citytwin.citygml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citygml4j.core.model.building.AbstractBuilding;
import org.citygml4j.core.model.construction.AbstractConstruction;
import org.citygml4j.core.model.construction.Height;
import org.citygml4j.core.model.construction.HeightProperty;
import org.citygml4j.core.model.construction.HeightStatusValue;
import org.citygml4j.core.model.core.AbstractCityObject;
import org.citygml4j.core.model.core.AbstractGenericAttribute;
import org.citygml4j.core.model.core.AbstractGenericAttributeProperty;
import org.citygml4j.core.model.core.StandardObjectClassifier;
import org.citygml4j.core.model.generics.GenericAttributeSet;
import org.citytwin.model.AttributeValue;
import org.xmlobjects.gml.model.basictypes.Code;
import org.xmlobjects.gml.model.basictypes.Measure;

/**
 * The attributes CityGML itself defines, flattened to names: {@code name}, {@code description},
 * {@code class}, {@code function}, {@code usage}, {@code measuredHeight}, {@code
 * storeysAboveGround}, {@code storeysBelowGround}, {@code yearOfConstruction}, {@code roofType},
 * and every {@code gen:} attribute by its own name (members of a set as {@code set.member}).
 */
final class StandardAttributes {
  private final Map<String, AttributeValue> values = new LinkedHashMap<>();
  private final CodeLists codeLists;
  private Double measuredHeightMetres;

  private StandardAttributes(CodeLists codeLists) {
    this.codeLists = codeLists;
  }

  static StandardAttributes of(AbstractCityObject object, CodeLists codeLists) {
    StandardAttributes attributes = new StandardAttributes(codeLists);
    attributes.read(object);
    return attributes;
  }

  Map<String, AttributeValue> values() {
    return values;
  }

  /** The measured height in metres when the source gives one, otherwise null. */
  Double measuredHeightMetres() {
    return measuredHeightMetres;
  }

  private void read(AbstractCityObject object) {
    if (!object.getNames().isEmpty() && object.getNames().get(0).getValue() != null) {
      put("name", new AttributeValue.Text(object.getNames().get(0).getValue()));
    }
    if (object.getDescription() != null && object.getDescription().getValue() != null) {
      put("description", new AttributeValue.Text(object.getDescription().getValue()));
    }
    if (object instanceof StandardObjectClassifier classified) {
      putCode("class", classified.getClassifier());
      putCodes("function", classified.getFunctions());
      putCodes("usage", classified.getUsages());
    }
    if (object instanceof AbstractConstruction construction) {
      readHeights(construction.getHeights());
      if (construction.getDateOfConstruction() != null) {
        put(
            "yearOfConstruction",
            new AttributeValue.Number(construction.getDateOfConstruction().getYear(), null));
      }
    }
    if (object instanceof AbstractBuilding building) {
      putCode("roofType", building.getRoofType());
      putCount("storeysAboveGround", building.getStoreysAboveGround());
      putCount("storeysBelowGround", building.getStoreysBelowGround());
    }
    readGeneric("", object.getGenericAttributes());
  }

  private void readHeights(List<HeightProperty> heights) {
    for (HeightProperty property : heights) {
      Height height = property.getObject();
      if (height == null || height.getValue() == null || height.getValue().getValue() == null) {
        continue;
      }
      boolean measured =
          height.getStatus() == null || height.getStatus() == HeightStatusValue.MEASURED;
      if (measured && measuredHeightMetres == null) {
        measuredHeightMetres = height.getValue().getValue();
        put("measuredHeight", measure(height.getValue()));
      }
    }
  }

  private void readGeneric(String prefix, List<AbstractGenericAttributeProperty> properties) {
    for (AbstractGenericAttributeProperty property : properties) {
      AbstractGenericAttribute<?> attribute = property.getObject();
      if (attribute == null || attribute.getName() == null) {
        continue;
      }
      String name = prefix + attribute.getName();
      if (attribute instanceof GenericAttributeSet set) {
        readGeneric(name + ".", set.getValue());
        continue;
      }
      AttributeValue value = genericValue(attribute.getValue());
      if (value != null) {
        put(name, value);
      }
    }
  }

  private AttributeValue genericValue(Object value) {
    if (value instanceof Measure measure) {
      return measure.getValue() == null ? null : measure(measure);
    } else if (value instanceof Code code) {
      return code(code);
    } else if (value instanceof Number number) {
      double d = number.doubleValue();
      return Double.isFinite(d) ? new AttributeValue.Number(d, null) : null;
    } else if (value != null) {
      return new AttributeValue.Text(value.toString());
    }
    return null;
  }

  private static AttributeValue measure(Measure measure) {
    return new AttributeValue.Number(measure.getValue(), measure.getUom());
  }

  private void putCodes(String name, List<Code> codes) {
    for (Code code : codes) {
      putCode(name, code);
    }
  }

  private void putCode(String name, Code code) {
    if (code != null && code.getValue() != null) {
      put(name, code(code));
    }
  }

  private AttributeValue code(Code code) {
    return new AttributeValue.Code(
        code.getValue(),
        code.getCodeSpace(),
        codeLists.label(code.getCodeSpace(), code.getValue()));
  }

  private void putCount(String name, Integer count) {
    if (count != null) {
      put(name, new AttributeValue.Number(count, null));
    }
  }

  /** Repeated names (several usages, a generic name used twice) are numbered from _2. */
  private void put(String name, AttributeValue value) {
    String key = name;
    for (int n = 2; values.containsKey(key); n++) {
      key = name + "_" + n;
    }
    values.put(key, value);
  }
}
