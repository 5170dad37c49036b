package org.citytwin.vectortiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.CityObject;
import org.citytwin.model.CityObjectType;
import org.citytwin.query.FixedAttribute;
import org.citytwin.query.Literal;
import org.citytwin.store.StoredObject;

/**
 * The layers of the vector tiles: which objects each holds, from which zoom, and the properties its
 * features carry. Property names are the query API's attribute names ({@link FixedAttribute}), so a
 * MapLibre filter and a CQL2 filter read alike.
 */
public enum VectorLayer {
  /**
   * Building and building-part footprints. From zoom 13, where a tile is about 4 km across (3.3 km
   * at Osaka's latitude): below that a city's buildings would crowd single tiles with hundreds of
   * thousands of sub-pixel polygons.
   */
  BUILDINGS(
      "buildings",
      "Building footprints with height (metres above ground, for fill-extrusion), usage, storeys"
          + " and flood risk",
      Set.of(CityObjectType.BUILDING, CityObjectType.BUILDING_PART),
      13,
      List.of(
          field("gml_id", LayerField.Kind.STRING, "the building's gml:id"),
          field("type", LayerField.Kind.STRING, "building or building_part"),
          field(
              "height",
              LayerField.Kind.NUMBER,
              "metres from ground to top: measured height, else roof minus ground"),
          field("ground_height", LayerField.Kind.NUMBER, "lowest point, metres as in the source"),
          field("usage", LayerField.Kind.STRING, "usage code, for example 411"),
          field("storeys", LayerField.Kind.NUMBER, "storeys above ground"),
          field(
              "river_flood_depth",
              LayerField.Kind.NUMBER,
              "deepest river-flood depth in metres over all rivers and scales"),
          field("river_flood_rank", LayerField.Kind.NUMBER, "largest river-flood depth rank code"),
          field(
              "river_flood_duration",
              LayerField.Kind.NUMBER,
              "longest river-flood duration, hours"),
          field("inland_flood_depth", LayerField.Kind.NUMBER, "deepest inland-flood depth, metres"),
          field("high_tide_depth", LayerField.Kind.NUMBER, "deepest storm-surge depth, metres"),
          field("tsunami_depth", LayerField.Kind.NUMBER, "deepest tsunami depth, metres"),
          field(
              "landslide",
              LayerField.Kind.NUMBER,
              "number of landslide warning areas the building is in"))),

  /** Road surfaces, from zoom 12 (road polygons are large and few compared to buildings). */
  ROADS(
      "roads",
      "Road surfaces (polygons; centre lines where a source has no surfaces)",
      Set.of(CityObjectType.ROAD),
      12,
      List.of(
          field("gml_id", LayerField.Kind.STRING, "the road's gml:id"),
          field("class", LayerField.Kind.STRING, "class code"),
          field("function", LayerField.Kind.STRING, "function code"),
          field("usage", LayerField.Kind.STRING, "usage code")));

  /** The flood and risk properties, taken as the query API computes them. */
  private static final List<FixedAttribute> RISKS =
      List.of(
          FixedAttribute.RIVER_FLOOD_DEPTH,
          FixedAttribute.RIVER_FLOOD_RANK,
          FixedAttribute.RIVER_FLOOD_DURATION,
          FixedAttribute.INLAND_FLOOD_DEPTH,
          FixedAttribute.HIGH_TIDE_DEPTH,
          FixedAttribute.TSUNAMI_DEPTH,
          FixedAttribute.LANDSLIDE);

  private final String id;
  private final String description;
  private final Set<CityObjectType> types;
  private final int minZoom;
  private final List<LayerField> fields;

  VectorLayer(
      String id,
      String description,
      Set<CityObjectType> types,
      int minZoom,
      List<LayerField> fields) {
    this.id = id;
    this.description = description;
    this.types = types;
    this.minZoom = minZoom;
    this.fields = fields;
  }

  /** The layer name in tiles and TileJSON. */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  public Set<CityObjectType> types() {
    return types;
  }

  /** The lowest zoom whose tiles hold this layer. */
  public int minZoom() {
    return minZoom;
  }

  public List<LayerField> fields() {
    return fields;
  }

  /** Whether features of this layer are areas (other geometry is left out of it). */
  boolean polygonal() {
    return this == BUILDINGS;
  }

  /** The properties of one object's feature, in {@link #fields()} order, absent values left out. */
  Map<String, Object> properties(StoredObject stored) {
    CityObject object = stored.object();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("gml_id", object.gmlId());
    if (this == ROADS) {
      putText(properties, "class", object.attributes().get("class"));
      putText(properties, "function", object.attributes().get("function"));
      putText(properties, "usage", object.attributes().get("usage"));
      return properties;
    }
    properties.put("type", object.type().id());
    properties.put("height", object.shape().heightMetres());
    properties.put("ground_height", object.shape().groundHeightMetres());
    putText(properties, "usage", object.attributes().get("usage"));
    if (object.attributes().get("storeysAboveGround") instanceof AttributeValue.Number storeys) {
      properties.put("storeys", (long) storeys.value());
    }
    for (FixedAttribute risk : RISKS) {
      if (risk.valueOf(object, stored.datasetSourceName())
          instanceof Literal.NumberLiteral number) {
        properties.put(risk.attributeName(), number.value());
      }
    }
    return properties;
  }

  private static void putText(Map<String, Object> properties, String name, AttributeValue value) {
    if (value != null) {
      properties.put(name, value.text());
    }
  }

  private static LayerField field(String name, LayerField.Kind kind, String description) {
    return new LayerField(name, kind, description);
  }
}
