package org.citytwin.tiles;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A geoid height grid read from a {@code .gtx} file (big-endian: south-west node latitude and
 * longitude, latitude and longitude spacing in degrees, row and column counts, then float32 heights
 * row by row from the south), interpolated bilinearly. Nodes holding -88.8888 have no data.
 */
final class GeoidGrid implements GeoidModel {
  private static final float NO_DATA = -88.8888f;

  private final String source;
  private final double southLat;
  private final double westLon;
  private final double latStep;
  private final double lonStep;
  private final int rows;
  private final int columns;
  private final float[] heights;

  private GeoidGrid(String source, double[] header, int rows, int columns, float[] heights) {
    this.source = source;
    this.southLat = header[0];
    this.westLon = header[1];
    this.latStep = header[2];
    this.lonStep = header[3];
    this.rows = rows;
    this.columns = columns;
    this.heights = heights;
  }

  static GeoidGrid read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        DataInputStream data = new DataInputStream(new BufferedInputStream(in))) {
      double[] header = {
        data.readDouble(), data.readDouble(), data.readDouble(), data.readDouble()
      };
      int rows = data.readInt();
      int columns = data.readInt();
      if (rows < 2 || columns < 2 || !(header[2] > 0) || !(header[3] > 0)) {
        throw new IOException(
            file
                + " is not a .gtx grid: rows "
                + rows
                + ", columns "
                + columns
                + ", steps "
                + header[2]
                + ", "
                + header[3]);
      }
      float[] heights = new float[Math.multiplyExact(rows, columns)];
      for (int i = 0; i < heights.length; i++) {
        heights[i] = data.readFloat();
      }
      return new GeoidGrid(file.toString(), header, rows, columns, heights);
    }
  }

  @Override
  public double undulationMetres(double lon, double lat) {
    double row = (lat - southLat) / latStep;
    double column = ((lon - westLon) % 360 + 360) % 360 / lonStep;
    if (!(row >= 0 && row <= rows - 1 && column <= columns - 1)) {
      throw new IllegalArgumentException(
          "point (" + lon + ", " + lat + ") is outside the geoid grid " + source);
    }
    int r = Math.min((int) row, rows - 2);
    int c = Math.min((int) column, columns - 2);
    double fr = row - r;
    double fc = column - c;
    double south = node(r, c) * (1 - fc) + node(r, c + 1) * fc;
    double north = node(r + 1, c) * (1 - fc) + node(r + 1, c + 1) * fc;
    return south * (1 - fr) + north * fr;
  }

  private double node(int row, int column) {
    float value = heights[row * columns + column];
    if (Math.abs(value - NO_DATA) < 1e-3) {
      throw new IllegalArgumentException(
          "geoid grid " + source + " has no data at row " + row + ", column " + column);
    }
    return value;
  }

  @Override
  public String description() {
    return "geoid grid " + source;
  }
}
