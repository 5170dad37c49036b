package org.citytwin.vectortiles;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.IUserDataConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerProps;
import io.github.sebasbaumh.mapbox.vectortile.util.MvtUtil;
import java.util.Map;
import java.util.Objects;
import org.citytwin.model.DerivedShape;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.citytwin.store.StoreException;
import org.citytwin.store.StoredObject;
import org.citytwin.store.TwinStore;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Encodes one WebMercatorQuad tile of the store as a Mapbox Vector Tile: for each {@link
 * VectorLayer} whose minimum zoom the tile has reached, one bounding-box query of the store
 * (attributes and footprints only, no meshes), each footprint projected to Web Mercator, simplified
 * below {@link #MAX_ZOOM}, clipped to the tile plus a {@link #BUFFER} and encoded in {@link
 * #EXTENT} units with the store's row id as feature id. Thread-safe; each call reads the store once
 * per layer.
 *
 * <p>Generalisation below {@link #MAX_ZOOM}: vertices closer than {@link #SIMPLIFY_UNITS} tile
 * units to the simplified outline are dropped (topology preserving, so polygons stay valid) and
 * areas under {@link #MIN_AREA_UNITS} square units (a quarter of a pixel on a 512-pixel tile) are
 * left out, as a map would not draw them. At {@link #MAX_ZOOM} nothing is simplified or left out
 * beyond the rounding to whole units every MVT makes.
 */
public final class VectorTileEncoder {
  /** Tile units per tile side, the MVT default. */
  public static final int EXTENT = MvtLayerParams.DEFAULT_EXTENT;

  /**
   * Units of geometry kept beyond each tile edge (1/64 of the tile), so that outlines and
   * extrusions meet without seams where a renderer draws neighbouring tiles.
   */
  public static final int BUFFER = 64;

  /** The deepest zoom served; clients overzoom its tiles (its units are 15 cm at the equator). */
  public static final int MAX_ZOOM = 16;

  /**
   * The encoding's revision: bumped whenever layers, properties or generalisation change, so that
   * tiles cached on disk by an older build are not served for the same store version.
   */
  public static final int FORMAT_REVISION = 1;

  /** Simplification tolerance below {@link #MAX_ZOOM}, in tile units (1/8 pixel at 512 px). */
  static final double SIMPLIFY_UNITS = 1.0;

  /** Smallest area drawn below {@link #MAX_ZOOM}, in square tile units. */
  static final double MIN_AREA_UNITS = 16.0;

  /** Smallest line drawn below {@link #MAX_ZOOM}, in tile units. */
  static final double MIN_LENGTH_UNITS = 4.0;

  private static final MvtLayerParams PARAMS = MvtLayerParams.DEFAULT;
  private static final GeometryFactory FACTORY = new GeometryFactory();

  /** A feature's id and properties, carried as JTS user data through the library's clipping. */
  private record FeatureData(long id, Map<String, Object> properties) {}

  private static final IUserDataConverter TAGS =
      (userData, layerProps, feature) -> {
        FeatureData data = (FeatureData) userData;
        feature.setId(data.id());
        data.properties()
            .forEach(
                (key, value) -> {
                  feature.addTags(layerProps.addKey(key));
                  feature.addTags(layerProps.addValue(value));
                });
      };

  private final TwinStore store;

  public VectorTileEncoder(TwinStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** The lowest zoom at which any layer has features. */
  public static int minZoom() {
    int min = MAX_ZOOM;
    for (VectorLayer layer : VectorLayer.values()) {
      min = Math.min(min, layer.minZoom());
    }
    return min;
  }

  /**
   * The tile as MVT bytes, or an empty array when no layer has a feature in it (outside the data,
   * or above every layer's minimum zoom).
   */
  public byte[] encode(TileCoordinate tile) throws StoreException {
    Objects.requireNonNull(tile, "tile");
    if (tile.zoom() > MAX_ZOOM) {
      throw new IllegalArgumentException(
          "zoom " + tile.zoom() + " is beyond the deepest vector tile zoom " + MAX_ZOOM);
    }
    VectorTile.Tile.Builder mvt = VectorTile.Tile.newBuilder();
    for (VectorLayer layer : VectorLayer.values()) {
      if (tile.zoom() >= layer.minZoom()) {
        VectorTile.Tile.Layer.Builder built = layer(layer, tile);
        if (built.getFeaturesCount() > 0) {
          mvt.addLayers(built.build());
        }
      }
    }
    return mvt.getLayersCount() == 0 ? new byte[0] : mvt.build().toByteArray();
  }

  private VectorTile.Tile.Layer.Builder layer(VectorLayer layer, TileCoordinate tile)
      throws StoreException {
    Envelope tileEnvelope = tile.mercatorEnvelope();
    double unit = tileEnvelope.getWidth() / EXTENT;
    Envelope clip = new Envelope(tileEnvelope);
    clip.expandBy(BUFFER * unit);
    Filter filter =
        Filter.and(
            new Filter.TypeIn(layer.types()),
            new Filter.BboxIntersects(
                Math.max(-180, WebMercator.lon(clip.getMinX())),
                WebMercator.lat(clip.getMinY()),
                Math.min(180, WebMercator.lon(clip.getMaxX())),
                WebMercator.lat(clip.getMaxY())));
    boolean generalise = tile.zoom() < MAX_ZOOM;
    VectorTile.Tile.Layer.Builder builder = MvtUtil.newLayerBuilder(layer.id(), PARAMS);
    MvtLayerProps props = new MvtLayerProps();
    store.query(
        Query.of(filter),
        stored -> {
          Geometry geometry = tileGeometry(layer, stored, tileEnvelope, clip, generalise);
          if (geometry != null) {
            geometry.setUserData(new FeatureData(stored.storeId(), layer.properties(stored)));
            JtsAdapter.addFeatures(builder, geometry, props, TAGS);
          }
        });
    MvtUtil.writeProps(builder, props);
    return builder;
  }

  /** The object's footprint in tile units, clipped and generalised; null when nothing is left. */
  private static Geometry tileGeometry(
      VectorLayer layer,
      StoredObject stored,
      Envelope tileEnvelope,
      Envelope clip,
      boolean generalise) {
    DerivedShape shape = stored.object().shape();
    if (shape == null || shape.footprint().isEmpty()) {
      return null;
    }
    Geometry projected = WebMercator.project(shape.footprint());
    if (generalise) {
      double unit = tileEnvelope.getWidth() / EXTENT;
      projected = TopologyPreservingSimplifier.simplify(projected, SIMPLIFY_UNITS * unit);
    }
    if (!projected.isValid()) {
      // A self-touching or overlapping footprint would make the clipping throw; repair keeps
      // its area, which is what a map draws.
      projected = GeometryFixer.fix(projected);
    }
    Geometry clipped =
        JtsAdapter.createTileGeom(projected, tileEnvelope, clip, FACTORY, PARAMS, null);
    if (layer.polygonal()) {
      clipped = FACTORY.buildGeometry(PolygonExtracter.getPolygons(clipped));
    }
    if (clipped.isEmpty()) {
      return null;
    }
    return largeEnough(clipped, generalise) ? clipped : null;
  }

  private static boolean largeEnough(Geometry units, boolean generalise) {
    if (units.getDimension() == 2) {
      // Rounded to whole units, a sliver can have no area left; MVT cannot encode it.
      return units.getArea() >= (generalise ? MIN_AREA_UNITS : 1.0);
    }
    if (units.getDimension() == 1) {
      return !generalise || units.getLength() >= MIN_LENGTH_UNITS;
    }
    return true;
  }
}
