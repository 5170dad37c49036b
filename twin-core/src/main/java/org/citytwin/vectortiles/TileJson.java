package org.citytwin.vectortiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.citytwin.model.Envelope3D;

/**
 * The TileJSON 3.0.0 document of the vector tiles: URL template, zoom range, bounds and centre of
 * the data, and each layer with its fields, so that MapLibre and QGIS can be pointed at one URL.
 *
 * @see <a href="https://github.com/mapbox/tilejson-spec/tree/master/3.0.0">TileJSON 3.0.0</a>
 */
public final class TileJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The zoom a viewer opens at, where buildings are a few pixels wide. */
  static final int CENTRE_ZOOM = 15;

  private TileJson() {}

  /**
   * @param tilesUrl the absolute URL template with {@code {z}}, {@code {x}} and {@code {y}}
   * @param extent the box around the tiled objects; the whole WebMercatorQuad world when empty
   * @param storeVersion the store version the tiles are of, the patch part of {@code version}
   */
  public static ObjectNode document(
      String tilesUrl, Optional<Envelope3D> extent, long storeVersion) {
    Objects.requireNonNull(tilesUrl, "tiles URL");
    ObjectNode json = JSON.createObjectNode();
    json.put("tilejson", "3.0.0");
    json.put("name", "citytwin");
    json.put(
        "description",
        "Buildings (footprints with height, usage, storeys and flood risk) and roads of the city"
            + " twin's store");
    json.put("version", "1." + VectorTileEncoder.FORMAT_REVISION + "." + storeVersion);
    json.put("scheme", "xyz");
    json.putArray("tiles").add(tilesUrl);
    json.put("minzoom", VectorTileEncoder.minZoom());
    json.put("maxzoom", VectorTileEncoder.MAX_ZOOM);
    double west = extent.map(Envelope3D::minLon).orElse(-180.0);
    double south = extent.map(Envelope3D::minLat).orElse(-WebMercator.MAX_LATITUDE);
    double east = extent.map(Envelope3D::maxLon).orElse(180.0);
    double north = extent.map(Envelope3D::maxLat).orElse(WebMercator.MAX_LATITUDE);
    json.putArray("bounds").add(west).add(south).add(east).add(north);
    json.putArray("center").add((west + east) / 2).add((south + north) / 2).add(CENTRE_ZOOM);
    ArrayNode layers = json.putArray("vector_layers");
    for (VectorLayer layer : VectorLayer.values()) {
      ObjectNode entry = layers.addObject();
      entry.put("id", layer.id());
      entry.put("description", layer.description());
      entry.put("minzoom", layer.minZoom());
      entry.put("maxzoom", VectorTileEncoder.MAX_ZOOM);
      ObjectNode fields = entry.putObject("fields");
      layer.fields().forEach(field -> fields.put(field.name(), field.kind().tileJsonName()));
    }
    return json;
  }
}
