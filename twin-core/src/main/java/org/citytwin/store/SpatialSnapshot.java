package org.citytwin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import org.citytwin.model.CityObjectType;
import org.citytwin.query.Filter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.hprtree.HPRtree;

/**
 * The footprint boxes of every live object of one store version, held in memory in {@code gml_id}
 * order under a packed Hilbert R-tree (JTS {@link HPRtree}). It answers a bounding-box query in
 * tens of microseconds where H2's R-tree scan takes about a millisecond at 100,000 buildings, and
 * it knows which candidates need no exact test: a footprint whose box lies inside the query box
 * certainly intersects it.
 *
 * <p>An object is known by its position in {@code gml_id, id} order (its rank), so sorting ranks
 * gives the order every page is defined in. About 100 bytes per object; immutable once built.
 */
final class SpatialSnapshot {
  private static final String LOAD =
      "SELECT o.id, o.type, ST_XMin(o.footprint), ST_YMin(o.footprint), ST_XMax(o.footprint),"
          + " ST_YMax(o.footprint) FROM city_object o JOIN dataset d ON d.id = o.dataset_id"
          + " WHERE d.state = 'LIVE' AND o.footprint IS NOT NULL AND NOT ST_IsEmpty(o.footprint)"
          + " ORDER BY o.gml_id, o.id";

  private static final CityObjectType[] TYPES = CityObjectType.values();

  private final long version;
  private final long[] storeIds;
  private final byte[] typeOrdinals;
  private final double[] boxes;
  private final HPRtree tree;

  private SpatialSnapshot(long version, long[] storeIds, byte[] types, double[] boxes) {
    this.version = version;
    this.storeIds = storeIds;
    this.typeOrdinals = types;
    this.boxes = boxes;
    this.tree = new HPRtree();
    for (int rank = 0; rank < storeIds.length; rank++) {
      int at = rank * 4;
      tree.insert(new Envelope(boxes[at], boxes[at + 2], boxes[at + 1], boxes[at + 3]), rank);
    }
    tree.build();
  }

  /**
   * Reads the live objects with a footprint on {@code connection}, whose transaction must see the
   * state of store version {@code version}.
   */
  static SpatialSnapshot load(Connection connection, long version) throws SQLException {
    int capacity = 1024;
    long[] ids = new long[capacity];
    byte[] kinds = new byte[capacity];
    double[] bounds = new double[capacity * 4];
    int size = 0;
    try (PreparedStatement statement = connection.prepareStatement(LOAD);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        if (size == capacity) {
          capacity *= 2;
          ids = Arrays.copyOf(ids, capacity);
          kinds = Arrays.copyOf(kinds, capacity);
          bounds = Arrays.copyOf(bounds, capacity * 4);
        }
        ids[size] = rows.getLong(1);
        kinds[size] = (byte) CityObjectType.parse(rows.getString(2)).ordinal();
        for (int corner = 0; corner < 4; corner++) {
          bounds[size * 4 + corner] = rows.getDouble(3 + corner);
        }
        size++;
      }
    }
    return new SpatialSnapshot(
        version,
        Arrays.copyOf(ids, size),
        Arrays.copyOf(kinds, size),
        Arrays.copyOf(bounds, size * 4));
  }

  long version() {
    return version;
  }

  int size() {
    return storeIds.length;
  }

  long storeId(int rank) {
    return storeIds[rank];
  }

  /**
   * The objects of {@code types} (any type when null) whose footprint box meets the query box,
   * split into those certainly matching and those that need the exact footprint test; both in rank
   * order.
   */
  Candidates find(Filter.BboxIntersects box, Set<CityObjectType> types) {
    Envelope query = new Envelope(box.minLon(), box.maxLon(), box.minLat(), box.maxLat());
    IntList inside = new IntList();
    IntList edge = new IntList();
    tree.query(
        query,
        item -> {
          int rank = (Integer) item;
          if (types != null && !types.contains(TYPES[typeOrdinals[rank]])) {
            return;
          }
          int at = rank * 4;
          boolean contained =
              boxes[at] >= box.minLon()
                  && boxes[at + 1] >= box.minLat()
                  && boxes[at + 2] <= box.maxLon()
                  && boxes[at + 3] <= box.maxLat();
          (contained ? inside : edge).add(rank);
        });
    return new Candidates(inside.sorted(), edge.sorted());
  }

  /** Ranks that match for sure, and ranks whose footprint must still be tested exactly. */
  record Candidates(int[] inside, int[] edge) {}

  /** A growable list of ints, to avoid boxing thousands of ranks per query. */
  private static final class IntList {
    private int[] values = new int[64];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] sorted() {
      int[] result = Arrays.copyOf(values, size);
      Arrays.sort(result);
      return result;
    }
  }
}
