package org.citytwin.store;

import org.citytwin.query.GroundDistance;
import org.locationtech.jts.geom.Geometry;

/**
 * Java functions the store registers in its database. Public only because H2 calls them by
 * reflection; not an API.
 */
public final class SqlFunctions {

  private SqlFunctions() {}

  /** {@link GroundDistance#metres}, or null for a missing geometry (SQL null in, null out). */
  public static Double groundMetres(Geometry lonLat, double lon, double lat) {
    return lonLat == null || lonLat.isEmpty() ? null : GroundDistance.metres(lonLat, lon, lat);
  }
}
