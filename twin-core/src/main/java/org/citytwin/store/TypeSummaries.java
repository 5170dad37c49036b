package org.citytwin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.citytwin.model.CityObject;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Envelope3D;

/**
 * The object count and extent per type of one import, collected in memory while it runs and stored
 * in the transaction that publishes the dataset, as rows of {@code type_summary}; so listing the
 * collections of a city costs a read of a few rows, not a scan of every object (seconds at 100,000
 * buildings).
 */
final class TypeSummaries {
  static final String CREATE_TABLE =
      """
      CREATE TABLE type_summary(
        dataset_id BIGINT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
        object_type VARCHAR NOT NULL,
        object_count BIGINT NOT NULL,
        min_lon DOUBLE PRECISION,
        min_lat DOUBLE PRECISION,
        min_h DOUBLE PRECISION,
        max_lon DOUBLE PRECISION,
        max_lat DOUBLE PRECISION,
        max_h DOUBLE PRECISION,
        PRIMARY KEY(dataset_id, object_type))""";

  /** Fills the table from the objects themselves, for stores written before it existed. */
  static final String FILL_FROM_OBJECTS =
      "INSERT INTO type_summary SELECT dataset_id, type, COUNT(*), MIN(min_lon), MIN(min_lat),"
          + " MIN(min_h), MAX(max_lon), MAX(max_lat), MAX(max_h) FROM city_object"
          + " GROUP BY dataset_id, type";

  private static final String INSERT =
      "INSERT INTO type_summary VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String LIVE =
      "SELECT s.object_type, SUM(s.object_count), MIN(s.min_lon), MIN(s.min_lat), MIN(s.min_h),"
          + " MAX(s.max_lon), MAX(s.max_lat), MAX(s.max_h) FROM type_summary s JOIN dataset d"
          + " ON d.id = s.dataset_id WHERE d.state = 'LIVE' GROUP BY s.object_type";

  private final Map<CityObjectType, TypeSummary> byType = new EnumMap<>(CityObjectType.class);

  /** Counts {@code object} and widens its type's box by its envelope. */
  void add(CityObject object) {
    Optional<Envelope3D> box =
        object.shape() == null ? Optional.empty() : Optional.of(object.shape().envelope());
    byType.merge(object.type(), new TypeSummary(1, box), TypeSummary::plus);
  }

  /** Inserts the collected summaries under {@code datasetId}; the caller commits. */
  void insert(Connection connection, long datasetId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
      for (Map.Entry<CityObjectType, TypeSummary> entry : byType.entrySet()) {
        statement.setLong(1, datasetId);
        statement.setString(2, entry.getKey().id());
        statement.setLong(3, entry.getValue().count());
        Optional<Envelope3D> box = entry.getValue().extent();
        double[] corners =
            box.map(
                    e ->
                        new double[] {
                          e.minLon(),
                          e.minLat(),
                          e.minHeight(),
                          e.maxLon(),
                          e.maxLat(),
                          e.maxHeight()
                        })
                .orElse(null);
        for (int i = 0; i < 6; i++) {
          if (corners == null) {
            statement.setNull(4 + i, java.sql.Types.DOUBLE);
          } else {
            statement.setDouble(4 + i, corners[i]);
          }
        }
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  /** The summaries over the live datasets, per type present. */
  static Map<CityObjectType, TypeSummary> live(Connection connection) throws SQLException {
    Map<CityObjectType, TypeSummary> summaries = new EnumMap<>(CityObjectType.class);
    try (PreparedStatement statement = connection.prepareStatement(LIVE);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        double minLon = rows.getDouble(3);
        Optional<Envelope3D> extent =
            rows.wasNull()
                ? Optional.empty()
                : Optional.of(
                    Envelope3D.of(
                        minLon,
                        rows.getDouble(4),
                        rows.getDouble(5),
                        rows.getDouble(6),
                        rows.getDouble(7),
                        rows.getDouble(8)));
        summaries.put(
            CityObjectType.parse(rows.getString(1)), new TypeSummary(rows.getLong(2), extent));
      }
    }
    return summaries;
  }
}
