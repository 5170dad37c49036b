package org.citytwin.http.flood;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.http.HttpProblem;
import org.citytwin.scenario.ScenarioChecks;
import org.citytwin.scenario.UploadedGrid;
import org.citytwin.terrain.CityTerrainBuilder;
import org.citytwin.terrain.EsriAsciiGrid;
import org.citytwin.terrain.GeoRaster;
import org.citytwin.terrain.GeoTiff;
import org.citytwin.terrain.GridFormatException;
import org.citytwin.terrain.Raster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grids clients uploaded (DEMs and initial water levels), in memory and kept on disk under the
 * store's directory so that they survive a restart: at most {@link #MAX_KEPT}, each at most {@link
 * #MAX_BYTES} as a file and {@link FloodJobs#MAX_CELLS} cells. An upload is checked completely
 * before it is kept; every refusal is a 4xx problem naming what is wrong with the file.
 */
final class UploadedGrids {
  private static final Logger LOG = LoggerFactory.getLogger(UploadedGrids.class);

  /** Largest file accepted: a 4-million-cell ASCII grid at about 16 characters a value. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  static final int MAX_KEPT = 8;

  /**
   * Cell sizes an upload may have, metres: a lidar DEM of 0.1 m to a coarse 1 km grid. A run
   * resamples a grid to its own cells ({@code cellSize}, 1 to 20 m), which a scenario on a DEM with
   * cells outside that range must give.
   */
  static final double MIN_CELL = 0.1;

  static final double MAX_CELL = 1000;

  /** Plausible elevations and water levels, metres: beyond them a file has an unmarked NODATA. */
  static final double MIN_VALUE = ScenarioChecks.MIN_VALUE;

  static final double MAX_VALUE = ScenarioChecks.MAX_VALUE;

  private final Map<String, UploadedGrid> grids = new ConcurrentHashMap<>();

  /** Where accepted uploads are kept across restarts. */
  private final Path directory;

