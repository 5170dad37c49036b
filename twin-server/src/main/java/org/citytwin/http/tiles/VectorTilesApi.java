package org.citytwin.http.tiles;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.citytwin.http.HttpProblem;
import org.citytwin.http.Links;
import org.citytwin.model.CityObjectType;
import org.citytwin.query.Filter;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import org.citytwin.vectortiles.TileCoordinate;
import org.citytwin.vectortiles.TileJson;
import org.citytwin.vectortiles.VectorLayer;
import org.citytwin.vectortiles.VectorTileEncoder;

/**
 * The store as Mapbox Vector Tiles in WebMercatorQuad. {@code /tiles/vector/tilejson.json} (not
 * cached: it names the current version) points at {@code /tiles/vector/v{version}/{z}/{x}/{y}.mvt},
 * which never change and carry the same immutable headers and ETag as the 3D tiles; {@code
 * /tiles/vector/{z}/{x}/{y}.mvt} answers the current version's tile itself (no-cache, same ETag,
 * {@code Content-Location} naming the versioned URL) rather than redirecting there: QGIS 3.22's
 * vector tile layer, given that stable template as most users will, does not follow redirects and
 * drew an empty map. Tiles are made on first request and kept in a memory cache and on disk in
 * {@code vector-tiles-cache/} of the store directory.
 *
 * <p>A tile with no features is answered {@code 204 No Content}, with the same caching headers,
 * rather than 200 with an empty body: Mapbox GL (whence MapLibre) recommends 204 for tiles without
 * data, OGC API - Tiles uses it for empty tiles, and it tells "no data here" apart from an error.
 */
public final class VectorTilesApi {
  static final String ROOT = "/tiles/vector";
  static final String MVT = "application/vnd.mapbox-vector-tile";

  /** In-memory cache budget unless told otherwise (vector tiles are a few KB to a few 100 KB). */
  public static final long DEFAULT_CACHE_BYTES = 32L * 1024 * 1024;

  private static final Set<CityObjectType> TILED = tiledTypes();

  private final TwinStore store;
  private final VectorTileEncoder encoder;
  private final CachedTiles tiles;

  public VectorTilesApi(TwinStore store, long cacheBytes) {
    this.store = store;
    this.encoder = new VectorTileEncoder(store);
    // A folder of its own: each disk cache deletes every folder but its current one.
    this.tiles =
        new CachedTiles(
            new TileCache(cacheBytes),
            new TileDiskCache(store.directory().resolve("vector-tiles-cache")));
  }

  public static VectorTilesApi withDefaults(TwinStore store) {
    return new VectorTilesApi(store, DEFAULT_CACHE_BYTES);
  }

  public void addRoutes(JavalinConfig config) {
    config.routes.get(ROOT + "/tilejson.json", this::tileJson);
    config.routes.get(ROOT + "/{z}/{x}/{y}", this::current);
    config.routes.get(ROOT + "/{version}/{z}/{x}/{y}", this::versioned);
  }

  private void tileJson(Context ctx) throws StoreException {
    long version = store.version();
    String template = Links.origin(ctx) + ROOT + "/v" + version + "/{z}/{x}/{y}.mvt";
    ctx.header("Cache-Control", "no-cache");
    ctx.json(TileJson.document(template, store.extent(new Filter.TypeIn(TILED)), version));
  }

  private void current(Context ctx) throws StoreException, IOException {
    TileCoordinate tile = TilePath.parse(ctx);
    String versionText = "v" + store.version();
    ctx.header("Content-Location", ROOT + "/" + versionText + "/" + tile + ".mvt");
    String file = fileName(tile);
    if (!VersionedContent.notModifiedSinceRevalidated(ctx, etagName(versionText, file))) {
      send(ctx, tile, versionText, file);
    }
  }

  private void versioned(Context ctx) throws StoreException, IOException {
    TileCoordinate tile = TilePath.parse(ctx);
    String versionText = ctx.pathParam("version");
    long version = store.version();
    if (!versionText.equals("v" + version)) {
      throw HttpProblem.notFound(
          "vector tiles "
              + versionText
              + " are gone or never were; the store is at v"
              + version
              + ", see "
              + ROOT
              + "/tilejson.json");
    }
    String file = fileName(tile);
    if (!VersionedContent.notModified(ctx, etagName(versionText, file))) {
      send(ctx, tile, versionText, file);
    }
  }

  private void send(Context ctx, TileCoordinate tile, String versionText, String file)
      throws StoreException, IOException {
    String folder = versionText + "-mvt" + VectorTileEncoder.FORMAT_REVISION;
    byte[] body = tiles.get(folder, file, () -> encoder.encode(tile));
    if (body.length == 0) {
      ctx.status(HttpStatus.NO_CONTENT);
      return;
    }
    ctx.contentType(MVT).result(body);
  }

  private static String fileName(TileCoordinate tile) {
    return tile.zoom() + "-" + tile.x() + "-" + tile.y() + ".mvt";
  }

  private static String etagName(String versionText, String file) {
    return versionText + "-mvt-" + file;
  }

  private static Set<CityObjectType> tiledTypes() {
    EnumSet<CityObjectType> types = EnumSet.noneOf(CityObjectType.class);
    for (VectorLayer layer : VectorLayer.values()) {
      types.addAll(layer.types());
    }
    return Set.copyOf(types);
  }
}
