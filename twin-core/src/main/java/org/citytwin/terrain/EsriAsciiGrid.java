package org.citytwin.terrain;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes ESRI ASCII grids ({@code .asc}): a header of {@code ncols}, {@code nrows},
 * {@code xllcorner|xllcenter}, {@code yllcorner|yllcenter}, {@code cellsize} and an optional {@code
 * NODATA_value}, then the values row by row starting with the northernmost row. NODATA cells become
 * {@link Float#NaN}.
 */
public final class EsriAsciiGrid {
  /** The NODATA value written for NaN cells. */
  public static final float NODATA = -9999f;

  private EsriAsciiGrid() {}

  /** Reads a grid. */
  public static Raster read(Path file) throws IOException, GridFormatException {
    return read(file, Integer.MAX_VALUE);
  }

  /**
   * Reads a grid of at most {@code maxCells} cells, checked from the header before any value is
   * read (a file from a client may claim billions).
   */
  public static Raster read(Path file, long maxCells) throws IOException, GridFormatException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      Map<String, Double> header = new TreeMap<>();
      int lineNo = 0;
      String line;
      String firstData = null;
      while ((line = in.readLine()) != null) {
        lineNo++;
        String t = line.trim();
        if (t.isEmpty()) {
          continue;
        }
        if (!Character.isLetter(t.charAt(0))) {
          firstData = t;
          break;
        }
        String[] kv = t.split("\\s+");
        if (kv.length != 2) {
          throw new GridFormatException(file, lineNo, "header line '" + t + "' is not 'key value'");
        }
        header.put(kv[0].toLowerCase(Locale.ROOT), parse(file, lineNo, kv[1]));
      }
      GridGeometry geometry = geometry(file, lineNo, header);
      if (geometry.cellCount() > maxCells) {
        throw new GridFormatException(
            file,
            lineNo,
            geometry.ncols()
                + " x "
                + geometry.nrows()
                + " cells; at most "
                + maxCells
                + " are accepted");
      }
      Double nodata = header.get("nodata_value");
      float[] values = new float[geometry.cellCount()];
      int n = 0;
      for (String t = firstData; t != null; t = in.readLine()) {
        for (String token : t.trim().split("\\s+")) {
          if (token.isEmpty()) {
            continue;
          }
          if (n == values.length) {
            throw new GridFormatException(file, lineNo, "more than " + n + " values");
          }
          double v = parse(file, lineNo, token);
          values[n++] = nodata != null && v == nodata ? Float.NaN : (float) v;
        }
        lineNo++;
      }
      if (n != values.length) {
        throw new GridFormatException(
            file, lineNo, "found " + n + " values, the header asks for " + values.length);
      }
      return Raster.of(geometry, values);
    }
  }

  private static GridGeometry geometry(Path file, int line, Map<String, Double> h)
      throws GridFormatException {
    for (String key : new String[] {"ncols", "nrows", "cellsize"}) {
      if (!h.containsKey(key)) {
        throw new GridFormatException(file, line, "header has no " + key);
      }
    }
    double cell = h.get("cellsize");
    double x = corner(file, line, h, "xllcorner", "xllcenter", cell);
    double y = corner(file, line, h, "yllcorner", "yllcenter", cell);
    try {
      return GridGeometry.of(x, y, cell, h.get("ncols").intValue(), h.get("nrows").intValue());
    } catch (IllegalArgumentException e) {
      throw new GridFormatException(file, line, e.getMessage());
    }
  }

  private static double corner(
      Path file, int line, Map<String, Double> h, String corner, String centre, double cell)
      throws GridFormatException {
    if (h.containsKey(corner)) {
      return h.get(corner);
    }
    if (h.containsKey(centre)) {
      return h.get(centre) - cell / 2;
    }
    throw new GridFormatException(file, line, "header has neither " + corner + " nor " + centre);
  }

  private static double parse(Path file, int line, String token) throws GridFormatException {
    try {
      return Double.parseDouble(token);
    } catch (NumberFormatException e) {
      throw new GridFormatException(file, line, "'" + token + "' is not a number");
    }
  }

  /** Writes a grid with a corner-registered header, NaN cells as {@link #NODATA}. */
  public static void write(Raster raster, Path file) throws IOException {
    GridGeometry g = raster.geometry();
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      out.write(
          String.format(
              Locale.ROOT,
              "ncols %d%nnrows %d%nxllcorner %s%nyllcorner %s%ncellsize %s%nNODATA_value %s%n",
              g.ncols(),
              g.nrows(),
              Double.toString(g.originX()),
              Double.toString(g.originY()),
              Double.toString(g.cellSizeMetres()),
              Float.toString(NODATA)));
      StringBuilder row = new StringBuilder();
      for (int r = 0; r < g.nrows(); r++) {
        row.setLength(0);
        for (int c = 0; c < g.ncols(); c++) {
          float v = raster.value(c, r);
          if (c > 0) {
            row.append(' ');
          }
          row.append(Float.isNaN(v) ? NODATA : v);
        }
        row.append('\n');
        out.write(row.toString());
      }
    }
  }
}
