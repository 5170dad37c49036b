package org.citytwin.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.citytwin.model.CityObjectType;
import org.citytwin.query.Filter;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;

/**
 * The city a read benchmark runs on: the given store when it holds buildings, else a temporary
 * store of the synthetic city made from the sample. Maps failures to exit codes with the command's
 * name.
 */
final class BenchCity {

  /** A benchmark over an open store; returns its exit code. */
  @FunctionalInterface
  interface Bench {
    int run(TwinStore store, PrintStream out) throws Exception;
  }

  private BenchCity() {}

  /**
   * @param command the command's name for messages, for example {@code twin bench http}
   * @param storeDirectory the store to use, or null for a temporary one
   * @param buildingTypes the types that count as buildings
   * @param threads import threads for a temporary store, or null for one per core
   */
  static int run(
      String command,
      Path storeDirectory,
      Set<CityObjectType> buildingTypes,
      Path sample,
      int copies,
      Integer threads,
      Bench bench)
      throws Exception {
    PrintStream out = System.out;
    try {
      if (storeDirectory != null) {
        try (TwinStore store = TwinStore.open(storeDirectory)) {
          if (store.count(new Filter.TypeIn(buildingTypes)) > 0) {
            return bench.run(store, out);
          }
          out.println("store " + storeDirectory + " has no buildings: building a temporary one");
        }
      }
      int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
      try (TemporaryCity city = TemporaryCity.build(List.of(sample), copies, workers, out)) {
        return bench.run(city.store(), out);
      }
    } catch (StoreException e) {
      System.err.println(command + ": " + e.getMessage());
      return ExitCodes.STORE_FAILED;
    } catch (IOException | XMLStreamException e) {
      System.err.println(command + ": " + e.getMessage());
      return ExitCodes.INPUT_REJECTED;
    }
  }
}
