package org.citytwin.tiles;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.DerivedShape;
import org.citytwin.model.Envelope3D;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;

/**
 * The quadtree of a store's buildings: the root covers the lon/lat extent of every building's
 * {@link TileAnchor}, and a node is split into quadrants while it holds more than {@code
 * maxPerLeaf} buildings. Empty quadrants are left out. Before a node is split, its {@code
 * coarsePerNode} largest buildings (footprint area times height) are kept in the node itself as its
 * coarse content, so a far view shows the city's landmarks before any leaf loads; the rest go down
 * to the quadrant their anchor falls in. Each building therefore belongs to exactly one tile: the
 * inner node that kept it, or else the leaf its anchor falls in. Computed from attributes and
 * footprints only (no meshes), keeping ten doubles and the gml:id per building while scanning.
 *
 * @param storeVersion the store version the layout was computed from
 * @param root the root's lon/lat rectangle
 * @param nodes every node by id, parents before children
 */
public record TilesetLayout(long storeVersion, LonLatBounds root, Map<TileId, Node> nodes) {
  /** The object types tiled as buildings. */
  public static final Set<CityObjectType> TYPES =
      Set.of(CityObjectType.BUILDING, CityObjectType.BUILDING_PART);

  /**
   * Fields kept per building while laying out: anchor lon, lat, the envelope, the coarse-content
   * score (footprint area times height) and the building's size (see {@link #sizeMetres}).
   */
  private static final int STRIDE = 10;

  private static final int SCORE = 8;
  private static final int SIZE = 9;

  /** Metres per degree of latitude (mean), for building sizes; a size only ranks and bounds. */
  private static final double METRES_PER_DEGREE = 111_195;

  /**
   * One quadtree node.
   *
   * @param content the lon/lat/orthometric-height box around every vertex of its buildings
   * @param buildingCount how many buildings it holds, with its descendants
   * @param children its child nodes, empty for a leaf
   * @param coarseIds the gml:ids of the buildings an inner node shows itself, largest first; empty
   *     for a leaf (which shows every building it holds) and for an inner node without content
   * @param detailMetres for an inner node, the size of the largest building it leaves to its
   *     descendants: what a viewer misses by drawing this node and not its children; 0 for a leaf
   */
  public record Node(
      TileId id,
      LonLatBounds bounds,
      Envelope3D content,
      int buildingCount,
      List<TileId> children,
      List<String> coarseIds,
      double detailMetres) {
    public Node {
      children = List.copyOf(children);
      coarseIds = List.copyOf(coarseIds);
      if (children.isEmpty() && !coarseIds.isEmpty()) {
        throw new IllegalArgumentException("leaf " + id + " cannot keep coarse buildings");
      }
    }

    public boolean isLeaf() {
      return children.isEmpty();
    }

    /** Whether the tile has a GLB: every leaf, and an inner node that keeps coarse buildings. */
    public boolean hasContent() {
      return isLeaf() || !coarseIds.isEmpty();
    }
  }

  public TilesetLayout {
    nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
  }

  /** Lays out the store's buildings; empty when it has none. */
  public static Optional<TilesetLayout> scan(TwinStore store, int maxPerLeaf, int coarsePerNode)
      throws StoreException {
    return scan(store, TYPES, maxPerLeaf, coarsePerNode);
  }

  /**
   * Lays out the store's objects of {@code types} (for example {@link CityObjectType#RELIEF}), each
   * counted as one "building" below; empty when it has none. {@code coarsePerNode} 0 leaves inner
   * nodes without content.
   */
  public static Optional<TilesetLayout> scan(
      TwinStore store, Set<CityObjectType> types, int maxPerLeaf, int coarsePerNode)
      throws StoreException {
    if (maxPerLeaf < 1) {
      throw new IllegalArgumentException("buildings per leaf must be >= 1, was " + maxPerLeaf);
    }
    if (coarsePerNode < 0 || (coarsePerNode > 0 && coarsePerNode >= maxPerLeaf)) {
      throw new IllegalArgumentException(
          "coarse buildings per node must be 0, or 1.."
              + (maxPerLeaf - 1)
              + " (below the buildings per leaf), was "
              + coarsePerNode);
    }
    long version = store.version();
    DoubleArrayList rows = new DoubleArrayList();
    List<String> ids = new ArrayList<>();
    store.query(
        Query.of(new Filter.TypeIn(types)),
        stored -> {
          DerivedShape shape = stored.object().shape();
          if (shape != null) {
            TileAnchor anchor = TileAnchor.of(stored.object());
            Envelope3D e = shape.envelope();
            rows.addElements(
                rows.size(),
                new double[] {
                  anchor.lon(),
                  anchor.lat(),
                  e.minLon(),
                  e.minLat(),
                  e.minHeight(),
                  e.maxLon(),
                  e.maxLat(),
                  e.maxHeight(),
                  score(shape),
                  sizeMetres(e)
                });
            ids.add(stored.object().gmlId());
          }
        });
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    double[] data = rows.toDoubleArray();
    String[] gmlIds = ids.toArray(String[]::new);
    int count = data.length / STRIDE;
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    int[] members = new int[count];
    for (int i = 0; i < count; i++) {
      members[i] = i;
      box[0] = Math.min(box[0], data[i * STRIDE]);
      box[1] = Math.min(box[1], data[i * STRIDE + 1]);
      box[2] = Math.max(box[2], data[i * STRIDE]);
      box[3] = Math.max(box[3], data[i * STRIDE + 1]);
    }
    LonLatBounds root = new LonLatBounds(box[0], box[1], box[2], box[3]);
    Map<TileId, Node> nodes = new LinkedHashMap<>();
    new Splitter(data, gmlIds, maxPerLeaf, coarsePerNode, nodes)
        .split(TileId.root(), root, members);
    return Optional.of(new TilesetLayout(version, root, nodes));
  }

