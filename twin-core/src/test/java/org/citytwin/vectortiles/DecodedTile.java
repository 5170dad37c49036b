package org.citytwin.vectortiles;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * A tile decoded with the MVT library's reader: per layer, each feature's geometry (in tile units,
 * y down) and properties by gml_id; the feature id is in the properties as {@link #ID}.
 */
record DecodedTile(TileCoordinate tile, Map<String, Map<String, Feature>> layers) {
  static final String ID = "mvt_id";

  record Feature(Geometry units, Map<String, Object> properties) {
    /** The geometry back in Web Mercator metres. */
    Geometry mercator(TileCoordinate tile) {
      var envelope = tile.mercatorEnvelope();
      double unit = envelope.getWidth() / VectorTileEncoder.EXTENT;
      AffineTransformation toMetres =
          new AffineTransformation()
              .scale(unit, -unit)
              .translate(envelope.getMinX(), envelope.getMaxY());
      return toMetres.transform(units);
    }
  }

  static DecodedTile decode(TileCoordinate tile, byte[] mvt) throws IOException {
    JtsMvt decoded =
        MvtReader.loadMvt(
            new ByteArrayInputStream(mvt),
            new GeometryFactory(),
            new TagKeyValueMapConverter(false, ID),
            MvtReader.RING_CLASSIFIER_V2_1);
    Map<String, Map<String, Feature>> layers = new LinkedHashMap<>();
    for (JtsLayer layer : decoded.getLayers()) {
      Map<String, Feature> features = new LinkedHashMap<>();
      for (Geometry geometry : layer.getGeometries()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) geometry.getUserData();
        Feature previous =
            features.put((String) properties.get("gml_id"), new Feature(geometry, properties));
        if (previous != null) {
          throw new AssertionError(tile + " repeats " + properties.get("gml_id"));
        }
      }
      layers.put(layer.getName(), features);
    }
    return new DecodedTile(tile, layers);
  }

  Map<String, Feature> layer(String id) {
    return layers.getOrDefault(id, Map.of());
  }
}
