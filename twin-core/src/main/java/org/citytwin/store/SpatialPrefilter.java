package org.citytwin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * Index-friendly bounding-box conditions on the box columns of {@code city_object}.
 *
 * <p>Why not H2's SPATIAL index: with H2 2.4.240, a process that dies while a transaction holds
 * many uncommitted R-tree changes leaves a database that cannot be reopened ("Unable to read the
 * page ... ValueDataType cannot be cast to SpatialDataType"); a plain B-tree rolls back fine. A
 * dataset import is one large transaction, so an R-tree would break the store's crash guarantee.
 *
 * <p>Instead, the largest latitude span of any footprint (and of any envelope) ever stored is kept
 * in {@code store_meta}. An object whose box meets a query box must then start at a latitude
 * between {@code query.minLat - span} and {@code query.maxLat}: a two-sided range an ordinary index
 * on the box's minimum latitude answers, with the exact box test applied to that strip. The span
 * only grows (a re-import never shrinks it), which keeps the bound safe.
 *
 * @param footprintLatSpan the largest footprint height in degrees of latitude, rounded up
 * @param envelopeLatSpan the largest envelope height in degrees of latitude, rounded up
 */
record SpatialPrefilter(double footprintLatSpan, double envelopeLatSpan) {

  static final String FOOTPRINT_SPAN = "footprint_lat_span_e7";
  static final String ENVELOPE_SPAN = "envelope_lat_span_e7";

  /** Spans are stored as whole 1e-7 degrees (about 1 cm), rounded up with one unit to spare. */
  private static final double UNITS_PER_DEGREE = 1e7;

  static SpatialPrefilter load(Connection connection) throws SQLException {
    return new SpatialPrefilter(span(connection, FOOTPRINT_SPAN), span(connection, ENVELOPE_SPAN));
  }

  /** Raises the stored spans to cover newly written objects, in the writer's transaction. */
  static void widen(Connection connection, double footprintSpan, double envelopeSpan)
      throws SQLException {
    String sql = "UPDATE store_meta SET meta_value = GREATEST(meta_value, ?) WHERE meta_key = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, units(footprintSpan));
      statement.setString(2, FOOTPRINT_SPAN);
      statement.addBatch();
      statement.setLong(1, units(envelopeSpan));
      statement.setString(2, ENVELOPE_SPAN);
      statement.addBatch();
      statement.executeBatch();
    }
  }

  /** The footprint's box meets {@code box} (boundaries included). */
  void footprint(Envelope box, StringBuilder sql, List<Object> parameters) {
    condition("o.fp_", footprintLatSpan, box, sql, parameters);
  }

  /** The 2D part of the envelope meets {@code box} (boundaries included). */
  void envelope(Envelope box, StringBuilder sql, List<Object> parameters) {
    condition("o.", envelopeLatSpan, box, sql, parameters);
  }

  private static void condition(
      String prefix, double span, Envelope box, StringBuilder sql, List<Object> parameters) {
    sql.append('(').append(prefix).append("min_lat BETWEEN ? AND ? AND ");
    sql.append(prefix).append("max_lat >= ? AND ");
    sql.append(prefix).append("min_lon <= ? AND ");
    sql.append(prefix).append("max_lon >= ?)");
    parameters.addAll(
        List.of(box.getMinY() - span, box.getMaxY(), box.getMinY(), box.getMaxX(), box.getMinX()));
  }

  private static long units(double spanDegrees) {
    return (long) Math.ceil(spanDegrees * UNITS_PER_DEGREE) + 1;
  }

  private static double span(Connection connection, String key) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT meta_value FROM store_meta WHERE meta_key = ?")) {
      statement.setString(1, key);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getLong(1) / UNITS_PER_DEGREE : 0;
      }
    }
  }
}
