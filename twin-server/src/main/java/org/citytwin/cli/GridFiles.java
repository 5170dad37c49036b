package org.citytwin.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.citytwin.terrain.EsriAsciiGrid;
import org.citytwin.terrain.GeoRaster;
import org.citytwin.terrain.GeoTiff;
import org.citytwin.terrain.GridFormatException;
import org.citytwin.terrain.Raster;

/** The raster file formats of {@code twin flood run}: ESRI ASCII grid and GeoTIFF. */
enum GridFiles {
  ASC(".asc"),
  TIF(".tif");

  private final String extension;

  GridFiles(String extension) {
    this.extension = extension;
  }

  /** Parses {@code asc|tif}. */
  static GridFiles parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "asc" -> ASC;
      case "tif", "tiff", "geotiff" -> TIF;
      default -> throw new IllegalArgumentException("--format '" + text + "' must be asc or tif");
    };
  }

  /** Writes {@code raster} as {@code name} plus this format's extension into {@code dir}. */
  void write(Raster raster, int epsgCode, Path dir, String name) throws IOException {
    Path file = dir.resolve(name + extension);
    if (this == ASC) {
      EsriAsciiGrid.write(raster, file);
    } else {
      if (epsgCode < 1) {
        throw new IllegalArgumentException(
            "GeoTIFF output needs the grid's EPSG code: give --crs, or a GeoTIFF DEM that names it");
      }
      GeoTiff.write(raster, epsgCode, file);
    }
  }

  /** Reads a grid by its extension: {@code .tif}/{@code .tiff} as GeoTIFF, anything else ASCII. */
  static GeoRaster read(Path file) throws IOException, GridFormatException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".tif") || name.endsWith(".tiff")) {
      return GeoTiff.read(file);
    }
    return new GeoRaster(EsriAsciiGrid.read(file), -1);
  }
}
