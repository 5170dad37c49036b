package org.citytwin.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.citytwin.citygml.CityGmlParser;
import org.citytwin.citygml.CityGmlSources;
import org.citytwin.citygml.SyntheticCity;
import org.citytwin.load.CityImporter;
import org.citytwin.load.ImportListener;
import org.citytwin.load.ImportSummary;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;

/**
 * A store holding a synthetic city, built in temporary directories for a benchmark: shifted copies
 * of sample CityGML ({@link SyntheticCity}) imported with the real importer. {@link #close()}
 * closes the store and deletes both directories (safe twice).
 */
final class TemporaryCity implements AutoCloseable {
  /** Grid step between copies, as {@code twin synth}'s default: wider than a PLATEAU tile group. */
  private static final double STEP_DEGREES = 0.05;

  private final Path files;
  private final Path storeDirectory;
  private final TwinStore store;
  private boolean closed;

  private TemporaryCity(Path files, Path storeDirectory, TwinStore store) {
    this.files = files;
    this.storeDirectory = storeDirectory;
    this.store = store;
  }

  /**
   * Writes {@code copies} copies of the .gml files among {@code inputs} and imports them with
   * {@code threads} parser threads, printing what it did and how long the import took.
   */
  static TemporaryCity build(List<Path> inputs, int copies, int threads, PrintStream out)
      throws IOException, XMLStreamException, StoreException, InterruptedException {
    List<Path> gml = SynthCommand.gmlFiles(inputs);
    if (gml.isEmpty()) {
      throw new IOException("no .gml files in " + inputs);
    }
    Path files = Files.createTempDirectory("twin-bench-http-gml");
    Path storeDirectory = null;
    TwinStore store = null;
    try {
      long start = System.nanoTime();
      List<Path> written =
          new SyntheticCity(STEP_DEGREES, STEP_DEGREES).generate(gml, copies, files);
      out.printf(
          "synthesized %d files (%d copies of %d) in %.1f s%n",
          written.size(), copies, gml.size(), (System.nanoTime() - start) / 1e9);
      storeDirectory = Files.createTempDirectory("twin-bench-http-store");
      out.printf("importing them with %d threads into %s ...%n", threads, storeDirectory);
      out.flush();
      store = TwinStore.open(storeDirectory);
      ImportSummary summary = importAll(store, files, threads);
      printImport(out, summary);
      if (!summary.failures().isEmpty()) {
        throw new IOException("the import rejected " + summary.failures().get(0).failure());
      }
      return new TemporaryCity(files, storeDirectory, store);
    } catch (IOException
        | XMLStreamException
        | StoreException
        | InterruptedException
        | RuntimeException e) {
      if (store != null) {
        store.closeWithoutCompacting();
      }
      deleteQuietly(files, e);
      deleteQuietly(storeDirectory, e);
      throw e;
    }
  }

  TwinStore store() {
    return store;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    store.closeWithoutCompacting();
    BenchImportCommand.deleteRecursively(files);
    BenchImportCommand.deleteRecursively(storeDirectory);
  }

  private static ImportSummary importAll(TwinStore store, Path files, int threads)
      throws IOException, StoreException, InterruptedException {
    try (CityGmlParser parser = new CityGmlParser(threads, null)) {
      return new CityImporter(store, parser, ImportListener.SILENT)
          .importAll(CityGmlSources.expand(List.of(files)));
    }
  }

  private static void printImport(PrintStream out, ImportSummary summary) {
    Duration elapsed = summary.elapsed();
    double seconds = elapsed.toNanos() / 1e9;
    out.printf(
        "imported %,d objects (%.1f MB) in %.1f s: %,.0f objects/s%n",
        summary.objectCount(), summary.bytes() / 1e6, seconds, summary.objectCount() / seconds);
  }

  private static void deleteQuietly(Path directory, Exception cause) {
    if (directory == null) {
      return;
    }
    try {
      BenchImportCommand.deleteRecursively(directory);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }
}
