package org.citytwin.http.tiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
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
 * The buildings, and the relief (TIN) when the store has some, as 3D Tiles 1.1, one tileset per
 * layer ({@code buildings}, {@code relief}). {@code /tiles/3d/v{version}/{layer}/tileset.json} is
 * the tileset of one store version, whose relative content URIs name {@code t{quadrants}.glb}
 * beside it; the stable {@code /tiles/3d/{layer}/tileset.json} (not cached) is the current
 * version's, naming the same tiles as {@code ../v{version}/{layer}/t{quadrants}.glb}. Versioned
 * responses never change, so they carry a strong ETag and {@code Cache-Control: public,
 * max-age=31536000, immutable}; a version other than the current one is 404, since its tiles can no
 * longer be made. A layer the store has nothing of is 404 too.
 */
public final class TilesApi {
  static final String ROOT = "/tiles/3d";
  static final String GLB = "model/gltf-binary";
  static final String IMMUTABLE = VersionedContent.IMMUTABLE;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** In-memory cache budget unless told otherwise. */
  public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;

  private final TwinStore store;
  private final TileCache cache;
  private final List<Layer> layers;

  public TilesApi(TwinStore store, TilesetBuilder.Options options, long cacheBytes) {
    this.store = store;
    this.cache = new TileCache(cacheBytes);
    // Each layer has a disk cache folder of its own, since a disk cache prunes every folder of its
    // root but the current one.
    this.layers =
        List.of(
            new Layer("buildings", new TilesetBuilder(store, options), "tiles-cache"),
            new Layer(
                "relief", TilesetBuilder.relief(store, options.geoid()), "tiles-cache-relief"));
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
    for (Layer layer : layers) {
      config.routes.get(ROOT + "/" + layer.name + "/tileset.json", layer::current);
      config.routes.get(ROOT + "/{version}/" + layer.name + "/{file}", layer::versioned);
    }
  }

  /** One tileset: its URL name, builder, disk cache and the layout of the current version. */
  private final class Layer {
    private final String name;
    private final TilesetBuilder builder;
    private final CachedTiles tiles;
    private volatile TilesetLayout layout;
    // The store version last found to hold nothing of this layer, so that asking again (a viewer
    // polling for relief that is not there) does not scan the store again.
    private volatile long emptyAt = -1;

    Layer(String name, TilesetBuilder builder, String diskCache) {
      this.name = name;
      this.builder = builder;
      this.tiles = new CachedTiles(cache, new TileDiskCache(store.directory().resolve(diskCache)));
    }

    /**
     * The current version's tileset at the stable URL, answered directly rather than redirected:
     * CesiumJS resolves content URIs against the URL it was given, not the one it was redirected
     * to, so this copy names its tiles {@code ../v{version}/{layer}/t....glb}. Never cached, so a
     * reload after an import sees the new version.
     */
    void current(Context ctx) throws StoreException, IOException {
      TilesetLayout current = currentLayout();
      String version = "v" + current.storeVersion();
      String key = name + "/" + version + "/current-tileset";
      byte[] tileset = cache.get(key);
      if (tileset == null) {
        tileset =
            JSON.writeValueAsBytes(
                builder.tilesetJson(current, "../" + version + "/" + name + "/"));
        cache.put(key, tileset);
      }
      ctx.header("Cache-Control", "no-cache").contentType("application/json").result(tileset);
    }

    void versioned(Context ctx) throws StoreException, IOException {
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
                + "/"
                + name
                + "/tileset.json");
      }
      // Buildings keep their ETags of before there were layers; other layers name themselves.
      String etagName = name.equals("buildings") ? versionText : versionText + "-" + name;
      if (file.equals("tileset.json")) {
        if (!VersionedContent.notModified(ctx, etagName + "-" + file)) {
          ctx.contentType("application/json").result(tilesetBody(current));
        }
        return;
      }
      TileId tile = contentTile(current, file);
      boolean gzip = GlbResponse.acceptsGzip(ctx);
      // The gzip variant is another representation, so it has an ETag of its own.
      if (VersionedContent.notModified(ctx, etagName + "-" + file + (gzip ? "-gzip" : ""))) {
        return;
      }
      String folder = diskFolder(current);
      String glb = tile.name() + ".glb";
      CachedTiles.Maker maker = () -> builder.glb(current, tile);
      GlbResponse.send(
          ctx, gzip ? tiles.getGzipped(folder, glb, maker) : tiles.get(folder, glb, maker), gzip);
    }

    private byte[] tilesetBody(TilesetLayout current) throws IOException {
      String key = name + "/v" + current.storeVersion() + "/tileset";
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
          + (options.coarsePerNode() > 0 ? "-coarse" + options.coarsePerNode() : "")
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
      if (emptyAt == version) {
        throw nothingToTile();
      }
      synchronized (this) {
        if (layout == null || layout.storeVersion() != version) {
          Optional<TilesetLayout> scanned = builder.layout();
          if (scanned.isEmpty()) {
            emptyAt = version;
            throw nothingToTile();
          }
          layout = scanned.get();
        }
        return layout;
      }
    }

    private HttpProblem nothingToTile() {
      return HttpProblem.notFound("the store holds no " + builder.describeTypes() + " to tile");
    }
  }

  private static TileId contentTile(TilesetLayout layout, String file) {
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
    if (node == null || !node.hasContent()) {
      throw HttpProblem.notFound("tile " + id + " has no content in this tileset");
    }
    return id;
  }
}
