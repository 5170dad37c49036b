package org.citytwin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.citytwin.model.CityObject;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Behaviour across processes: the file lock, and recovery after a crash at each phase of an import
 * (writing staged batches, deleting the replaced dataset).
 */
class StoreProcessTest {

  private static final double OLD_LON = 135.5;

  @TempDir Path directory;

  @Test
  void secondProcessGetsAClearInUseError() throws Exception {
    try (TwinStore store = TwinStore.open(directory)) {
      store.version();
    }
    Process other = start("hold");
    try {
      assertEquals("open", firstLine(other));
      StoreException e = assertThrows(StoreException.class, () -> TwinStore.open(directory));
      assertEquals(
          "store " + directory.toAbsolutePath().normalize() + " is in use by another process",
          e.getMessage());
    } finally {
      other.getOutputStream().close();
      assertTrue(other.waitFor(60, TimeUnit.SECONDS), "holding process did not exit");
    }
    try (TwinStore store = TwinStore.open(directory)) {
      assertEquals(0, store.version());
    }
  }

  /**
   * A child importing {@link StoreProcess#OBJECTS} objects is halted early (one committed batch and
   * part of the next), in the middle (mid-batch) and with everything written but not committed:
   * each time the store reopens with exactly the content it had, and bbox queries go through the
   * R-tree and find the right objects.
   */
  @ParameterizedTest
  @ValueSource(ints = {300, 10_050, StoreProcess.OBJECTS})
  void processDyingMidImportLeavesTheStoreAsBefore(int haltAfter) throws Exception {
    List<CityObject> original = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      original.add(StoreProcess.gridBox("old_", OLD_LON, i));
    }
    List<Dataset> before = new ArrayList<>();
    try (TwinStore store = TwinStore.open(directory)) {
      before.add(TwinStoreTest.importAll(store, "a.gml", original));
      before.add(TwinStoreTest.importAll(store, "b.gml", original.subList(0, 10)));
    }
    Process crashing = start("crash", Integer.toString(haltAfter));
    assertEquals("written", firstLine(crashing));
    assertTrue(crashing.waitFor(120, TimeUnit.SECONDS), "crashing process did not exit");
    assertEquals(StoreProcess.HALTED, crashing.exitValue());
    try (TwinStore store = TwinStore.open(directory)) {
      assertEquals(before, store.datasets());
      assertEquals(2, store.version());
      assertEquals(2010, store.count(Filter.all()));
      assertEquals(0, store.count(new Filter.Like("gml_id", "new%")));
      assertGridQueries(store, "old_", OLD_LON, 2);
      assertEquals(0, store.count(gridCorner(StoreProcess.NEW_LON)));
    }
    assertNoStagedRows();
  }

  /**
   * A child is halted right after its second import of {@code a.gml} committed, while the replaced
   * first import's objects are being deleted: the store reopens with the second import live and
   * nothing of the first left.
   */
  @Test
  void processDyingWhileDeletingTheReplacedDatasetKeepsTheNewOne() throws Exception {
    Process crashing = start("crash-in-purge");
    assertEquals("halting during purge", firstLine(crashing));
    assertTrue(crashing.waitFor(120, TimeUnit.SECONDS), "crashing process did not exit");
    assertEquals(StoreProcess.HALTED, crashing.exitValue());
    try (TwinStore store = TwinStore.open(directory)) {
      List<Dataset> datasets = store.datasets();
      assertEquals(1, datasets.size());
      assertEquals(StoreProcess.OBJECTS, datasets.get(0).objectCount());
      assertEquals(2, datasets.get(0).version());
      assertEquals(2, store.version());
      assertEquals(StoreProcess.OBJECTS, store.count(Filter.all()));
      assertEquals(StoreProcess.OBJECTS, store.count(new Filter.Like("gml_id", "new%")));
      assertGridQueries(store, "new_", StoreProcess.NEW_LON, 1);
      assertEquals(0, store.count(gridCorner(StoreProcess.MID_LON)));
    }
    assertNoStagedRows();
  }

  /** The 10 x 10 corner of the grid at {@code lon}, by bbox and by polygon, through the R-tree. */
  private static void assertGridQueries(TwinStore store, String prefix, double lon, int datasets)
      throws Exception {
    Filter corner = gridCorner(lon);
    assertTrue(store.plan(corner).contains("CITY_OBJECT_FOOTPRINT"), store.plan(corner));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 2000 && expected.size() < 100; i++) {
      if (i % 200 < 10) {
        expected.add(prefix + i);
      }
    }
    // b.gml repeats the first ten objects, in the corner too.
    List<String> found =
        store.list(Query.of(corner).page(1000, 0)).stream()
            .filter(o -> o.datasetSourceName().equals("a.gml"))
            .map(o -> o.object().gmlId())
            .sorted()
            .toList();
    assertEquals(expected.stream().sorted().toList(), found);
    assertEquals(datasets == 2 ? 110 : 100, store.count(corner));
  }

  private static Filter gridCorner(double lon) {
    return new Filter.BboxIntersects(lon - 1e-5, 34.6 - 1e-5, lon + 9.1e-4, 34.6 + 9.1e-4);
  }

  /** Reopening purged every staged and replaced dataset with all its rows. */
  private void assertNoStagedRows() throws Exception {
    try (TwinStore store = TwinStore.open(directory)) {
      assertEquals(0, store.hiddenRowCount());
    }
  }

  private Process start(String mode, String... arguments) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                StoreProcess.class.getName(),
                mode,
                directory.toString()));
    command.addAll(List.of(arguments));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static String firstLine(Process process) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = reader.readLine();
    return line == null ? "<process ended: " + waitQuietly(process) + ">" : line;
  }

  private static String waitQuietly(Process process) {
    try {
      return "exit " + process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
