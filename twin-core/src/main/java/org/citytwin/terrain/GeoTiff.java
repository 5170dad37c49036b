package org.citytwin.terrain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FieldType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.FileDirectoryEntry;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffReader;
import mil.nga.tiff.TiffWriter;
import mil.nga.tiff.util.TiffConstants;

/**
 * Reads and writes single-band GeoTIFF rasters (OGC GeoTIFF 1.1, OGC 19-008r4) with the {@code
 * mil.nga:tiff} library for the TIFF container.
 *
 * <p>Written files are Float32, uncompressed, in strips, with: ModelPixelScaleTag (33550) {@code
 * (Δx, Δy, 0)}; ModelTiepointTag (33922) tying raster point (0, 0), the upper-left corner of the
 * upper-left pixel, to the grid's north-west corner; GeoKeyDirectoryTag (34735) with
 * GTModelTypeGeoKey (1024) = 1 projected, GTRasterTypeGeoKey (1025) = 1 PixelIsArea and
 * ProjectedCRSGeoKey (3072) = the EPSG code; GDAL_NODATA (42113) = {@value EsriAsciiGrid#NODATA}
 * for NaN cells.
 *
 * <p>Reading accepts any sample type of one band, a pixel scale and one tie point (no rotation),
 * PixelIsArea or PixelIsPoint, square cells, and takes the EPSG code from ProjectedCRSGeoKey or
 * GeodeticCRSGeoKey (2048). Values equal to GDAL_NODATA become NaN.
 */
public final class GeoTiff {
  static final int MODEL_TYPE_KEY = 1024;
  static final int RASTER_TYPE_KEY = 1025;
  static final int GEODETIC_CRS_KEY = 2048;
  static final int PROJECTED_CRS_KEY = 3072;
  static final int PROJECTED = 1;
  static final int PIXEL_IS_AREA = 1;
  static final int PIXEL_IS_POINT = 2;

  private GeoTiff() {}

  /** Writes {@code raster} in the projected CRS {@code epsgCode} as a Float32 GeoTIFF. */
  public static void write(Raster raster, int epsgCode, Path file) throws IOException {
    if (epsgCode < 1 || epsgCode > 32767) {
      throw new IllegalArgumentException("EPSG code " + epsgCode + " must be 1..32767");
    }
    GridGeometry g = raster.geometry();
    Rasters rasters = new Rasters(g.ncols(), g.nrows(), 1, FieldType.FLOAT);
    for (int r = 0; r < g.nrows(); r++) {
      for (int c = 0; c < g.ncols(); c++) {
        float v = raster.value(c, r);
        rasters.setFirstPixelSample(c, r, Float.isNaN(v) ? EsriAsciiGrid.NODATA : v);
      }
    }
    FileDirectory dir = new FileDirectory();
    dir.setImageWidth(g.ncols());
    dir.setImageHeight(g.nrows());
    dir.setBitsPerSample(32);
    dir.setCompression(TiffConstants.COMPRESSION_NO);
    dir.setPhotometricInterpretation(TiffConstants.PHOTOMETRIC_INTERPRETATION_BLACK_IS_ZERO);
    dir.setSamplesPerPixel(1);
    dir.setPlanarConfiguration(TiffConstants.PLANAR_CONFIGURATION_CHUNKY);
    dir.setRowsPerStrip(rasters.calculateRowsPerStrip(TiffConstants.PLANAR_CONFIGURATION_CHUNKY));
    dir.setSampleFormat(TiffConstants.SAMPLE_FORMAT_FLOAT);
    double top = g.originY() + g.nrows() * g.cellSizeMetres();
    dir.setModelPixelScale(List.of(g.cellSizeMetres(), g.cellSizeMetres(), 0.0));
    dir.setModelTiepoint(List.of(0.0, 0.0, 0.0, g.originX(), top, 0.0));
    List<Integer> keys =
        List.of(
            1,
            1,
            1,
            3, // directory version 1, GeoTIFF 1.1, three keys
            MODEL_TYPE_KEY,
            0,
            1,
            PROJECTED,
            RASTER_TYPE_KEY,
            0,
            1,
            PIXEL_IS_AREA,
            PROJECTED_CRS_KEY,
            0,
            1,
            epsgCode);
    dir.addEntry(
        new FileDirectoryEntry(FieldTagType.GeoKeyDirectory, FieldType.SHORT, keys.size(), keys));
    String nodata = Float.toString(EsriAsciiGrid.NODATA) + "\0";
    dir.addEntry(
        new FileDirectoryEntry(
            FieldTagType.GDAL_NODATA, FieldType.ASCII, nodata.length(), List.of(nodata)));
    dir.setWriteRasters(rasters);
    TIFFImage image = new TIFFImage();
    image.add(dir);
    TiffWriter.writeTiff(file.toFile(), image);
  }