  /**
   * Grids kept in {@code directory} too: each accepted upload as {@code <id>.grid} (the file as
   * sent) and {@code <id>.json} (its format, EPSG code, size and time), read back here on start
   * through the same checks as an upload. A pair that no longer reads is logged and skipped.
   */
  UploadedGrids(Path directory) throws IOException {
    this.directory = Files.createDirectories(directory);
    try (var files = Files.list(directory)) {
      for (Path meta : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        try {
          UploadedGrid grid = reload(meta);
          grids.put(grid.id(), grid);
        } catch (IOException | HttpProblem | IllegalArgumentException e) {
          LOG.warn("skipped kept grid {}: {}", meta, e.getMessage());
        }
      }
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private UploadedGrid reload(Path meta) throws IOException {
    com.fasterxml.jackson.databind.JsonNode m = JSON.readTree(meta.toFile());
    String id = meta.getFileName().toString().replaceFirst("\\.json$", "");
    Path file = directory.resolve(id + ".grid");
    boolean tiff = isTiff(file);
    GeoRaster read = read(file, tiff);
    LocalMetricFrame frame = frame(read.epsgCode(), m.path("epsg").asInt(), tiff);
    Raster raster = read.raster();
    check(raster);
    return new UploadedGrid(
        id,
        tiff ? "geotiff" : "ascii",
        raster,
        frame,
        lonLatBox(frame, raster),
        Files.size(file),
        Instant.parse(m.path("created").asText()));
  }

  /** Moves an accepted upload into the directory with its description, replacing the temp file. */
  private void keep(UploadedGrid grid, Path file) throws IOException {
    Files.move(file, directory.resolve(grid.id() + ".grid"));
    com.fasterxml.jackson.databind.node.ObjectNode m = JSON.createObjectNode();
    m.put("format", grid.format());
    m.put("epsg", grid.frame().epsgCode());
    m.put("bytes", grid.bytes());
    m.put("created", grid.created().toString());
    Path tmp = directory.resolve(grid.id() + ".json.tmp");
    JSON.writeValue(tmp.toFile(), m);
    Files.move(
        tmp, directory.resolve(grid.id() + ".json"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Reads, checks and keeps an uploaded grid.
   *
   * @param body the file: a GeoTIFF (recognised by its byte order mark) or an ESRI ASCII grid
   * @param epsg the {@code crs} parameter: required for an ASCII grid, optional for a GeoTIFF
   *     (which must then name the same CRS); null when not given
   */
  UploadedGrid add(InputStream body, Integer epsg) throws IOException {
    if (grids.size() >= MAX_KEPT) {
      throw HttpProblem.conflict(
          grids.size()
              + " grids are uploaded, the most kept; delete one (DELETE /flood/dems/{id}) first");
    }
    Path file = Files.createTempFile("twin-grid-", ".upload");
    try {
      long bytes = copy(body, file);
      if (bytes == 0) {
        throw HttpProblem.badParameter(
            "body", "the body is empty; send the grid file itself (GeoTIFF or ESRI ASCII grid)");
      }
      boolean tiff = isTiff(file);
      GeoRaster read = read(file, tiff);
      LocalMetricFrame frame = frame(read.epsgCode(), epsg, tiff);
      Raster raster = read.raster();
      check(raster);
      UploadedGrid grid =
          new UploadedGrid(
              UUID.randomUUID().toString(),
              tiff ? "geotiff" : "ascii",
              raster,
              frame,
              lonLatBox(frame, raster),
              bytes,
              Instant.now());
      synchronized (this) {
        if (grids.size() >= MAX_KEPT) {
          throw HttpProblem.conflict("the most grids are uploaded; delete one first");
        }
        keep(grid, file);
        grids.put(grid.id(), grid);
      }
      return grid;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static long copy(InputStream body, Path file) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int n; (n = body.read(buffer)) >= 0; ) {
        total += n;
        if (total > MAX_BYTES) {
          throw HttpProblem.tooLarge(
              "body", "the grid file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
        }
        out.write(buffer, 0, n);
      }
    }
    return total;
  }

  /** TIFF files start with {@code II*\0} or {@code MM\0*}. */
  private static boolean isTiff(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4);
      return head.length == 4
          && ((head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0)
              || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42));
    }
  }

  private static GeoRaster read(Path file, boolean tiff) throws IOException {
    try {
      return tiff
          ? GeoTiff.read(file, ScenarioChecks.MAX_CELLS)
          : new GeoRaster(EsriAsciiGrid.read(file, ScenarioChecks.MAX_CELLS), -1);
    } catch (GridFormatException e) {
      throw HttpProblem.badParameter("body", problem(file, e.getMessage(), tiff));
    } catch (CharacterCodingException e) {
      throw HttpProblem.badParameter(
          "body",
          "the file is neither a TIFF nor a text (ESRI ASCII) grid: it holds bytes that are not"
              + " ASCII");
    } catch (RuntimeException e) {
      // the TIFF library's own checks on a malformed file; the client's fault, not the server's
      LOG.debug("unreadable grid upload", e);
      throw HttpProblem.badParameter(
          "body", (tiff ? "the GeoTIFF" : "the ASCII grid") + " cannot be read: " + e);
    }
  }

  /** The reader's message without the temporary file's name. */
  private static String problem(Path file, String message, boolean tiff) {
    String name = file.toString();
    String where = message.startsWith(name) ? message.substring(name.length()) : ": " + message;
    return (tiff ? "GeoTIFF" : "ESRI ASCII grid") + where.replaceFirst("^:(\\d+):", " line $1:");
  }

  private static LocalMetricFrame frame(int fileEpsg, Integer epsg, boolean tiff) {
    if (epsg == null && fileEpsg < 1) {
      throw HttpProblem.badParameter(
          "crs",
          (tiff ? "the GeoTIFF names no EPSG code" : "an ESRI ASCII grid has no CRS")
              + "; give it as ?crs=EPSG code of its projected CRS (e.g. 6674)");
    }
    if (epsg != null && fileEpsg > 0 && fileEpsg != epsg) {
      throw HttpProblem.badParameter(
          "crs", "crs " + epsg + " differs from the GeoTIFF's EPSG:" + fileEpsg);
    }
    int code = epsg != null ? epsg : fileEpsg;
    try {
      return LocalMetricFrame.ofEpsg(code);
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badParameter(
          "crs", e.getMessage() + "; a grid must be in a projected CRS in metres");
    }
  }

  private static void check(Raster raster) {
    double cell = raster.geometry().cellSizeMetres();
    if (!(cell >= MIN_CELL && cell <= MAX_CELL)) {
      throw HttpProblem.badParameter(
          "body",
          String.format(
              Locale.ROOT,
              "cells of %s m; an uploaded grid has cells of %s to %s m",
              cell,
              MIN_CELL,
              MAX_CELL));
    }
    int data = 0;
    for (int i = 0; i < raster.geometry().cellCount(); i++) {
      float v = raster.value(i);
      if (Float.isNaN(v)) {
        continue;
      }
      data++;
      if (!(v >= MIN_VALUE && v <= MAX_VALUE)) {
        int ncols = raster.geometry().ncols();
        throw HttpProblem.badParameter(
            "body",
            String.format(
                Locale.ROOT,
                "cell (column %d, row %d) holds %s, outside %.0f to %.0f m: mark missing cells"
                    + " as NODATA",
                i % ncols,
                i / ncols,
                v,
                MIN_VALUE,
                MAX_VALUE));
      }
    }
    if (data == 0) {
      throw HttpProblem.badParameter("body", "every cell is NODATA");
    }
  }

  private static org.citytwin.query.Filter.BboxIntersects lonLatBox(
      LocalMetricFrame frame, Raster raster) {
    try {
      return CityTerrainBuilder.lonLatBox(frame, raster.geometry());
    } catch (CoordinateConversionException | IllegalArgumentException e) {
      throw HttpProblem.badParameter(
          "body", "the grid's extent cannot be placed on the globe in " + frame.identifier());
    }
  }

  Optional<UploadedGrid> get(String id) {
    return Optional.ofNullable(grids.get(id));
  }

  /** The grids, oldest first. */
  List<UploadedGrid> list() {
    List<UploadedGrid> all = new ArrayList<>(grids.values());
    all.sort((a, b) -> a.created().compareTo(b.created()));
    return all;
  }

  /** Forgets a grid, and its files when kept on disk. */
  boolean remove(String id) throws IOException {
    UploadedGrid removed = grids.remove(id);
    if (removed != null) {
      Files.deleteIfExists(directory.resolve(removed.id() + ".json"));
      Files.deleteIfExists(directory.resolve(removed.id() + ".grid"));
    }
    return removed != null;
  }
}
