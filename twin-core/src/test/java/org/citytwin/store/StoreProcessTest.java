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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.citytwin.model.CityObject;
import org.citytwin.query.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour across processes: the file lock and recovery after a crash mid-import. */
class StoreProcessTest {

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

  @Test
  void processDyingMidImportLeavesTheStoreAsBefore() throws Exception {
    List<CityObject> original = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      original.add(BoxBuildings.box("old_" + i, 135.5, 34.6, 10, 10, 0, 5, Map.of(), List.of()));
    }
    Dataset before;
    try (TwinStore store = TwinStore.open(directory)) {
      before = TwinStoreTest.importAll(store, "a.gml", original);
    }
    Process crashing = start("crash");
    assertEquals("written", firstLine(crashing));
    assertTrue(crashing.waitFor(60, TimeUnit.SECONDS), "crashing process did not exit");
    assertEquals(3, crashing.exitValue());
    try (TwinStore store = TwinStore.open(directory)) {
      assertEquals(List.of(before), store.datasets());
      assertEquals(1, store.version());
      assertEquals(30, store.count(Filter.all()));
      assertEquals(0, store.count(new Filter.Like("gml_id", "new%")));
    }
  }

  private Process start(String mode) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            StoreProcess.class.getName(),
            mode,
            directory.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
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
