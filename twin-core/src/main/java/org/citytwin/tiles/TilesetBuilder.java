package org.citytwin.tiles;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.citytwin.model.CityObjectType;
import org.citytwin.query.Filter;
import org.citytwin.query.Literal;
import org.citytwin.query.Query;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;

/**
 * Builds a 3D Tiles 1.1 tileset of a store's buildings (or, made by {@link #relief}, of its relief
 * TINs): {@link #layout()} lays out the quadtree, {@link #tilesetJson} writes {@code tileset.json}
 * for it, and {@link #glb} makes one leaf's GLB, reading only that leaf's buildings from the store.
 * {@link #export} writes all of it as static files. Every tile refines by ADD: an inner node shows
 * the largest buildings of its area ({@link Options#coarsePerNode}), its descendants the rest, so
 * each building is drawn by exactly one tile and a far view of a large city shows its landmarks
 * before any leaf loads. An inner node's geometric error is the size of the largest building it
 * leaves to its descendants (what drawing it alone misses), or its diagonal when it has no content.
 * The relief tileset ({@link #relief}) differs: its inner nodes show resampled terrain that their
 * children REPLACE, with the measured deviation as geometric error ({@link ReliefLevels}).
 */
public final class TilesetBuilder {
  /**
   * Buildings per leaf unless told otherwise. 500 rather than 1000: on 102,900 LOD1 buildings, 591
   * tiles of about 147 KB instead of 368 of about 237 KB (cached and sent whole per request, parsed
   * whole by a viewer, which can also skip more of what is out of view), at 843 instead of 848 GLB
   * bytes per building (smaller tiles fit 16-bit positions more often: with 1000, 354 of the 368
   * were wider than the 655 m those allow) and the same build time.
   */
  public static final int DEFAULT_MAX_PER_LEAF = 500;

  /**
   * @param maxPerLeaf the most buildings a leaf holds (more only where anchors coincide)
   * @param geoid the geoid turning stored orthometric heights into ellipsoidal ones
   * @param coarsePerNode how many of its largest buildings (footprint area times height) an inner
   *     node shows itself; 0 leaves inner nodes without content, else below {@code maxPerLeaf}
   */
  public record Options(int maxPerLeaf, GeoidModel geoid, int coarsePerNode) {
    public Options {
      if (maxPerLeaf < 1 || maxPerLeaf > 65_000) {
        throw new IllegalArgumentException(
            "buildings per leaf must be in 1..65000, was " + maxPerLeaf);
      }
      Objects.requireNonNull(geoid, "geoid model");
      if (coarsePerNode < 0 || (coarsePerNode > 0 && coarsePerNode >= maxPerLeaf)) {
        throw new IllegalArgumentException(
            "coarse buildings per node must be 0 or below the buildings per leaf ("
                + maxPerLeaf
                + "), was "
                + coarsePerNode);
      }
    }

    /**
     * Options with the default coarse content: a tenth of a leaf per inner node (50 for the default
     * leaf of 500), which keeps a tenth or less of the buildings above the leaves.
     */
    public Options(int maxPerLeaf, GeoidModel geoid) {
      this(maxPerLeaf, geoid, maxPerLeaf / 10);
    }
  }

  /** What an export wrote. */
  public record ExportSummary(int tiles, int buildings, long glbBytes, int degenerateTriangles) {
    ExportSummary plus(ExportSummary other) {
      return new ExportSummary(
          tiles + other.tiles,
          buildings + other.buildings,
          glbBytes + other.glbBytes,
          degenerateTriangles + other.degenerateTriangles);
    }
  }

  /** The object types of the relief tileset. */
  public static final Set<CityObjectType> RELIEF_TYPES = Set.of(CityObjectType.RELIEF);

  private final TwinStore store;
  private final Options options;
  private final Set<CityObjectType> types;
  // Relief: inner nodes show the TINs below them resampled (ReliefLevels), and children replace
  // them; leaves show every TIN they hold, as nothing is kept above.
  private final boolean coarseRelief;

  /** A builder of the buildings tileset ({@link TilesetLayout#TYPES}). */
  public TilesetBuilder(TwinStore store, Options options) {
    this(store, options, TilesetLayout.TYPES);
  }

  /**
   * A builder of a tileset of the objects of {@code types}, each tiled like a building: its finest
   * mesh (LOD2, else LOD1, else the highest), one feature per object.
   */
  public TilesetBuilder(TwinStore store, Options options, Set<CityObjectType> types) {
    this(store, options, types, false);
  }

  private TilesetBuilder(
      TwinStore store, Options options, Set<CityObjectType> types, boolean coarseRelief) {
    this.coarseRelief = coarseRelief;
    this.store = Objects.requireNonNull(store, "store");
    this.options = Objects.requireNonNull(options, "options");
    this.types = Set.copyOf(types);
    if (this.types.isEmpty()) {
      throw new IllegalArgumentException("a tileset needs at least one object type");
    }
  }

