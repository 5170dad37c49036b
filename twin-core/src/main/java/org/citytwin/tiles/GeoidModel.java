package org.citytwin.tiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The geoid height N (metres of the geoid above the WGS 84 ellipsoid) used to turn the store's
 * orthometric heights H into the ellipsoidal heights h = H + N that 3D Tiles need.
 */
public interface GeoidModel {
  /** Where Debian's {@code proj-data} package puts the EGM96 15' grid. */
  Path DEBIAN_EGM96 = Path.of("/usr/share/proj/egm96_15.gtx");

  /** The geoid height at a point, in metres; throws when the point is outside the model. */
  double undulationMetres(double lon, double lat);

  /** What the model is, for tileset metadata and logs. */
  String description();

  /** One height everywhere: for a small area when no grid is at hand. */
  static GeoidModel constant(double metres) {
    if (!Double.isFinite(metres)) {
      throw new IllegalArgumentException("constant geoid height must be finite, was " + metres);
    }
    return new Constant(metres);
  }

  /** A geoid grid in NOAA/PROJ {@code .gtx} form, such as EGM96 {@code egm96_15.gtx}. */
  static GeoidModel grid(Path gtx) throws IOException {
    return GeoidGrid.read(gtx);
  }

  /**
   * The EGM96 grid from {@link #DEBIAN_EGM96} when present, otherwise the constant {@code
   * fallbackMetres}.
   */
  static GeoidModel egm96OrConstant(double fallbackMetres) throws IOException {
    return Files.isReadable(DEBIAN_EGM96) ? grid(DEBIAN_EGM96) : constant(fallbackMetres);
  }

  /** A constant geoid height. */
  record Constant(double metres) implements GeoidModel {
    @Override
    public double undulationMetres(double lon, double lat) {
      return metres;
    }

    @Override
    public String description() {
      return "constant geoid height " + metres + " m";
    }
  }
}
