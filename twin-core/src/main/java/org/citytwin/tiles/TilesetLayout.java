package org.citytwin.tiles;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Envelope3D;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;

/**
 * The quadtree of a store's buildings: the root covers the lon/lat extent of every building's
 * {@link TileAnchor}, and a node is split into quadrants while it holds more than {@code
 * maxPerLeaf} buildings. Each building belongs to exactly one leaf, the one its anchor falls in.
 * Empty quadrants are left out. Computed from attributes and footprints only (no meshes), keeping
 * ten doubles per building.
 *
 * @param storeVersion the store version the layout was computed from
 * @param root the root's lon/lat rectangle
 * @param nodes every node by id, parents before children
 */
public record TilesetLayout(long storeVersion, LonLatBounds root, Map<TileId, Node> nodes) {
  /** The object types tiled as buildings. */
  public static final Set<CityObjectType> TYPES =
      Set.of(CityObjectType.BUILDING, CityObjectType.BUILDING_PART);

  /** Fields kept per building while laying out: anchor lon, lat, then the envelope. */
  private static final int STRIDE = 8;

  /**
   * One quadtree node.
   *
   * @param content the lon/lat/orthometric-height box around every vertex of its buildings
   * @param buildingCount how many buildings it holds, with its descendants
   * @param children its child nodes, empty for a leaf
   */
  public record Node(
      TileId id,
      LonLatBounds bounds,
      Envelope3D content,
      int buildingCount,
      List<TileId> children) {
    public Node {
      children = List.copyOf(children);
    }

    public boolean isLeaf() {
      return children.isEmpty();
    }
  }

  public TilesetLayout {
    nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
  }

  /** Lays out the store's buildings; empty when it has none. */
  public static Optional<TilesetLayout> scan(TwinStore store, int maxPerLeaf)
      throws StoreException {
    return scan(store, TYPES, maxPerLeaf);
  }

  /**
   * Lays out the store's objects of {@code types} (for example {@link CityObjectType#RELIEF}), each
   * counted as one "building" below; empty when it has none.
   */
  public static Optional<TilesetLayout> scan(
      TwinStore store, Set<CityObjectType> types, int maxPerLeaf) throws StoreException {
    if (maxPerLeaf < 1) {
      throw new IllegalArgumentException("buildings per leaf must be >= 1, was " + maxPerLeaf);
    }
    long version = store.version();
    DoubleArrayList rows = new DoubleArrayList();
    store.query(
        Query.of(new Filter.TypeIn(types)),
        stored -> {
          if (stored.object().shape() != null) {
            TileAnchor anchor = TileAnchor.of(stored.object());
            Envelope3D e = stored.object().shape().envelope();
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
                  e.maxHeight()
                });
          }
        });
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    double[] data = rows.toDoubleArray();
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
    split(TileId.root(), root, members, data, maxPerLeaf, nodes);
    return Optional.of(new TilesetLayout(version, root, nodes));
  }

  private static Node split(
      TileId id,
      LonLatBounds bounds,
      int[] members,
      double[] data,
      int maxPerLeaf,
      Map<TileId, Node> nodes) {
    Node placeholder = new Node(id, bounds, envelope(members, data), members.length, List.of());
    nodes.put(id, placeholder);
    if (members.length <= maxPerLeaf || id.level() == TileId.MAX_LEVEL) {
      return placeholder;
    }
    int[][] quadrants = new int[4][];
    int[] sizes = new int[4];
    for (int quadrant = 0; quadrant < 4; quadrant++) {
      quadrants[quadrant] = new int[members.length];
    }
    for (int member : members) {
      int q = bounds.quadrantOf(data[member * STRIDE], data[member * STRIDE + 1]);
      quadrants[q][sizes[q]++] = member;
    }
    List<TileId> children = new ArrayList<>();
    for (int quadrant = 0; quadrant < 4; quadrant++) {
      if (sizes[quadrant] > 0) {
        int[] subset = Arrays.copyOf(quadrants[quadrant], sizes[quadrant]);
        children.add(
            split(id.child(quadrant), bounds.quadrant(quadrant), subset, data, maxPerLeaf, nodes)
                .id());
      }
    }
    Node node = new Node(id, bounds, placeholder.content(), members.length, children);
    nodes.put(id, node);
    return node;
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
}
