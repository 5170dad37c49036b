package org.citytwin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/** Reads of {@code city_object} rows by primary key, for the snapshot queries. */
final class RowsById {
  private static final String INTERSECTING =
      "SELECT o.id, ST_Intersects(o.footprint, ?) FROM city_object o WHERE o.id = ANY(?)";

  private static final String FROM =
      " FROM city_object o LEFT JOIN dataset d ON d.id = o.dataset_id WHERE o.id = ANY(?)";

  private RowsById() {}

  /**
   * The ids among {@code ids} whose footprint intersects {@code area}, in no order; null when some
   * of the rows no longer exist.
   */
  static long[] intersecting(Connection connection, long[] ids, Geometry area) throws SQLException {
    long[] found = new long[ids.length];
    int count = 0;
    int existing = 0;
    try (PreparedStatement statement = connection.prepareStatement(INTERSECTING)) {
      statement.setObject(1, area);
      statement.setArray(2, idArray(connection, ids));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          existing++;
          if (rows.getBoolean(2)) {
            found[count++] = rows.getLong(1);
          }
        }
      }
    }
    return existing == ids.length ? Arrays.copyOf(found, count) : null;
  }

  /** The objects with these ids that still exist, in no order. */
  static List<StoredObject> read(Connection connection, long[] ids, boolean withGeometry)
      throws SQLException {
    List<StoredObject> objects = new ArrayList<>(ids.length);
    String sql = "SELECT " + ObjectReader.columns(withGeometry) + FROM;
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, idArray(connection, ids));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          objects.add(ObjectReader.read(rows, withGeometry));
        }
      }
    }
    return objects;
  }

  private static java.sql.Array idArray(Connection connection, long[] ids) throws SQLException {
    return connection.createArrayOf("BIGINT", Arrays.stream(ids).boxed().toArray());
  }
}
