package org.citytwin.terrain;

import java.util.Objects;

/**
 * A raster with the EPSG code of its CRS, as read from or written to a GeoTIFF.
 *
 * @param raster the values and grid geometry
 * @param epsgCode the EPSG code of the CRS, or -1 when the file names none
 */
public record GeoRaster(Raster raster, int epsgCode) {
  public GeoRaster {
    Objects.requireNonNull(raster, "raster");
    if (epsgCode < -1 || epsgCode == 0 || epsgCode > 32767) {
      throw new IllegalArgumentException("EPSG code " + epsgCode + " must be 1..32767 or -1");
    }
  }
}
