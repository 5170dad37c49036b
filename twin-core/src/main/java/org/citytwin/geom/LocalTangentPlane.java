package org.citytwin.geom;

/**
 * A flat east/north/up frame in metres around an origin, for one polygon or one small object:
 * longitude and latitude differences are scaled by the WGS 84 radii of curvature at the origin
 * (prime vertical N cos(lat) for east, meridional M for north), height is taken as is.
 *
 * <p>The mapping is affine, so it keeps planarity, ratios and orientation exactly. Its error
 * against true ground distances comes from the radii changing with latitude: a length is off by
 * about {@code tan(lat) * d / 6 400 km} relative at distance {@code d} from the origin, so 1.1e-5
 * for 100 m and 1.1e-4 for 1 km at 35 degrees. Good for triangulating polygons and measuring
 * buildings; use {@link GroundArea} or a projection for anything spanning kilometres.
 *
 * @param originLon origin longitude in degrees
 * @param originLat origin latitude in degrees
 * @param originHeight origin height in metres
 * @param metresPerDegreeLon east metres per degree of longitude at the origin
 * @param metresPerDegreeLat north metres per degree of latitude at the origin
 */
record LocalTangentPlane(
    double originLon,
    double originLat,
    double originHeight,
    double metresPerDegreeLon,
    double metresPerDegreeLat) {

  /** WGS 84 semi-major axis in metres. */
  static final double A = 6378137.0;

  /** WGS 84 first eccentricity squared. */
  static final double E2 = 0.00669437999014;

  /** The plane at an origin; the latitude must be in -90..90. */
  static LocalTangentPlane at(double lon, double lat, double height) {
    if (!(Math.abs(lat) <= 90) || !Double.isFinite(lon)) {
      throw new IllegalArgumentException(
          "tangent plane origin must be a finite lon and lat in -90..90, was ("
              + lon
              + ", "
              + lat
              + ")");
    }
    double phi = Math.toRadians(lat);
    double w = 1 - E2 * Math.sin(phi) * Math.sin(phi);
    double primeVertical = A / Math.sqrt(w);
    double meridional = A * (1 - E2) / (w * Math.sqrt(w));
    double perRadian = Math.PI / 180;
    return new LocalTangentPlane(
        lon, lat, height, primeVertical * Math.cos(phi) * perRadian, meridional * perRadian);
  }

  double east(double lon) {
    return (lon - originLon) * metresPerDegreeLon;
  }

  double north(double lat) {
    return (lat - originLat) * metresPerDegreeLat;
  }

  double up(double height) {
    return height - originHeight;
  }

  double lon(double east) {
    return originLon + east / metresPerDegreeLon;
  }

  double lat(double north) {
    return originLat + north / metresPerDegreeLat;
  }
}