  /**
   * The coarse-content score: footprint area times height, a building's volume for LOD1 blocks, so
   * the buildings that dominate a far view (large, tall or both) come first.
   */
  private static double score(DerivedShape shape) {
    double score = shape.footprintAreaSquareMetres() * Math.max(0, shape.heightMetres());
    return Double.isFinite(score) ? score : 0;
  }

  /**
   * A building's size: the larger of its height and the ground diagonal of its box, the most it can
   * change a view by being left out (the geometric error it stands for).
   */
  static double sizeMetres(Envelope3D e) {
    double cosLat = Math.cos(Math.toRadians((e.minLat() + e.maxLat()) / 2));
    double eastWest = (e.maxLon() - e.minLon()) * METRES_PER_DEGREE * cosLat;
    double southNorth = (e.maxLat() - e.minLat()) * METRES_PER_DEGREE;
    return Math.max(e.maxHeight() - e.minHeight(), Math.hypot(eastWest, southNorth));
  }

  /** The recursive split of {@link #scan}, over the rows it read. */
  private record Splitter(
      double[] data, String[] gmlIds, int maxPerLeaf, int coarsePerNode, Map<TileId, Node> nodes) {

    Node split(TileId id, LonLatBounds bounds, int[] members) {
      Envelope3D content = envelope(members, data);
      Node placeholder = new Node(id, bounds, content, members.length, List.of(), List.of(), 0);
      nodes.put(id, placeholder);
      if (members.length <= maxPerLeaf || id.level() == TileId.MAX_LEVEL) {
        return placeholder;
      }
      int[] byScore = largestFirst(members);
      int kept = Math.min(coarsePerNode, members.length - 1);
      List<String> coarse = new ArrayList<>(kept);
      for (int i = 0; i < kept; i++) {
        coarse.add(gmlIds[byScore[i]]);
      }
      int[] rest = Arrays.copyOfRange(byScore, kept, byScore.length);
      double detail = 0;
      for (int member : rest) {
        detail = Math.max(detail, data[member * STRIDE + SIZE]);
      }
      List<TileId> children = splitIntoQuadrants(id, bounds, rest);
      Node node = new Node(id, bounds, content, members.length, children, coarse, detail);
      nodes.put(id, node);
      return node;
    }

    private List<TileId> splitIntoQuadrants(TileId id, LonLatBounds bounds, int[] members) {
      int[][] quadrants = new int[4][];
      int[] sizes = new int[4];
      for (int quadrant = 0; quadrant < 4; quadrant++) {
        quadrants[quadrant] = new int[members.length];
      }
      // Ascending member order within each quadrant, as the scan read them.
      int[] ordered = members.clone();
      Arrays.sort(ordered);
      for (int member : ordered) {
        int q = bounds.quadrantOf(data[member * STRIDE], data[member * STRIDE + 1]);
        quadrants[q][sizes[q]++] = member;
      }
      List<TileId> children = new ArrayList<>();
      for (int quadrant = 0; quadrant < 4; quadrant++) {
        if (sizes[quadrant] > 0) {
          int[] subset = Arrays.copyOf(quadrants[quadrant], sizes[quadrant]);
          children.add(split(id.child(quadrant), bounds.quadrant(quadrant), subset).id());
        }
      }
      return children;
    }

    /**
     * The members by descending score; equal scores by gml:id, so the choice does not depend on the
     * order the store returned rows in (a restarted server must pick the same buildings as the GLBs
     * it cached on disk).
     */
    private int[] largestFirst(int[] members) {
      if (coarsePerNode == 0) {
        return members;
      }
      Integer[] boxed = Arrays.stream(members).boxed().toArray(Integer[]::new);
      Arrays.sort(
          boxed,
          Comparator.<Integer>comparingDouble(m -> -data[m * STRIDE + SCORE])
              .thenComparing(m -> gmlIds[m]));
      return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }
  }

  private static Envelope3D envelope(int[] members, double[] data) {
    double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int member : members) {
      int at = member * STRIDE + 2;
      for (int axis = 0; axis < 3; axis++) {
        min[axis] = Math.min(min[axis], data[at + axis]);
        max[axis] = Math.max(max[axis], data[at + 3 + axis]);
      }
    }
    return Envelope3D.of(min[0], min[1], min[2], max[0], max[1], max[2]);
  }

  public Node node(TileId id) {
    Node node = nodes.get(id);
    if (node == null) {
      throw new IllegalArgumentException("tile " + id + " is not in the tileset");
    }
    return node;
  }

  public List<Node> leaves() {
    return nodes.values().stream().filter(Node::isLeaf).toList();
  }

  /** The tiles with a GLB: leaves and inner nodes with coarse buildings, parents first. */
  public List<Node> contentTiles() {
    return nodes.values().stream().filter(Node::hasContent).toList();
  }

  /**
   * The gml:ids kept by the ancestors of {@code tile}: the only buildings anchored in it that it
   * must leave out.
   */
  public Set<String> keptAbove(TileId tile) {
    Set<String> ids = new HashSet<>();
    for (int level = 0; level < tile.level(); level++) {
      ids.addAll(node(new TileId(tile.path().substring(0, level))).coarseIds());
    }
    return ids;
  }
}
