package org.citytwin.geojson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.CityObject;
import org.citytwin.model.RiskAttribute;
import org.citytwin.query.FixedAttribute;
import org.citytwin.query.Literal;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes one city object as a GeoJSON Feature: {@code id} is the gml:id, the geometry its 2D
 * footprint (or one LOD in 3D, see {@link GeometryChoice}), and the properties flat: the fixed
 * attributes (type, heights, flood summary), then every source attribute by name (a code's label,
 * when resolved, as {@code <name>_label}), then the full disaster-risk records as {@code risks}.
 */
public final class FeatureWriter {
  /**
   * Nine decimals: about 0.1 mm in degrees, finer than any source survey; metres in projected CRSs
   * keep nanometres.
   */
  private static final GeometryJson GEOMETRY = new GeometryJson(9);

  private final GeometryChoice geometryChoice;
  private final UnaryOperator<Geometry> outputCrs;
  private final Predicate<String> propertySelected;

  /** Footprints in CRS84 with every property. */
  public FeatureWriter() {
    this(GeometryChoice.FOOTPRINT, UnaryOperator.identity(), name -> true);
  }

  /**
   * @param outputCrs turns a CRS84 geometry into the response CRS (axis order included)
   * @param propertySelected which property names to write
   */
  public FeatureWriter(
      GeometryChoice geometryChoice,
      UnaryOperator<Geometry> outputCrs,
      Predicate<String> propertySelected) {
    this.geometryChoice = geometryChoice;
    this.outputCrs = outputCrs;
    this.propertySelected = propertySelected;
  }

  public void write(JsonGenerator json, CityObject object, String datasetName) throws IOException {
    json.writeStartObject();
    json.writeStringField("type", "Feature");
    json.writeStringField("id", object.gmlId());
    json.writeFieldName("geometry");
    Geometry geometry = geometryChoice.of(object);
    writeGeometry(json, geometry == null ? null : outputCrs.apply(geometry));
    json.writeObjectFieldStart("properties");
    writeFixed(json, object, datasetName);
    writeAttributes(json, object.attributes());
    if (propertySelected.test("risks")) {
      writeRisks(json, object);
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  /** Writes a geometry as it is, or null. */
  public void writeGeometry(JsonGenerator json, Geometry geometry) throws IOException {
    if (geometry == null || geometry.isEmpty()) {
      json.writeNull();
    } else {
      GEOMETRY.write(json, geometry);
    }
  }

  private void writeFixed(JsonGenerator json, CityObject object, String datasetName)
      throws IOException {
    for (FixedAttribute fixed : FixedAttribute.values()) {
      if (fixed == FixedAttribute.GML_ID || !propertySelected.test(fixed.attributeName())) {
        continue; // the feature id already says the gml:id
      }
      Literal value = fixed.valueOf(object, datasetName);
      if (value instanceof Literal.NumberLiteral number) {
        json.writeNumberField(fixed.attributeName(), number.value());
      } else if (value instanceof Literal.TextLiteral text) {
        json.writeStringField(fixed.attributeName(), text.value());
      }
    }
  }

  private void writeAttributes(JsonGenerator json, Map<String, AttributeValue> attributes)
      throws IOException {
    for (Map.Entry<String, AttributeValue> entry : attributes.entrySet()) {
      String name = entry.getKey();
      if (FixedAttribute.find(name).isPresent() || !propertySelected.test(name)) {
        continue; // a fixed attribute of the same name wins, as in queries
      }
      AttributeValue value = entry.getValue();
      if (value instanceof AttributeValue.Number number) {
        json.writeNumberField(name, number.value());
      } else if (value instanceof AttributeValue.Code code) {
        json.writeStringField(name, code.code());
        if (code.label() != null) {
          json.writeStringField(name + "_label", code.label());
        }
      } else {
        json.writeStringField(name, value.text());
      }
    }
  }

  static void writeRisks(JsonGenerator json, CityObject object) throws IOException {
    if (object.risks().isEmpty()) {
      return;
    }
    json.writeArrayFieldStart("risks");
    for (RiskAttribute risk : object.risks()) {
      json.writeStartObject();
      json.writeStringField("kind", risk.kind().prefix());
      writeIfPresent(json, "description", risk.description());
      writeIfPresent(json, "rank", risk.rank());
      if (risk.depthMetres() != null) {
        json.writeNumberField("depth_m", risk.depthMetres());
      }
      if (risk.durationHours() != null) {
        json.writeNumberField("duration_h", risk.durationHours());
      }
      writeIfPresent(json, "scale", risk.scale());
      writeIfPresent(json, "admin_type", risk.adminType());
      writeIfPresent(json, "area_type", risk.areaType());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeIfPresent(JsonGenerator json, String name, String value)
      throws IOException {
    if (value != null) {
      json.writeStringField(name, value);
    }
  }
}
