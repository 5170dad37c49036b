package org.citytwin.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.citytwin.citygml.CityGmlParser;
import org.citytwin.citygml.CityGmlSource;
import org.citytwin.citygml.CityGmlSources;
import org.citytwin.load.CityImporter;
import org.citytwin.load.ImportListener;
import org.citytwin.load.ImportSummary;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code twin import}: loads CityGML files, directories or zip archives into the store. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import CityGML 1.0/2.0/3.0 files, directories (recursive) and zip archives.",
      "Each file is one dataset, imported atomically; importing a file again replaces it.",
      "Exit codes: 0 imported, 2 bad command line, 3 some input rejected, 4 store failed."
    })
final class ImportCommand implements Callable<Integer> {
  @Mixin StoreOption store;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description =
          "CityGML files, directories or zip archives (default: the bundled sample, ${DEFAULT-VALUE}).",
      defaultValue = "data/citygml")
  List<Path> paths;

  @Option(
      names = "--crs",
      paramLabel = "SRS",
      description =
          "Force this CRS for every geometry, for files that declare a wrong or no srsName (e.g. EPSG:6697).")
  String crsOverride;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Parser threads (default: number of cores).")
  Integer threads;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar or summary; errors only.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    List<CityGmlSource> sources;
    try {
      sources = CityGmlSources.expand(paths);
    } catch (IOException e) {
      System.err.println("twin import: " + e.getMessage());
      return ExitCodes.INPUT_REJECTED;
    }
    int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    try (TwinStore twin = TwinStore.open(store.directory);
        CityGmlParser parser = new CityGmlParser(workers, crsOverride);
        ImportProgress progress = quiet ? null : new ImportProgress(sources)) {
      ImportListener listener = progress != null ? progress : ImportListener.SILENT;
      ImportSummary summary = new CityImporter(twin, parser, listener).importAll(sources);
      if (progress != null) {
        progress.close();
        new SummaryPrinter(out).print(summary);
      }
      summary.failures().forEach(f -> System.err.println("twin import: rejected " + f.failure()));
      return summary.failures().isEmpty() ? ExitCodes.OK : ExitCodes.INPUT_REJECTED;
    } catch (StoreException e) {
      System.err.println("twin import: " + e.getMessage());
      return ExitCodes.STORE_FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.err.println("twin import: interrupted; the dataset being imported was rolled back");
      return ExitCodes.STORE_FAILED;
    }
  }
}
