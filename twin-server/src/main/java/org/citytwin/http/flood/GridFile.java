package org.citytwin.http.flood;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.Raster;

/**
 * A raster of a kept flood run as a small binary file: the magic {@code TWGD}, a version, the grid
 * geometry (origin x, y and cell size as doubles, columns and rows as ints, big-endian), then the
 * values as big-endian float32 in row-major order inside a zlib stream. Depth grids are mostly dry
 * (zero), so they shrink to a few percent; the zlib checksum makes a damaged file fail to read
 * rather than give wrong depths. Floats are kept bit for bit (NaN included), so a tile drawn from a
 * file read back is the same as one drawn from the raster that was written.
 */
final class GridFile {
  private static final int MAGIC = 0x54574744; // "TWGD"
  private static final int VERSION = 1;
  private static final int CHUNK = 16_384;

  private GridFile() {}

  static void write(Raster raster, Path file) throws IOException {
    GridGeometry g = raster.geometry();
    try (OutputStream os = Files.newOutputStream(file);
        DataOutputStream header = new DataOutputStream(new BufferedOutputStream(os))) {
      header.writeInt(MAGIC);
      header.writeInt(VERSION);
      header.writeDouble(g.originX());
      header.writeDouble(g.originY());
      header.writeDouble(g.cellSizeMetres());
      header.writeInt(g.ncols());
      header.writeInt(g.nrows());
      Deflater deflater = new Deflater(Deflater.BEST_SPEED);
      try {
        DeflaterOutputStream z = new DeflaterOutputStream(header, deflater, 1 << 16);
        float[] values = raster.values();
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK * Float.BYTES);
        for (int start = 0; start < values.length; start += CHUNK) {
          int n = Math.min(CHUNK, values.length - start);
          buffer.clear();
          buffer.asFloatBuffer().put(values, start, n);
          z.write(buffer.array(), 0, n * Float.BYTES);
        }
        z.finish();
      } finally {
        deflater.end();
      }
    }
  }

  /**
   * Reads a file {@link #write} wrote.
   *
   * @throws IOException when the file is not one, is cut short or its data fail the checksum
   */
  static Raster read(Path file) throws IOException {
    try (InputStream is = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(is))) {
      if (in.readInt() != MAGIC) {
        throw new IOException(file + " is not a flood grid file");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException(file + " has grid format version " + version + ", not " + VERSION);
      }
      GridGeometry g;
      try {
        g =
            GridGeometry.of(
                in.readDouble(), in.readDouble(), in.readDouble(), in.readInt(), in.readInt());
      } catch (IllegalArgumentException e) {
        throw new IOException(file + " has a bad grid header: " + e.getMessage(), e);
      }
      float[] values = new float[g.cellCount()];
      Inflater inflater = new Inflater();
      InflaterInputStream z = new InflaterInputStream(in, inflater, 1 << 16);
      byte[] bytes = new byte[CHUNK * Float.BYTES];
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      try {
        for (int start = 0; start < values.length; start += CHUNK) {
          int n = Math.min(CHUNK, values.length - start);
          int want = n * Float.BYTES;
          if (z.readNBytes(bytes, 0, want) != want) {
            throw new EOFException(file + " ends before its " + values.length + " values");
          }
          buffer.clear();
          buffer.asFloatBuffer().get(values, start, n);
        }
        // Reading past the last value checks the zlib trailer (Adler-32) and what follows it.
        if (z.read() != -1 || inflater.getRemaining() > 0 || in.read() != -1) {
          throw new IOException(file + " holds more than its " + values.length + " values");
        }
      } catch (ZipException e) {
        throw new IOException(file + " is damaged: " + e.getMessage(), e);
      } finally {
        inflater.end();
      }
      return Raster.of(g, values);
    }
  }
}
