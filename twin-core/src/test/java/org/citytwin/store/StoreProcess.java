package org.citytwin.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.citytwin.model.CityObject;

/**
 * A second JVM for {@link StoreProcessTest}. Modes:
 *
 * <ul>
 *   <li>{@code hold DIR}: keeps the store open until stdin closes;
 *   <li>{@code crash DIR N}: re-imports {@code a.gml} with {@link #OBJECTS} new objects and halts
 *       after writing {@code N} of them, before the commit;
 *   <li>{@code crash-in-purge DIR}: imports {@code a.gml} twice with {@link #OBJECTS} objects (at
 *       {@link #MID_LON}, then {@link #NEW_LON}) and halts as soon as the second commit has made
 *       the first dataset {@code REPLACED}, while its objects are being deleted.
 * </ul>
 *
 * <p>Halting is {@link Runtime#halt}: no shutdown hooks, no rollback, no close, like a killed
 * process.
 */
public final class StoreProcess {

  static final int OBJECTS = 20_000;
  static final double NEW_LON = 135.40;
  static final double MID_LON = 135.44;
  static final int HALTED = 3;

  private StoreProcess() {}

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[1]);
    try (TwinStore store = TwinStore.open(directory)) {
      switch (args[0]) {
        case "hold" -> hold();
        case "crash" -> crashWhileWriting(store, Integer.parseInt(args[2]));
        case "crash-in-purge" -> crashInPurge(store, directory);
        default -> throw new IllegalArgumentException("unknown mode " + args[0]);
      }
    }
  }

  private static void hold() throws Exception {
    System.out.println("open");
    System.out.flush();
    while (System.in.read() >= 0) {
      // Wait for the parent to close our stdin.
    }
  }

  private static void crashWhileWriting(TwinStore store, int haltAfter) throws Exception {
    DatasetWriter writer = store.beginDataset(TwinStoreTest.info("a.gml"));
    for (int i = 0; i < haltAfter; i++) {
      writer.write(gridBox("new_", NEW_LON, i));
    }
    System.out.println("written");
    System.out.flush();
    Runtime.getRuntime().halt(HALTED);
  }

  private static void crashInPurge(TwinStore store, Path directory) throws Exception {
    write(store, "mid_", MID_LON);
    Thread watcher = new Thread(() -> haltWhenReplaced(directory));
    watcher.setDaemon(true);
    watcher.start();
    write(store, "new_", NEW_LON);
    System.out.println("purge finished before the watcher saw it");
    System.out.flush();
    Runtime.getRuntime().halt(HALTED + 1);
  }

  private static void write(TwinStore store, String prefix, double lon) throws Exception {
    try (DatasetWriter writer = store.beginDataset(TwinStoreTest.info("a.gml"))) {
      for (int i = 0; i < OBJECTS; i++) {
        writer.write(gridBox(prefix, lon, i));
      }
      writer.commit(Map.of());
    }
  }

  /**
   * Polls, on a connection of its own, for a replaced dataset and halts the JVM once two of its
   * delete batches have committed. (Halting on first sight of the state could beat H2's write of
   * that commit to the file, which would test a crash before the commit instead.)
   */
  private static void haltWhenReplaced(Path directory) {
    // The same URL as the store's own connections: H2 names a database by it, so another
    // prefix would open the locked file a second time.
    String url = H2Files.url(directory.toAbsolutePath().normalize().resolve("twin"));
    String sql =
        "SELECT COUNT(*) FROM city_object WHERE dataset_id IN"
            + " (SELECT id FROM dataset WHERE state = 'REPLACED')";
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      while (true) {
        try (ResultSet rows = statement.executeQuery(sql)) {
          rows.next();
          long left = rows.getLong(1);
          if (left > 0 && left < OBJECTS - 2 * DatasetTable.PURGE_BATCH) {
            System.out.println("halting during purge");
            System.out.flush();
            Runtime.getRuntime().halt(HALTED);
          }
        }
      }
    } catch (Exception e) {
      e.printStackTrace();
      Runtime.getRuntime().halt(HALTED + 2);
    }
  }

  /**
   * Object {@code i} of a grid of 5 m boxes 1e-4 degrees apart, 200 columns wide, from ({@code
   * lon}, 34.6): a box from column and row 0 to 9 meets exactly the first 10 x 10 of them.
   */
  static CityObject gridBox(String prefix, double lon, int i) {
    double x = lon + (i % 200) * 1e-4;
    double y = 34.6 + (i / 200) * 1e-4;
    return BoxBuildings.box(prefix + i, x, y, 5, 5, 0, 10, Map.of(), List.of());
  }
}
