package org.citytwin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.citytwin.model.CityObject;
import org.citytwin.model.DerivedShape;
import org.citytwin.model.Envelope3D;
import org.citytwin.model.Mesh;
import org.citytwin.query.FixedAttribute;
import org.citytwin.query.Literal;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Inserts of objects into one dataset, on one connection that is not in autocommit, committed in
 * batches bounded by the memory H2 holds for them: the batch commits once H2's unsaved changes
 * reach {@link StoreFile#batchBudgetBytes} or it holds {@link #MAX_BATCH_OBJECTS} objects, and at
 * {@link #flush}.
 */
final class ObjectInsert implements AutoCloseable {

  /**
   * The most objects per committed transaction. The memory budget usually ends a batch first:
   * measured with StoreBench, H2's unsaved changes grow by about 25 KB per LOD1 building (row,
   * R-tree and index pages it dirties), so a 6 MB budget commits every 250 or so.
   */
  static final int MAX_BATCH_OBJECTS = 1000;

  /** Object ids fetched from the sequence per query. */
  private static final int ID_BLOCK = 250;

  static final int SRID = 4326;

  private static final GeometryFactory GEOMETRIES = new GeometryFactory(new PrecisionModel(), SRID);

  /** Columns in the order {@link #bindObject} binds them. */
  private static final List<String> OBJECT_COLUMNS =
      Stream.of(
              Stream.of("id", "dataset_id", "gml_id", "type", "feature_type", "parent_id"),
              Stream.of("min_lon", "min_lat", "min_h", "max_lon", "max_lat", "max_h"),
              Columns.NUMERIC.stream().map(FixedAttribute::attributeName),
              Stream.of("footprint", "envelope_box"),
              Stream.of("attributes_json", "risks_json", "geometry_blob"))
          .flatMap(s -> s)
          .toList();

  private static final String INSERT_OBJECT =
      "INSERT INTO city_object("
          + String.join(", ", OBJECT_COLUMNS)
          + ") VALUES ("
          + SqlFilter.placeholders(OBJECT_COLUMNS.size())
          + ")";

  private final Connection connection;
  private final long datasetId;
  private final String datasetName;
  private final PreparedStatement objects;
  private final Deque<Long> freeIds = new ArrayDeque<>();
  private final long budgetBytes;
  private int pending;

  ObjectInsert(Connection connection, long datasetId, String datasetName) throws SQLException {
    this.connection = connection;
    this.datasetId = datasetId;
    this.datasetName = datasetName;
    this.objects = connection.prepareStatement(INSERT_OBJECT);
    this.budgetBytes = StoreFile.batchBudgetBytes(connection);
  }

  void add(CityObject object) throws SQLException {
    long id = nextId();
    bindObject(id, object);
    // One statement per object, so the memory check below sees each object's cost at once.
    objects.executeUpdate();
    if (++pending >= MAX_BATCH_OBJECTS || StoreFile.unsavedBytes(connection) >= budgetBytes) {
      flush();
    }
  }

  /** Commits the pending batch. */
  void flush() throws SQLException {
    pending = 0;
    connection.commit();
  }

  private void bindObject(long id, CityObject object) throws SQLException {
    int i = 0;
    objects.setLong(++i, id);
    objects.setLong(++i, datasetId);
    objects.setString(++i, object.gmlId());
    objects.setString(++i, object.type().id());
    objects.setString(++i, object.featureType());
    objects.setString(++i, object.parentId());
    DerivedShape shape = object.shape();
    i = bindDoubles(i, shape == null ? null : envelopeCorners(shape.envelope()), 6);
    for (FixedAttribute numeric : Columns.NUMERIC) {
      Literal value = numeric.valueOf(object, datasetName);
      if (value instanceof Literal.NumberLiteral number) {
        objects.setDouble(++i, number.value());
      } else {
        objects.setNull(++i, Types.DOUBLE);
      }
    }
    objects.setObject(++i, shape == null ? null : withSrid(shape.footprint()));
    objects.setObject(++i, shape == null ? null : envelopeBox(shape.envelope()));
    objects.setString(++i, AttributeJson.writeAttributes(object.attributes()));
    objects.setString(++i, AttributeJson.writeRisks(object.risks()));
    List<Mesh> meshes = shape == null ? List.of() : shape.meshes();
    objects.setBytes(++i, GeometryBlob.write(object.geometries(), meshes));
  }

  /**
   * Binds {@code count} doubles after index {@code last}, or nulls when absent; returns the last.
   */
  private int bindDoubles(int last, double[] values, int count) throws SQLException {
    for (int k = 0; k < count; k++) {
      if (values == null) {
        objects.setNull(last + 1 + k, Types.DOUBLE);
      } else {
        objects.setDouble(last + 1 + k, values[k]);
      }
    }
    return last + count;
  }

  private static double[] envelopeCorners(Envelope3D box) {
    return new double[] {
      box.minLon(), box.minLat(), box.minHeight(), box.maxLon(), box.maxLat(), box.maxHeight()
    };
  }

  /** The 2D extent of the envelope as a geometry for its R-tree (a point or line when flat). */
  private static Geometry envelopeBox(Envelope3D box) {
    Envelope flat = new Envelope(box.minLon(), box.maxLon(), box.minLat(), box.maxLat());
    return GEOMETRIES.toGeometry(flat);
  }

  /** A copy tagged 4326, leaving the caller's geometry untouched. */
  private static Geometry withSrid(Geometry footprint) {
    Geometry copy = footprint.copy();
    copy.setSRID(SRID);
    return copy;
  }

  /** Ids come from a sequence in blocks, so each batch costs one extra query, not one per row. */
  private long nextId() throws SQLException {
    if (freeIds.isEmpty()) {
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "SELECT NEXT VALUE FOR city_object_id FROM SYSTEM_RANGE(1, " + ID_BLOCK + ")")) {
        while (rows.next()) {
          freeIds.add(rows.getLong(1));
        }
      }
    }
    return freeIds.removeFirst();
  }

  @Override
  public void close() throws SQLException {
    try (objects) {
      freeIds.clear();
    }
  }
}
