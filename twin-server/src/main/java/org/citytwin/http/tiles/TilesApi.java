package org.citytwin.http.tiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.citytwin.http.HttpProblem;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import org.citytwin.tiles.GeoidModel;
import org.citytwin.tiles.GlbWriter;
import org.citytwin.tiles.TileId;
import org.citytwin.tiles.TilesetBuilder;
import org.citytwin.tiles.TilesetLayout;

/**
 * The buildings as 3D Tiles 1.1. {@code /tiles/3d/v{version}/buildings/tileset.json} is the tileset
 * of one store version, whose relative content URIs name {@code t{quadrants}.glb} beside it; the
 * stable {@code /tiles/3d/buildings/tileset.json} (not cached) is the current version's, naming the
 * same tiles as {@code ../v{version}/buildings/t{quadrants}.glb}. Versioned responses never change,
 * so they carry a strong ETag and {@code Cache-Control: public, max-age=31536000, immutable}; a
 * version other than the current one is 404, since its tiles can no longer be made.
 */
public final class TilesApi {
  static final String ROOT = "/tiles/3d";
  static final String GLB = "model/gltf-binary";
  static final String IMMUTABLE = VersionedContent.IMMUTABLE;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** In-memory cache budget unless told otherwise. */
  public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;

  private final TwinStore store;
  private final TilesetBuilder builder;
  private final TileCache cache;
  private final CachedTiles tiles;
  private volatile TilesetLayout layout;

  public TilesApi(TwinStore store, TilesetBuilder.Options options, long cacheBytes) {
    this.store = store;
    this.builder = new TilesetBuilder(store, options);
    this.cache = new TileCache(cacheBytes);
    this.tiles =
        new CachedTiles(cache, new TileDiskCache(store.directory().resolve("tiles-cache")));
  }

  /**
   * Tiles with the default leaf size, heights through EGM96 from Debian's proj-data (or a constant
   * 36.7 m, the geoid height around Osaka, when the grid is missing), and a 64 MiB cache.
   */
  public static TilesApi withDefaults(TwinStore store) {
    try {
      GeoidModel geoid = GeoidModel.egm96OrConstant(36.7);
      return new TilesApi(
          store,
          new TilesetBuilder.Options(TilesetBuilder.DEFAULT_MAX_PER_LEAF, geoid),
          DEFAULT_CACHE_BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the geoid grid: " + e.getMessage(), e);
    }
  }

  public void addRoutes(JavalinConfig config) {
    config.routes.get(ROOT + "/buildings/tileset.json", this::current);
    config.routes.get(ROOT + "/{version}/buildings/{file}", this::versioned);
  }

  /**
   * The current version's tileset at the stable URL, answered directly rather than redirected:
   * CesiumJS resolves content URIs against the URL it was given, not the one it was redirected to,
   * so this copy names its tiles {@code ../v{version}/buildings/t....glb}. Never cached, so a
   * reload after an import sees the new version.
   */
  private void current(Context ctx) throws StoreException, IOException {
    TilesetLayout current = currentLayout();
    String version = "v" + current.storeVersion();
    String key = version + "/current-tileset";
    byte[] tileset = cache.get(key);
    if (tileset == null) {
      tileset =
          JSON.writeValueAsBytes(builder.tilesetJson(current, "../" + version + "/buildings/"));
      cache.put(key, tileset);
    }
    ctx.header("Cache-Control", "no-cache").contentType("application/json").result(tileset);
  }

  private void versioned(Context ctx) throws StoreException, IOException {
    String versionText = ctx.pathParam("version");
    String file = ctx.pathParam("file");
    TilesetLayout current = currentLayout();
    if (!versionText.equals("v" + current.storeVersion())) {
      throw HttpProblem.notFound(
          "tiles "
              + versionText
              + " are gone or never were; the store is at v"
              + current.storeVersion()
              + ", see "
              + ROOT
              + "/buildings/tileset.json");
    }
    if (VersionedContent.notModified(ctx, versionText + "-" + file)) {
      return;
    }
    if (file.equals("tileset.json")) {
      ctx.contentType("application/json").result(body(versionText + "/tileset", current, null));
      return;
    }
    ctx.contentType(GLB).result(body(versionText + "/" + file, current, leaf(current, file)));
  }

  private static TileId leaf(TilesetLayout layout, String file) {
    if (!file.endsWith(".glb")) {
      throw HttpProblem.notFound("no tileset file " + file + "; tiles end in .glb");
    }
    TileId id;
    try {
      id = TileId.parse(file.substring(0, file.length() - 4));
    } catch (IllegalArgumentException e) {
      throw HttpProblem.notFound(e.getMessage());
    }
    TilesetLayout.Node node = layout.nodes().get(id);
    if (node == null || !node.isLeaf()) {
      throw HttpProblem.notFound("tile " + id + " has no content in this tileset");
    }
    return id;
  }

  private byte[] body(String key, TilesetLayout current, TileId leaf)
      throws StoreException, IOException {
    if (leaf != null) {
      return tiles.get(diskFolder(current), leaf.name() + ".glb", () -> builder.glb(current, leaf));
    }
    byte[] cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    byte[] tileset = JSON.writeValueAsBytes(builder.tilesetJson(current));
    cache.put(key, tileset);
    return tileset;
  }

  /** The disk folder of a version and these options (the same version tiled differently). */
  private String diskFolder(TilesetLayout current) {
    TilesetBuilder.Options options = builder.options();
    String geoid = Integer.toHexString(options.geoid().description().hashCode());
    return "v"
        + current.storeVersion()
        + "-leaf"
        + options.maxPerLeaf()
        + "-geoid"
        + geoid
        + "-glb"
        + GlbWriter.FORMAT_REVISION;
  }

  /** The layout of the store's current version, laid out again when the version moved on. */
  private TilesetLayout currentLayout() throws StoreException {
    long version = store.version();
    TilesetLayout known = layout;
    if (known != null && known.storeVersion() == version) {
      return known;
    }
    synchronized (this) {
      if (layout == null || layout.storeVersion() != version) {
        Optional<TilesetLayout> scanned = builder.layout();
        if (scanned.isEmpty()) {
          throw HttpProblem.notFound("the store holds no buildings to tile");
        }
        layout = scanned.get();
      }
      return layout;
    }
  }
}
