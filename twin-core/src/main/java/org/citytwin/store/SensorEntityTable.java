package org.citytwin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.citytwin.sensor.CountScope;
import org.citytwin.sensor.Datastream;
import org.citytwin.sensor.Location;
import org.citytwin.sensor.ObservationKind;
import org.citytwin.sensor.ObservedProperty;
import org.citytwin.sensor.Sensor;
import org.citytwin.sensor.Thing;
import org.citytwin.sensor.UnitOfMeasurement;
import org.citytwin.sensor.WaterLevelThresholds;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/** Upserts and reads the SensorThings entities, one table per entity type. */
final class SensorEntityTable {
  private SensorEntityTable() {}

  static void put(Connection c, Thing thing) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "MERGE INTO thing(id, name, description, city_object_id, lon, lat, height, area_wkb)"
                + " KEY(id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, thing.id());
      s.setString(2, thing.name());
      s.setString(3, thing.description());
      s.setString(4, thing.cityObjectId());
      s.setDouble(5, thing.location().lon());
      s.setDouble(6, thing.location().lat());
      setDouble(s, 7, thing.location().heightMetres());
      Geometry area = thing.area();
      if (area == null) {
        s.setNull(8, Types.VARBINARY);
      } else {
        s.setBytes(8, new WKBWriter(2).write(area));
      }
      s.executeUpdate();
    }
  }

  static void put(Connection c, Sensor sensor) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "MERGE INTO sensor(id, name, description, metadata) KEY(id) VALUES (?, ?, ?, ?)")) {
      s.setString(1, sensor.id());
      s.setString(2, sensor.name());
      s.setString(3, sensor.description());
      s.setString(4, sensor.metadata());
      s.executeUpdate();
    }
  }

  static void put(Connection c, ObservedProperty property) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "MERGE INTO observed_property(id, name, definition, description) KEY(id)"
                + " VALUES (?, ?, ?, ?)")) {
      s.setString(1, property.id());
      s.setString(2, property.name());
      s.setString(3, property.definition());
      s.setString(4, property.description());
      s.executeUpdate();
    }
  }

  /** Inserts or updates the datastream; returns its integer key (kept across updates). */
  static int put(Connection c, Datastream d) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "MERGE INTO datastream(id, name, thing_id, sensor_id, observed_property_id, kind,"
                + " unit_name, unit_symbol, unit_definition, standby, flood_watch,"
                + " evacuation_decision, flood_danger, river, has_thresholds, area_m2, interval_ms)"
                + " KEY(id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, d.id());
      s.setString(2, d.name());
      s.setString(3, d.thingId());
      s.setString(4, d.sensorId());
      s.setString(5, d.observedPropertyId());
      s.setString(6, d.kind().name());
      s.setString(7, d.unit().name());
      s.setString(8, d.unit().symbol());
      s.setString(9, d.unit().definition());
      WaterLevelThresholds t = d.thresholds();
      setDouble(s, 10, t == null ? null : t.standbyMetres());
      setDouble(s, 11, t == null ? null : t.floodWatchMetres());
      setDouble(s, 12, t == null ? null : t.evacuationDecisionMetres());
      setDouble(s, 13, t == null ? null : t.floodDangerMetres());
      s.setString(14, t == null ? null : t.river());
      s.setBoolean(15, t != null);
      CountScope scope = d.countScope();
      setDouble(s, 16, scope == null ? null : scope.areaSquareMetres());
      if (scope == null || scope.interval() == null) {
        s.setNull(17, Types.BIGINT);
      } else {
        s.setLong(17, scope.interval().toMillis());
      }
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement("SELECT ds_key FROM datastream WHERE id = ?")) {
      s.setString(1, d.id());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  static List<Thing> things(Connection c) throws SQLException {
    List<Thing> result = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT id, name, description, city_object_id, lon, lat, height, area_wkb"
                    + " FROM thing");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        Location location = new Location(r.getDouble(5), r.getDouble(6), getDouble(r, 7));
        byte[] wkb = r.getBytes(8);
        Geometry area = wkb == null ? null : readWkb(wkb, r.getString(1));
        result.add(
            new Thing(
                r.getString(1), r.getString(2), r.getString(3), r.getString(4), location, area));
      }
    }
    return result;
  }

  static List<Sensor> sensors(Connection c) throws SQLException {
    List<Sensor> result = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement("SELECT id, name, description, metadata FROM sensor");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        result.add(new Sensor(r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
      }
    }
    return result;
  }

  static List<ObservedProperty> observedProperties(Connection c) throws SQLException {
    List<ObservedProperty> result = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement("SELECT id, name, definition, description FROM observed_property");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        result.add(
            new ObservedProperty(r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
      }
    }
    return result;
  }

  /** Every datastream with its integer key. */
  static List<SensorDatabase.KeyedDatastream> datastreams(Connection c) throws SQLException {
    List<SensorDatabase.KeyedDatastream> result = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT ds_key, id, name, thing_id, sensor_id, observed_property_id, kind,"
                    + " unit_name, unit_symbol, unit_definition, standby, flood_watch,"
                    + " evacuation_decision, flood_danger, river, has_thresholds, area_m2,"
                    + " interval_ms FROM datastream ORDER BY ds_key");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        WaterLevelThresholds thresholds =
            r.getBoolean(16)
                ? new WaterLevelThresholds(
                    getDouble(r, 11),
                    getDouble(r, 12),
                    getDouble(r, 13),
                    getDouble(r, 14),
                    r.getString(15))
                : null;
        Double area = getDouble(r, 17);
        long intervalMs = r.getLong(18);
        boolean noInterval = r.wasNull();
        ObservationKind kind = ObservationKind.valueOf(r.getString(7));
        // A people count with neither a declared area nor an interval counts the walkable ground
        // of its thing's area; other kinds have no scope.
        CountScope scope =
            area != null
                ? CountScope.area(area)
                : !noInterval
                    ? CountScope.line(Duration.ofMillis(intervalMs))
                    : kind == ObservationKind.PEOPLE_COUNT ? CountScope.walkable() : null;
        Datastream d =
            new Datastream(
                r.getString(2),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getString(6),
                kind,
                new UnitOfMeasurement(r.getString(8), r.getString(9), r.getString(10)),
                thresholds,
                scope);
        result.add(new SensorDatabase.KeyedDatastream(r.getInt(1), d));
      }
    }
    return result;
  }

  private static Geometry readWkb(byte[] wkb, String thingId) throws SQLException {
    try {
      return new WKBReader().read(wkb);
    } catch (ParseException e) {
      throw new SQLException("the stored area of thing " + thingId + " is not valid WKB", e);
    }
  }

  private static void setDouble(PreparedStatement s, int index, Double value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.DOUBLE);
    } else {
      s.setDouble(index, value);
    }
  }

  private static Double getDouble(ResultSet r, int index) throws SQLException {
    double value = r.getDouble(index);
    return r.wasNull() ? null : value;
  }
}