  /**
   * The relief tileset: one leaf per relief object (a TIN sheet is already a tile-sized piece of
   * terrain, typically a few thousand triangles), heights through {@code geoid}; each inner node
   * shows the TINs below it resampled on a coarser grid, with the measured deviation from them as
   * its geometric error, and its children replace it (see {@link ReliefLevels}).
   */
  public static TilesetBuilder relief(TwinStore store, GeoidModel geoid) {
    return new TilesetBuilder(store, new Options(1, geoid, 0), RELIEF_TYPES, true);
  }

  public Set<CityObjectType> types() {
    return types;
  }

  public Options options() {
    return options;
  }

  /** The quadtree of the store as it is now; empty when it holds no objects of the types. */
  public Optional<TilesetLayout> layout() throws StoreException {
    Optional<TilesetLayout> layout =
        TilesetLayout.scan(store, types, options.maxPerLeaf(), options.coarsePerNode());
    if (coarseRelief && layout.isPresent()) {
      return Optional.of(ReliefLevels.withCoarseLevels(store, layout.get(), types));
    }
    return layout;
  }

  /** The tileset JSON; leaf content URIs are the tile names plus {@code .glb}, relative. */
  public ObjectNode tilesetJson(TilesetLayout layout) {
    return tilesetJson(layout, "");
  }

  /**
   * The tileset JSON with {@code contentPrefix} before each leaf's content URI, for a copy served
   * from another path than its tiles (for example {@code ../v7/buildings/}).
   */
  public ObjectNode tilesetJson(TilesetLayout layout, String contentPrefix) {
    ObjectNode tileset = GlbWriter.JSON.createObjectNode();
    tileset
        .putObject("asset")
        .put("version", "1.1")
        .put("tilesetVersion", "store-" + layout.storeVersion())
        .put("generator", "citytwin tiles; heights: " + options.geoid().description());
    ObjectNode root = tile(layout, TileId.root(), contentPrefix, null);
    // What not drawing the tileset at all would cost: its extent, even when the root is a leaf
    // (error 0). CesiumJS draws nothing of a tileset whose own geometric error is 0.
    TileRegion extent = TileRegion.of(layout.node(TileId.root()).content(), options.geoid());
    double rootError = root.get("geometricError").asDouble();
    tileset.put("geometricError", Math.max(diagonalError(extent), rootError));
    if (!root.has("refine")) {
      root.put("refine", "ADD");
    }
    tileset.set("root", root);
    return tileset;
  }

  /**
   * One tile and its subtree. A tile with content carries the transform of its ENU frame; since 3D
   * Tiles multiplies a tile's transform onto its parent's, it is written relative to {@code
   * parentFrame}, the ECEF transform its nearest ancestor with one set up (null when none did).
   */
  private ObjectNode tile(
      TilesetLayout layout, TileId id, String contentPrefix, double[] parentFrame) {
    TilesetLayout.Node node = layout.node(id);
    TileRegion region = TileRegion.of(node.content(), options.geoid());
    ObjectNode tile = GlbWriter.JSON.createObjectNode();
    ArrayNode volume = tile.putObject("boundingVolume").putArray("region");
    for (double value : region.toArray()) {
      volume.add(value);
    }
    double[] frame = parentFrame;
    if (node.hasContent()) {
      frame = region.frame().transform();
      double[] relative = parentFrame == null ? frame : TileTransforms.relative(parentFrame, frame);
      ArrayNode transform = tile.putArray("transform");
      for (double value : relative) {
        transform.add(value);
      }
      tile.putObject("content").put("uri", contentPrefix + id.name() + ".glb");
      if (coarseRelief && !node.isLeaf()) {
        // A coarse surface under its children's full TINs would fight them for the same pixels.
        tile.put("refine", "REPLACE");
      }
    }
    if (node.isLeaf()) {
      tile.put("geometricError", 0.0);
      return tile;
    }
    ArrayNode children = tile.putArray("children");
    double childrenError = 0;
    for (TileId child : node.children()) {
      ObjectNode childTile = tile(layout, child, contentPrefix, frame);
      childrenError = Math.max(childrenError, childTile.get("geometricError").asDouble());
      children.add(childTile);
    }
    double error = node.coarseIds().isEmpty() ? diagonalError(region) : node.detailMetres();
    // A parent's error must exceed its children's, or a viewer could refine a child before it.
    tile.put("geometricError", Math.max(roundToCentimetre(error), childrenError + 0.01));
    return tile;
  }

  /** A region's diagonal in metres, to the centimetre. */
  private static double diagonalError(TileRegion region) {
    return roundToCentimetre(region.diagonalMetres());
  }

  private static double roundToCentimetre(double metres) {
    return Math.rint(metres * 100) / 100;
  }