  /** Reads the first image of a GeoTIFF. */
  public static GeoRaster read(Path file) throws IOException, GridFormatException {
    return read(file, Integer.MAX_VALUE);
  }

  /**
   * Reads the first image of a GeoTIFF of at most {@code maxCells} cells, checked from its
   * directory before the pixels are decoded.
   */
  public static GeoRaster read(Path file, long maxCells) throws IOException, GridFormatException {
    FileDirectory dir;
    try {
      dir = TiffReader.readTiff(file.toFile()).getFileDirectory();
    } catch (RuntimeException e) {
      throw new GridFormatException(file, "not a readable TIFF: " + e.getMessage());
    }
    if (dir.getSamplesPerPixel() != 1) {
      throw new GridFormatException(
          file, dir.getSamplesPerPixel() + " bands; a DEM must have exactly one");
    }
    List<Double> scale = dir.getModelPixelScale();
    List<Double> tie = dir.getModelTiepoint();
    if (scale == null || tie == null || tie.size() < 6) {
      throw new GridFormatException(
          file,
          "has no ModelPixelScale and ModelTiepoint (rotated or ungeoreferenced rasters"
              + " are not supported)");
    }
    double dx = scale.get(0);
    double dy = scale.get(1);
    if (Math.abs(dx - dy) > 1e-9 * Math.max(dx, dy)) {
      throw new GridFormatException(
          file, "cells are " + dx + " x " + dy + " m; they must be square");
    }
    int ncols = dir.getImageWidth().intValue();
    int nrows = dir.getImageHeight().intValue();
    if ((long) ncols * nrows > maxCells) {
      throw new GridFormatException(
          file, ncols + " x " + nrows + " cells; at most " + maxCells + " are accepted");
    }
    List<Integer> keys = geoKeys(dir);
    double shift = keyValue(keys, RASTER_TYPE_KEY) == PIXEL_IS_POINT ? 0.5 : 0;
    double west = tie.get(3) - (tie.get(0) + shift) * dx;
    double north = tie.get(4) + (tie.get(1) + shift) * dx;
    GridGeometry g;
    try {
      g = GridGeometry.of(west, north - nrows * dx, dx, ncols, nrows);
    } catch (IllegalArgumentException e) {
      throw new GridFormatException(file, e.getMessage());
    }
    Double nodata = nodata(dir);
    Rasters rasters;
    try {
      rasters = dir.readRasters();
    } catch (RuntimeException e) {
      throw new GridFormatException(file, "pixels cannot be decoded: " + e.getMessage());
    }
    float[] values = new float[g.cellCount()];
    for (int r = 0; r < nrows; r++) {
      for (int c = 0; c < ncols; c++) {
        double v = rasters.getFirstPixelSample(c, r).doubleValue();
        values[r * ncols + c] = nodata != null && v == nodata ? Float.NaN : (float) v;
      }
    }
    int epsg = keyValue(keys, PROJECTED_CRS_KEY);
    if (epsg <= 0 || epsg == 32767) {
      epsg = keyValue(keys, GEODETIC_CRS_KEY);
    }
    return new GeoRaster(Raster.of(g, values), epsg > 0 && epsg < 32767 ? epsg : -1);
  }

  private static List<Integer> geoKeys(FileDirectory dir) {
    FileDirectoryEntry entry = dir.get(FieldTagType.GeoKeyDirectory);
    List<Integer> keys = new ArrayList<>();
    if (entry != null && entry.getValues() instanceof List<?> list) {
      for (Object o : list) {
        keys.add(((Number) o).intValue());
      }
    }
    return keys;
  }

  /** The value of a SHORT GeoKey stored in the directory itself, or -1. */
  private static int keyValue(List<Integer> keys, int key) {
    for (int i = 4; i + 3 < keys.size(); i += 4) {
      if (keys.get(i) == key && keys.get(i + 1) == 0) {
        return keys.get(i + 3);
      }
    }
    return -1;
  }

  private static Double nodata(FileDirectory dir) {
    FileDirectoryEntry entry = dir.get(FieldTagType.GDAL_NODATA);
    if (entry == null) {
      return null;
    }
    Object values = entry.getValues();
    String text =
        values instanceof List<?> list && !list.isEmpty()
            ? list.get(0).toString()
            : String.valueOf(values);
    try {
      return Double.parseDouble(text.replace("\0", "").trim());
    } catch (NumberFormatException e) {
      return null; // an unparsable NODATA marks nothing
    }
  }
}
