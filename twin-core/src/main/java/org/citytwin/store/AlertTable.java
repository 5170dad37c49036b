package org.citytwin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citytwin.sensor.Alert;
import org.citytwin.sensor.WaterLevelStage;

/** Recorded threshold alerts with the city objects each listed. */
final class AlertTable {
  private AlertTable() {}

  /** Inserts the alert and its objects; returns it with the id the table gave it. */
  static Alert insert(Connection c, Alert alert) throws SQLException {
    long id;
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO alert(datastream_id, phenomenon_us, level_m, from_stage, to_stage,"
                + " radius_m) VALUES (?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      s.setString(1, alert.datastreamId());
      s.setLong(2, ObservationTable.micros(alert.phenomenonTime()));
      s.setDouble(3, alert.levelMetres());
      s.setString(4, alert.from().name());
      s.setString(5, alert.to().name());
      s.setDouble(6, alert.radiusMetres());
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO alert_object(alert_id, position, gml_id, flooding) VALUES (?, ?, ?, ?)")) {
      int position = 0;
      for (String gmlId : alert.nearbyObjectIds()) {
        s.setLong(1, id);
        s.setInt(2, position++);
        s.setString(3, gmlId);
        s.setBoolean(4, alert.floodingBuildingIds().contains(gmlId));
        s.addBatch();
      }
      s.executeBatch();
    }
    return alert.withId(id);
  }

  /** The newest {@code limit} alerts, newest first. */
  static List<Alert> newest(Connection c, int limit) throws SQLException {
    Map<Long, Alert> alerts = new LinkedHashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, datastream_id, phenomenon_us, level_m, from_stage, to_stage, radius_m"
                + " FROM alert ORDER BY id DESC LIMIT ?")) {
      s.setInt(1, limit);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          long id = r.getLong(1);
          List<String> nearby = new ArrayList<>();
          List<String> flooding = new ArrayList<>();
          objects(c, id, nearby, flooding);
          alerts.put(
              id,
              new Alert(
                  id,
                  r.getString(2),
                  ObservationTable.instant(r.getLong(3)),
                  r.getDouble(4),
                  WaterLevelStage.valueOf(r.getString(5)),
                  WaterLevelStage.valueOf(r.getString(6)),
                  r.getDouble(7),
                  nearby,
                  flooding));
        }
      }
    }
    return List.copyOf(alerts.values());
  }

  private static void objects(
      Connection c, long alertId, List<String> nearby, List<String> flooding) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT gml_id, flooding FROM alert_object WHERE alert_id = ? ORDER BY position")) {
      s.setLong(1, alertId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          nearby.add(r.getString(1));
          if (r.getBoolean(2)) {
            flooding.add(r.getString(1));
          }
        }
      }
    }
  }
}
