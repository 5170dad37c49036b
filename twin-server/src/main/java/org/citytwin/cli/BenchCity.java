package org.citytwin.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.citytwin.model.CityObjectType;
import org.citytwin.query.Filter;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import picocli.CommandLine.Option;

/**
 * The city a read benchmark runs on, as options mixed into its command: the given store when it
 * holds buildings, else a temporary store of synthetic copies of the sample. Maps failures to exit
 * codes with the command's name.
 */
final class BenchCity {

  /** A benchmark over an open store; returns its exit code. */
  @FunctionalInterface
  interface Bench {
    int run(TwinStore store, PrintStream out) throws Exception;
  }

  @Option(
      names = "--store",
      paramLabel = "DIR",
      description = "An existing store to use (default: build a temporary one).")
  Path storeDirectory;

  @Option(
      names = "--sample",
      paramLabel = "PATH",
      defaultValue = "data/citygml",
      description =
          "CityGML file or directory to copy for a temporary store (default ${DEFAULT-VALUE}).")
  Path sample;

  @Option(
      names = "--copies",
      defaultValue = "70",
      description =
          "Copies of --sample in a temporary store (default ${DEFAULT-VALUE}: about 103,000 buildings).")
  int copies;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Import threads for a temporary store (default: cores).")
  Integer threads;

  /** What is wrong with these options, or null when nothing is. */
  String check() {
    if (storeDirectory != null && !Files.isDirectory(storeDirectory)) {
      return "--store "
          + storeDirectory
          + " is not a directory (leave --store out for a temporary store)";
    }
    if (copies < 1) {
      return "--copies must be >= 1, was " + copies;
    }
    return null;
  }

  /**
   * Runs {@code bench} on the city these options name.
   *
   * @param command the command's name for messages, for example {@code twin bench http}
   * @param buildingTypes the types that count as buildings
   */
  int run(String command, Set<CityObjectType> buildingTypes, Bench bench) throws Exception {
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
