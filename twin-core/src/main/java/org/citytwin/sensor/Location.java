package org.citytwin.sensor;

/**
 * Where a thing is: CRS84 longitude and latitude in degrees, and an optional height in metres (the
 * city model's heights, orthometric for PLATEAU).
 */
public record Location(double lon, double lat, Double heightMetres) {
  public Location {
    InvalidSensorDataException.require(
        Double.isFinite(lon) && lon >= -180 && lon <= 180,
        "location.lon",
        "location.lon must be a longitude -180..180, was " + lon);
    InvalidSensorDataException.require(
        Double.isFinite(lat) && lat >= -90 && lat <= 90,
        "location.lat",
        "location.lat must be a latitude -90..90, was " + lat);
    InvalidSensorDataException.require(
        heightMetres == null || Double.isFinite(heightMetres),
        "location.height",
        "location.height must be a finite number, was " + heightMetres);
  }

  public boolean within(double minLon, double minLat, double maxLon, double maxLat) {
    return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
  }
}
