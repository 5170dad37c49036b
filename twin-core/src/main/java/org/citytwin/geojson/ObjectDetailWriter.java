package org.citytwin.geojson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.CityObject;
import org.citytwin.model.DerivedShape;
import org.citytwin.model.Envelope3D;
import org.citytwin.model.SurfaceRole;
import org.citytwin.query.FixedAttribute;
import org.citytwin.query.Literal;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes everything the twin knows about one object as the members of a JSON object: identity and
 * hierarchy, every attribute with its unit or code list, the risk records and their summary, the
 * derived shape, and every geometry in 3D grouped by LOD and role ({@link LodGeometries}).
 *
 * <p>Members: {@code id, type, feature_type, dataset, parent_id, children, attributes, risks,
 * risk_summary, shape, geometries}. An attribute is {@code {"value": ...}} plus {@code uom} for a
 * number, {@code codeSpace} and {@code label} for a code. The shape has {@code height_m, ground_m,
 * roof_m, footprint_area_m2}, {@code envelope} as {@code [minLon, minLat, minHeight, maxLon,
 * maxLat, maxHeight]} and the 2D {@code footprint}; it is null for an object without geometry.
 */
public final class ObjectDetailWriter {
  private final FeatureWriter geometryWriter = new FeatureWriter();

  /** Writes the members; the caller opens and closes the enclosing object. */
  public void writeMembers(
      JsonGenerator json, CityObject object, String datasetName, List<String> childIds)
      throws IOException {
    json.writeStringField("id", object.gmlId());
    json.writeStringField("type", object.type().id());
    json.writeStringField("feature_type", object.featureType());
    json.writeStringField("dataset", datasetName);
    json.writeStringField("parent_id", object.parentId());
    json.writeArrayFieldStart("children");
    for (String child : childIds) {
      json.writeString(child);
    }
    json.writeEndArray();
    writeAttributes(json, object.attributes());
    if (object.risks().isEmpty()) {
      json.writeArrayFieldStart("risks");
      json.writeEndArray();
    } else {
      FeatureWriter.writeRisks(json, object);
    }
    writeRiskSummary(json, object, datasetName);
    writeShape(json, object.shape());
    writeGeometries(json, object);
  }

  private static void writeAttributes(JsonGenerator json, Map<String, AttributeValue> attributes)
      throws IOException {
    json.writeObjectFieldStart("attributes");
    for (Map.Entry<String, AttributeValue> entry : attributes.entrySet()) {
      json.writeObjectFieldStart(entry.getKey());
      AttributeValue value = entry.getValue();
      if (value instanceof AttributeValue.Number number) {
        json.writeNumberField("value", number.value());
        if (number.uom() != null) {
          json.writeStringField("uom", number.uom());
        }
      } else if (value instanceof AttributeValue.Code code) {
        json.writeStringField("value", code.code());
        json.writeStringField("codeSpace", code.codeSpace());
        json.writeStringField("label", code.label());
      } else {
        json.writeStringField("value", value.text());
      }
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  /** The flood and landslide summary values queries use ({@code river_flood_depth}...). */
  private static void writeRiskSummary(JsonGenerator json, CityObject object, String datasetName)
      throws IOException {
    json.writeObjectFieldStart("risk_summary");
    for (FixedAttribute fixed : FixedAttribute.values()) {
      if (fixed.compareTo(FixedAttribute.RIVER_FLOOD_DEPTH) >= 0
          && fixed.valueOf(object, datasetName) instanceof Literal.NumberLiteral number) {
        json.writeNumberField(fixed.attributeName(), number.value());
      }
    }
    json.writeEndObject();
  }

  private void writeShape(JsonGenerator json, DerivedShape shape) throws IOException {
    if (shape == null) {
      json.writeNullField("shape");
      return;
    }
    json.writeObjectFieldStart("shape");
    json.writeNumberField("height_m", shape.heightMetres());
    json.writeNumberField("ground_m", shape.groundHeightMetres());
    json.writeNumberField("roof_m", shape.roofHeightMetres());
    json.writeNumberField("footprint_area_m2", shape.footprintAreaSquareMetres());
    Envelope3D box = shape.envelope();
    json.writeArrayFieldStart("envelope");
    for (double value :
        new double[] {
          box.minLon(), box.minLat(), box.minHeight(), box.maxLon(), box.maxLat(), box.maxHeight()
        }) {
      json.writeNumber(value);
    }
    json.writeEndArray();
    json.writeFieldName("footprint");
    geometryWriter.writeGeometry(json, shape.footprint());
    json.writeEndObject();
  }

  private void writeGeometries(JsonGenerator json, CityObject object) throws IOException {
    json.writeObjectFieldStart("geometries");
    for (var lod : LodGeometries.byLodAndRole(object).entrySet()) {
      json.writeObjectFieldStart("lod" + lod.getKey());
      for (Map.Entry<SurfaceRole, Geometry> role : lod.getValue().entrySet()) {
        json.writeFieldName(role.getKey().name().toLowerCase(Locale.ROOT));
        geometryWriter.writeGeometry(json, role.getValue());
      }
      json.writeEndObject();
    }
    json.writeEndObject();
  }
}
