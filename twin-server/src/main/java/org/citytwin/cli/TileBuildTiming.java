package org.citytwin.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;
import org.citytwin.model.Mesh;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import org.citytwin.tiles.TileContentBuilder;
import org.citytwin.tiles.TilesetBuilder;
import org.citytwin.tiles.TilesetLayout;

/**
 * The first half of {@code twin bench tiles}: a bare read of every building with its meshes on one
 * thread (the baseline: what any tiler must at least do), then the whole 3D tileset exported cold
 * into a temporary directory on one thread per processor, with the ratio of their times and the GLB
 * bytes per building. The store read comes first, so both find the database file equally warm in
 * the operating system's cache.
 */
final class TileBuildTiming {
  /** Goal: GLB bytes per LOD1 building. */
  static final int GOAL_BYTES_PER_LOD1_BUILDING = 1536;

  /** Goal: seconds for the whole tileset of about 100,000 buildings on 2 cores. */
  static final int GOAL_SECONDS_PER_100K = 60;

  private TileBuildTiming() {}

  static void measure(TwinStore store, TilesetBuilder builder, PrintStream out)
      throws StoreException, IOException {
    LongAdder buildings = new LongAdder();
    LongAdder lod1 = new LongAdder();
    LongAdder triangles = new LongAdder();
    long start = System.nanoTime();
    store.query(
        Query.of(new Filter.TypeIn(TilesetLayout.TYPES)).withGeometry(true),
        stored -> {
          Mesh mesh = TileContentBuilder.tileMesh(stored.object());
          if (mesh != null) {
            buildings.increment();
            triangles.add(mesh.triangleCount());
            if (mesh.lod() == 1) {
              lod1.increment();
            }
          }
        });
    double readSeconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        "store read (baseline): %,d buildings with meshes (%,d shown at LOD1, %,d triangles)"
            + " in %.1f s: %,.0f buildings/s%n",
        buildings.sum(), lod1.sum(), triangles.sum(), readSeconds, buildings.sum() / readSeconds);
    out.flush();

    Path directory = Files.createTempDirectory("twin-bench-tileset");
    try {
      start = System.nanoTime();
      int threads = Runtime.getRuntime().availableProcessors();
      TilesetBuilder.ExportSummary summary = builder.export(directory, threads);
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf(
          "3D tileset, cold (export-tiles path, %d threads): %,d tiles with content, %,d buildings in %.1f s:"
              + " %,.0f buildings/s; %.2fx the store read's time (goal: %d s per 100,000"
              + " buildings on 2 cores, here %.1f s per 100,000)%n",
          threads,
          summary.tiles(),
          summary.buildings(),
          seconds,
          summary.buildings() / seconds,
          seconds / readSeconds,
          GOAL_SECONDS_PER_100K,
          seconds * 100_000 / summary.buildings());
      out.printf(
          "tileset size: %,d GLB bytes, %.0f bytes per building (%s; goal <= %,d per LOD1"
              + " building)%n",
          summary.glbBytes(),
          (double) summary.glbBytes() / summary.buildings(),
          lod1.sum() == buildings.sum()
              ? "all shown at LOD1"
              : lod1.sum() + " of " + buildings.sum() + " shown at LOD1",
          GOAL_BYTES_PER_LOD1_BUILDING);
    } finally {
      BenchImportCommand.deleteRecursively(directory);
    }
  }
}