  /**
   * The content of one tile: for a leaf, its buildings less those its ancestors keep, read from the
   * store by the leaf's bounds; for an inner node, the buildings it keeps, read by gml:id.
   */
  public TileContent content(TilesetLayout layout, TileId tile) throws StoreException {
    TilesetLayout.Node node = layout.node(tile);
    if (!node.hasContent()) {
      throw new IllegalArgumentException("tile " + tile + " has children and no content");
    }
    TileRegion region = TileRegion.of(node.content(), options.geoid());
    TileContentBuilder builder = new TileContentBuilder(region.frame(), options.geoid());
    if (!node.isLeaf() && coarseRelief) {
      return ReliefLevels.content(store, layout, tile, types, builder);
    }
    if (!node.isLeaf()) {
      List<Literal> ids = node.coarseIds().stream().map(Literal::of).toList();
      Filter filter = Filter.and(new Filter.TypeIn(types), new Filter.In("gml_id", ids));
      store.query(
          Query.of(filter).withGeometry(true),
          stored -> {
            if (stored.object().shape() != null) {
              builder.add(stored.object());
            }
          });
      return builder.build();
    }
    Set<String> keptAbove = coarseRelief ? Set.of() : layout.keptAbove(tile);
    store.query(
        Query.of(touching(types, node.bounds())).withGeometry(true),
        stored -> {
          if (stored.object().shape() != null && !keptAbove.contains(stored.object().gmlId())) {
            TileAnchor anchor = TileAnchor.of(stored.object());
            if (tile.contains(layout.root(), anchor.lon(), anchor.lat())) {
              builder.add(stored.object());
            }
          }
        });
    return builder.build();
  }

  public byte[] glb(TilesetLayout layout, TileId tile) throws StoreException {
    return GlbWriter.write(content(layout, tile));
  }

  /**
   * Writes {@code tileset.json} and one GLB per tile with content into {@code directory}, making
   * tiles on as many threads as there are processors.
   */
  public ExportSummary export(Path directory) throws StoreException, IOException {
    return export(directory, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Writes {@code tileset.json} and one GLB per tile with content into {@code directory}, {@code
   * threads} tiles at a time (each reads its own buildings from the store and holds only those in
   * memory).
   */
  public ExportSummary export(Path directory, int threads) throws StoreException, IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("export threads must be >= 1, was " + threads);
    }
    Files.createDirectories(directory);
    Optional<TilesetLayout> maybeLayout = layout();
    if (maybeLayout.isEmpty()) {
      throw new IllegalStateException(
          "store " + store.directory() + " holds no " + describeTypes() + " to tile");
    }
    TilesetLayout layout = maybeLayout.get();
    ExecutorService pool = Executors.newFixedThreadPool(threads, TilesetBuilder::exportThread);
    try {
      List<Future<ExportSummary>> leaves = new ArrayList<>();
      for (TilesetLayout.Node leaf : layout.contentTiles()) {
        leaves.add(pool.submit(() -> exportLeaf(layout, leaf.id(), directory)));
      }
      ExportSummary total = new ExportSummary(0, 0, 0, 0);
      for (Future<ExportSummary> leaf : leaves) {
        total = total.plus(await(leaf));
      }
      GlbWriter.JSON
          .writerWithDefaultPrettyPrinter()
          .writeValue(directory.resolve("tileset.json").toFile(), tilesetJson(layout));
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The types in words, for messages: "buildings" or "relief". */
  public String describeTypes() {
    if (types.equals(TilesetLayout.TYPES)) {
      return "buildings";
    }
    if (types.equals(RELIEF_TYPES)) {
      return "relief";
    }
    return types.stream().map(CityObjectType::name).sorted().toList().toString();
  }

  private ExportSummary exportLeaf(TilesetLayout layout, TileId leaf, Path directory)
      throws StoreException, IOException {
    TileContent content = content(layout, leaf);
    byte[] glb = GlbWriter.write(content);
    Files.write(directory.resolve(leaf.name() + ".glb"), glb);
    // A coarse relief tile repeats the TINs its leaves show: count each object once, in its leaf.
    int objects = coarseRelief && !layout.node(leaf).isLeaf() ? 0 : content.features().size();
    return new ExportSummary(1, objects, glb.length, content.degenerateTriangles());
  }

  /** The leaf's summary, or the store or file failure that stopped it, as thrown. */
  private static ExportSummary await(Future<ExportSummary> leaf)
      throws StoreException, IOException {
    try {
      return leaf.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("tileset export interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof StoreException store) {
        throw store;
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("tileset export failed: " + cause, cause);
    }
  }

  private static Thread exportThread(Runnable task) {
    Thread thread = new Thread(task, "tileset-export");
    thread.setDaemon(true);
    return thread;
  }

  /** Objects of {@code types} whose box touches {@code bounds}: what a tile is built from. */
  static Filter touching(Set<CityObjectType> types, LonLatBounds bounds) {
    return Filter.and(
        new Filter.TypeIn(types),
        new Filter.BboxIntersects(
            bounds.minLon(), bounds.minLat(), bounds.maxLon(), bounds.maxLat()));
  }
}
