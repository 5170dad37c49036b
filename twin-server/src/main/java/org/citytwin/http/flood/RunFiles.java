package org.citytwin.http.flood;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.citytwin.flood.BuildingExposure;
import org.citytwin.flood.Gauge;
import org.citytwin.flood.GaugeSeries;
import org.citytwin.terrain.SiteBuilding;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The per-building table and the gauge series of a kept run, as gzip-compressed binary files
 * ({@code DataOutput}: big-endian numbers, modified UTF-8 strings), each starting with a magic
 * number and a version. Numbers are kept bit for bit, so the documents served from them after a
 * restart are the same bytes as before. GZIP's CRC-32 makes a damaged file fail to read.
 */
final class RunFiles {
  private static final int BUILDINGS_MAGIC = 0x54574242; // "TWBB"
  private static final int GAUGES_MAGIC = 0x54574753; // "TWGS"
  private static final int VERSION = 1;

  private RunFiles() {}

  /**
   * Per building: id, ground and roof height, footprint in the grid's CRS and in CRS84 (2D WKB),
   * then its exposure (maximum depth, first times over 0.1 m and 0.5 m, time over each).
   */
  static void writeBuildings(
      List<SiteBuilding> buildings, List<BuildingExposure> exposures, Path file)
      throws IOException {
    WKBWriter wkb = new WKBWriter(2);
    try (DataOutputStream out = output(file)) {
      out.writeInt(BUILDINGS_MAGIC);
      out.writeInt(VERSION);
      out.writeInt(buildings.size());
      for (int i = 0; i < buildings.size(); i++) {
        SiteBuilding b = buildings.get(i);
        BuildingExposure e = exposures.get(i);
        out.writeUTF(b.id());
        out.writeDouble(b.groundHeightMetres());
        out.writeDouble(b.roofHeightMetres());
        bytes(out, wkb.write(b.footprint()));
        bytes(out, wkb.write(b.lonLatFootprint()));
        out.writeUTF(e.id());
        out.writeDouble(e.maxDepthMetres());
        out.writeDouble(e.firstOver10cmSeconds());
        out.writeDouble(e.firstOver50cmSeconds());
        out.writeDouble(e.secondsOver10cm());
        out.writeDouble(e.secondsOver50cm());
      }
    }
  }

  /** What {@link #writeBuildings} wrote. */
  record Buildings(List<SiteBuilding> buildings, List<BuildingExposure> exposures) {}

  static Buildings readBuildings(Path file) throws IOException {
    WKBReader wkb = new WKBReader();
    try (DataInputStream in = input(file, BUILDINGS_MAGIC)) {
      int n = count(in, file);
      List<SiteBuilding> buildings = new ArrayList<>(n);
      List<BuildingExposure> exposures = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String id = in.readUTF();
        double ground = in.readDouble();
        double roof = in.readDouble();
        Geometry footprint = geometry(wkb, in, file);
        Geometry lonLat = geometry(wkb, in, file);
        buildings.add(new SiteBuilding(id, footprint, lonLat, ground, roof));
        exposures.add(
            new BuildingExposure(
                in.readUTF(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble()));
      }
      end(in, file);
      return new Buildings(buildings, exposures);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " holds a bad building: " + e.getMessage(), e);
    }
  }

  /** Gauges (name, x, y), recording times, then depths as float32 row by row. */
  static void writeGauges(GaugeSeries s, Path file) throws IOException {
    try (DataOutputStream out = output(file)) {
      out.writeInt(GAUGES_MAGIC);
      out.writeInt(VERSION);
      out.writeInt(s.gauges().size());
      for (Gauge g : s.gauges()) {
        out.writeUTF(g.name());
        out.writeDouble(g.x());
        out.writeDouble(g.y());
      }
      out.writeInt(s.size());
      for (int i = 0; i < s.size(); i++) {
        out.writeDouble(s.timeSeconds(i));
      }
      for (int i = 0; i < s.size(); i++) {
        for (int g = 0; g < s.gauges().size(); g++) {
          out.writeFloat((float) s.depthMetres(i, g)); // stored as float: exact
        }
      }
    }
  }

  static GaugeSeries readGauges(Path file) throws IOException {
    try (DataInputStream in = input(file, GAUGES_MAGIC)) {
      int n = count(in, file);
      List<Gauge> gauges = new ArrayList<>(n);
      for (int g = 0; g < n; g++) {
        gauges.add(new Gauge(in.readUTF(), in.readDouble(), in.readDouble()));
      }
      int samples = count(in, file);
      double[] times = new double[samples];
      for (int i = 0; i < samples; i++) {
        times[i] = in.readDouble();
      }
      float[][] depths = new float[samples][n];
      for (int i = 0; i < samples; i++) {
        for (int g = 0; g < n; g++) {
          depths[i][g] = in.readFloat();
        }
      }
      end(in, file);
      return GaugeSeries.of(gauges, times, depths);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " holds a bad gauge: " + e.getMessage(), e);
    }
  }

  private static DataOutputStream output(Path file) throws IOException {
    return new DataOutputStream(
        new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)));
  }

  private static DataInputStream input(Path file, int magic) throws IOException {
    DataInputStream in =
        new DataInputStream(
            new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16)));
    try {
      if (in.readInt() != magic) {
        throw new IOException(file + " is not a kept flood run file of its kind");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException(file + " has version " + version + ", not " + VERSION);
      }
      return in;
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  private static int count(DataInputStream in, Path file) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 10_000_000) {
      throw new IOException(file + " gives a count of " + n);
    }
    return n;
  }

  /** Reads to the end, so that GZIP checks its CRC-32 and length, and refuses trailing data. */
  private static void end(DataInputStream in, Path file) throws IOException {
    if (in.read() != -1) {
      throw new IOException(file + " holds more than it should");
    }
  }

  private static void bytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static Geometry geometry(WKBReader wkb, DataInputStream in, Path file)
      throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 64 * 1024 * 1024) {
      throw new IOException(file + " gives a geometry of " + n + " bytes");
    }
    try {
      return wkb.read(in.readNBytes(n));
    } catch (ParseException e) {
      throw new IOException(file + " holds a bad geometry: " + e.getMessage(), e);
    }
  }
}
