package org.citytwin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first stop after {@code twin serve} imported the sample city must not compact the freshly
 * written store file: that took 10-30 s, past a container's grace period. The import compacts it
 * before the server starts instead. Checked through the file, not the clock: a stop that still
 * compacted would shrink the file by a third (23 -> 14 MB on the full sample).
 */
class ServeStopTest {
  private static final Path SAMPLE = Path.of("..", "data", "citygml");

  @Test
  void storeIsCompactedBeforeServingSoTheStopHasLittleToDo(@TempDir Path temp) throws Exception {
    Path sample = Files.createDirectories(temp.resolve("sample"));
    for (String tile : List.of("51357346_bldg_6697_op.gml", "51357346_tran_6697_op.gml")) {
      Files.copy(SAMPLE.resolve(tile), sample.resolve(tile));
    }
    Path store = temp.resolve("store");
    Path file = store.resolve("twin.mv.db");

    long whileServing;
    int exit;
    try (ServerProcess server = ServerProcess.start(store, sample, List.of())) {
      whileServing = Files.size(file);
      exit = server.stop();
    }
    long afterStop = Files.size(file);

    // 128 + 15: the JVM ran its shutdown hooks and ended on the SIGTERM; 137 would mean the
    // test gave up after 60 s and killed it.
    assertEquals(143, exit, "exit code of twin serve after SIGTERM");
    assertTrue(
        afterStop > whileServing * 0.9,
        "the stop compacted the store from " + whileServing + " to " + afterStop + " bytes");
  }
}
