package org.citytwin.store;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.citytwin.model.CityObject;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.DerivedShape;
import org.citytwin.model.Envelope3D;
import org.citytwin.model.LodGeometry;
import org.citytwin.model.Mesh;
import org.locationtech.jts.geom.Geometry;

/** Turns a row selected with {@link #columns} back into the object that was written. */
final class ObjectReader {

  private static final String COLUMNS =
      "o.id, d.source_name, o.gml_id, o.type, o.feature_type, o.parent_id, o.height, "
          + "o.ground_height, o.roof_height, o.footprint_area, o.min_lon, o.min_lat, o.min_h, "
          + "o.max_lon, o.max_lat, o.max_h, o.footprint, o.attributes_json, o.risks_json";

  private ObjectReader() {}

  /** The select list for {@link #read}; the blob is only fetched when geometry is wanted. */
  static String columns(boolean withGeometry) {
    return withGeometry ? COLUMNS + ", o.geometry_blob" : COLUMNS;
  }

  static StoredObject read(ResultSet row, boolean withGeometry) throws SQLException {
    String gmlId = row.getString(3);
    try {
      GeometryBlob.Content content = withGeometry ? GeometryBlob.read(row.getBytes(20)) : null;
      List<LodGeometry> geometries = content == null ? List.of() : content.geometries();
      List<Mesh> meshes = content == null ? List.of() : content.meshes();
      CityObject object =
          new CityObject(
              gmlId,
              CityObjectType.parse(row.getString(4)),
              row.getString(5),
              row.getString(6),
              AttributeJson.readAttributes(row.getString(18)),
              AttributeJson.readRisks(row.getString(19)),
              geometries,
              shape(row, meshes));
      return new StoredObject(row.getLong(1), DatasetNames.publicName(row.getString(2)), object);
    } catch (IOException | RuntimeException e) {
      throw new SQLException("stored object " + gmlId + " cannot be decoded: " + e.getMessage(), e);
    }
  }

  private static DerivedShape shape(ResultSet row, List<Mesh> meshes) throws SQLException {
    Geometry footprint = row.getObject(17, Geometry.class);
    if (footprint == null) {
      return null;
    }
    Envelope3D envelope =
        Envelope3D.of(
            row.getDouble(11),
            row.getDouble(12),
            row.getDouble(13),
            row.getDouble(14),
            row.getDouble(15),
            row.getDouble(16));
    return new DerivedShape(
        footprint,
        envelope,
        row.getDouble(8),
        row.getDouble(9),
        row.getDouble(7),
        row.getDouble(10),
        meshes);
  }
}
