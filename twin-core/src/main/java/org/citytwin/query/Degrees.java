package org.citytwin.query;

/** Checks for coordinates in the canonical frame, with messages that name the bad value. */
final class Degrees {

  private Degrees() {}

  static void requireLongitude(double lon, String what) {
    if (!(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException(what + " " + lon + " must be a longitude in -180..180");
    }
  }

  static void requireLatitude(double lat, String what) {
    if (!(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException(what + " " + lat + " must be a latitude in -90..90");
    }
  }
}
