package org.citytwin.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A second JVM for {@link StoreProcessTest}: {@code hold DIR} keeps the store open until stdin
 * closes; {@code crash DIR} re-imports {@code a.gml} with new objects and halts mid-transaction.
 */
public final class StoreProcess {

  private StoreProcess() {}

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[1]);
    try (TwinStore store = TwinStore.open(directory)) {
      if (args[0].equals("hold")) {
        System.out.println("open");
        System.out.flush();
        while (System.in.read() >= 0) {
          // Wait for the parent to close our stdin.
        }
      } else {
        DatasetWriter writer = store.beginDataset(TwinStoreTest.info("a.gml"));
        for (int i = 0; i < 1200; i++) {
          writer.write(
              BoxBuildings.box("new_" + i, 135.4, 34.6, 10, 10, 0, 10, Map.of(), List.of()));
        }
        System.out.println("written");
        System.out.flush();
        // Dies like a killed process: no shutdown hooks, no rollback, no close.
        Runtime.getRuntime().halt(3);
      }
    }
  }
}
