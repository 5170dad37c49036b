package org.citytwin.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.SQLException;
import java.util.Map;
import org.citytwin.model.AttributeValue;
import org.citytwin.query.GroundDistance;
import org.locationtech.jts.geom.Geometry;

/**
 * Java functions the store registers in its database. Public only because H2 calls them by
 * reflection; not an API.
 */
public final class SqlFunctions {

  /**
   * The attributes of the row a thread evaluated last: a query calls the attribute functions once
   * per generic predicate and sort key of the same row, and this parses its JSON once for all of
   * them. A cache of a pure function, so sharing it between statements cannot change a result.
   */
  private static final ThreadLocal<ParsedAttributes> LAST_PARSED = new ThreadLocal<>();

  private SqlFunctions() {}

  /** {@link GroundDistance#metres}, or null for a missing geometry (SQL null in, null out). */
  public static Double groundMetres(Geometry lonLat, double lon, double lat) {
    return lonLat == null || lonLat.isEmpty() ? null : GroundDistance.metres(lonLat, lon, lat);
  }

  /** {@link DatasetNames#publicName}, so filters compare the name clients are shown. */
  public static String datasetName(String sourceName) {
    return sourceName == null ? null : DatasetNames.publicName(sourceName);
  }

  /**
   * The value of the generic attribute {@code name} in an {@code attributes_json} column when it is
   * a number, else null (absent, or a text or code).
   */
  public static Double attributeNumber(String attributesJson, String name) throws SQLException {
    AttributeValue value = attribute(attributesJson, name);
    return value instanceof AttributeValue.Number number ? number.value() : null;
  }

  /**
   * The value of the generic attribute {@code name} as {@link AttributeValue#text}, or null when
   * the object has no such attribute; never null for a present one.
   */
  public static String attributeText(String attributesJson, String name) throws SQLException {
    AttributeValue value = attribute(attributesJson, name);
    return value == null ? null : value.text();
  }

  private static AttributeValue attribute(String attributesJson, String name) throws SQLException {
    if (attributesJson == null || name == null) {
      return null;
    }
    ParsedAttributes last = LAST_PARSED.get();
    if (last == null || !last.json().equals(attributesJson)) {
      try {
        last = new ParsedAttributes(attributesJson, AttributeJson.readAttributes(attributesJson));
      } catch (JsonProcessingException e) {
        throw new SQLException("attributes_json is not the store's attribute JSON: " + e, e);
      }
      LAST_PARSED.set(last);
    }
    return last.attributes().get(name);
  }

  private record ParsedAttributes(String json, Map<String, AttributeValue> attributes) {}
}
