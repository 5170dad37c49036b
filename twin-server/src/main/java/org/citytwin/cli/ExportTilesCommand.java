package org.citytwin.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import org.citytwin.tiles.GeoidModel;
import org.citytwin.tiles.TilesetBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code twin export-tiles}: the buildings tileset the server serves (or with {@code --relief} its
 * relief tileset), as static files.
 */
@Command(
    name = "export-tiles",
    mixinStandardHelpOptions = true,
    description = {
      "Write the buildings as a 3D Tiles 1.1 tileset (tileset.json and one GLB per leaf).",
      "Example: twin export-tiles --store twin-store --out target/tiles",
      "With --relief, the relief (TIN) tileset instead: one leaf per relief object."
    })
final class ExportTilesCommand implements Callable<Integer> {
  @Mixin StoreOption store;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path output;

  @Option(
      names = "--max-per-leaf",
      defaultValue = "" + TilesetBuilder.DEFAULT_MAX_PER_LEAF,
      description = "Most buildings per leaf tile (default ${DEFAULT-VALUE}).")
  int maxPerLeaf;

  @Option(
      names = "--relief",
      description = "Write the relief (TIN) tileset instead of the buildings'.")
  boolean relief;

  @Option(
      names = "--geoid",
      paramLabel = "GTX",
      description =
          "Geoid grid (.gtx) turning orthometric into ellipsoidal heights"
              + " (default: /usr/share/proj/egm96_15.gtx from Debian's proj-data).")
  Path geoidGrid;

  @Option(
      names = "--geoid-height",
      paramLabel = "METRES",
      description =
          "Use this constant geoid height instead of a grid (about 36.7 around Osaka);"
              + " also the fallback when no grid is found.")
  Double geoidHeightMetres;

  @Override
  public Integer call() {
    GeoidModel geoid;
    try {
      geoid = geoid();
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("twin export-tiles: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    try (TwinStore twin = TwinStore.open(store.directory)) {
      long start = System.nanoTime();
      TilesetBuilder builder =
          relief
              ? TilesetBuilder.relief(twin, geoid)
              : new TilesetBuilder(twin, new TilesetBuilder.Options(maxPerLeaf, geoid));
      TilesetBuilder.ExportSummary summary = builder.export(output);
      System.out.printf(
          "wrote %d tiles with %d %s (%d GLB bytes, %.0f per object) to %s in %.1f s"
              + "; heights: %s; %d degenerate triangles left out%n",
          summary.tiles(),
          summary.buildings(),
          relief ? "relief objects" : "buildings",
          summary.glbBytes(),
          summary.buildings() == 0 ? 0.0 : (double) summary.glbBytes() / summary.buildings(),
          output,
          (System.nanoTime() - start) / 1e9,
          geoid.description(),
          summary.degenerateTriangles());
      return ExitCodes.OK;
    } catch (StoreException | IllegalStateException e) {
      System.err.println("twin export-tiles: " + e.getMessage());
      return ExitCodes.STORE_FAILED;
    } catch (IOException e) {
      System.err.println("twin export-tiles: cannot write " + output + ": " + e.getMessage());
      return ExitCodes.STORE_FAILED;
    }
  }

  private GeoidModel geoid() throws IOException {
    if (geoidGrid != null && geoidHeightMetres != null) {
      throw new IllegalArgumentException("give either --geoid or --geoid-height, not both");
    }
    if (geoidGrid != null) {
      return GeoidModel.grid(geoidGrid);
    }
    if (geoidHeightMetres != null) {
      return GeoidModel.constant(geoidHeightMetres);
    }
    return GeoidModel.egm96OrConstant(36.7);
  }
}
