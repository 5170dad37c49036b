package org.citytwin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.citytwin.citygml.CityGmlParser;
import org.citytwin.citygml.CityGmlSources;
import org.citytwin.citygml.Fixtures;
import org.citytwin.load.CityImporter;
import org.citytwin.load.ImportListener;
import org.citytwin.query.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing a store after an import rewrites its file compactly; closing after reads does not. */
class CompactOnCloseTest {
  private static final Path TILE = Fixtures.osakaDirectory().resolve("51357346_bldg_6697_op.gml");

  @Test
  void closeAfterAnImportShrinksTheFileAndReimportsDoNotGrowIt(@TempDir Path directory)
      throws Exception {
    Path file = directory.resolve("twin.mv.db");
    long[] afterClose = new long[3];
    long objects = 0;
    for (int round = 0; round < afterClose.length; round++) {
      long beforeClose;
      try (TwinStore store = TwinStore.open(directory)) {
        importTile(store);
        objects = store.count(Filter.all());
        beforeClose = Files.size(file);
      }
      afterClose[round] = Files.size(file);
      assertTrue(
          afterClose[round] < beforeClose / 2,
          "round " + round + ": file " + beforeClose + " -> " + afterClose[round] + " bytes");
    }
    assertTrue(
        afterClose[2] < afterClose[0] * 1.2,
        "re-imports of the same tile grew the file: " + List.of(afterClose[0], afterClose[2]));
    try (TwinStore store = TwinStore.open(directory)) {
      assertEquals(objects, store.count(Filter.all()), "objects after the compaction");
    }
  }

  @Test
  void closeAfterReadsOnlyLeavesTheFileAsItWas(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("twin.mv.db");
    try (TwinStore store = TwinStore.open(directory)) {
      importTile(store);
    }
    long compacted = Files.size(file);
    try (TwinStore store = TwinStore.open(directory)) {
      assertTrue(store.count(Filter.all()) > 0);
    }
    assertTrue(
        Files.size(file) < compacted * 1.1,
        "a read-only session grew the file " + compacted + " -> " + Files.size(file));
  }

  @Test
  void closeWithoutCompactingLeavesTheImportAsWritten(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("twin.mv.db");
    TwinStore store = TwinStore.open(directory);
    importTile(store);
    long written = Files.size(file);
    store.closeWithoutCompacting();
    assertTrue(
        Files.size(file) > written * 0.9,
        "the file was compacted anyway: " + written + " -> " + Files.size(file));
  }

  private static void importTile(TwinStore store) throws Exception {
    try (CityGmlParser parser = new CityGmlParser(2, null)) {
      new CityImporter(store, parser, ImportListener.SILENT)
          .importAll(CityGmlSources.expand(List.of(TILE)));
    }
  }
}
