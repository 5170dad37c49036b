package org.citytwin.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.citytwin.citygml.BareParse;
import org.citytwin.citygml.CityGmlParser;
import org.citytwin.citygml.CityGmlSource;
import org.citytwin.citygml.CityGmlSources;
import org.citytwin.load.CityImporter;
import org.citytwin.load.ImportListener;
import org.citytwin.load.ImportSummary;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code twin bench import}: our full import (parse, convert, triangulate, store) against
 * citygml4j's bare chunked parse of the same files with the same threads, in one run.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Compare the full import with citygml4j's bare chunked parse of the same files.",
      "Imports into a fresh temporary store, deleted afterwards. Run with -Xmx512m to check the memory bound."
    })
final class BenchImportCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "CityGML files, directories or zip archives.")
  List<Path> paths;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads for both (default: cores).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    List<CityGmlSource> sources = CityGmlSources.expand(paths);
    out.printf(
        "sources: %d, %.1f MB, %d worker threads, max heap %d MB%n",
        sources.size(),
        sources.stream().mapToLong(CityGmlSource::sizeBytes).sum() / 1e6,
        workers,
        HeapPeak.maxBytes() >> 20);

    BareParse.run(sources.subList(0, 1), workers); // warm-up: load classes, JIT the parser
    HeapPeak.reset();
    long start = System.nanoTime();
    BareParse.Result bare = BareParse.run(sources, workers);
    double bareSeconds = (System.nanoTime() - start) / 1e9;
    long barePeak = HeapPeak.peakBytes();
    print(
        out,
        "citygml4j bare parse",
        bare.features(),
        "features",
        bare.bytes(),
        bareSeconds,
        barePeak);

    Path storeDirectory = Files.createTempDirectory("twin-bench-store");
    try {
      HeapPeak.reset();
      ImportSummary summary = importInto(storeDirectory, sources, workers);
      long importPeak = HeapPeak.peakBytes();
      double importSeconds = summary.elapsed().toNanos() / 1e9;
      print(
          out,
          "twin import",
          summary.objectCount(),
          "objects",
          summary.bytes(),
          importSeconds,
          importPeak);
      double ratio = (summary.bytes() / importSeconds) / (bare.bytes() / bareSeconds);
      out.printf("ratio import/bare throughput (MB/s): %.2f  (goal >= 0.50)%n", ratio);
      out.printf(
          "peak heap: import %d MB, bare parse %d MB, max %d MB  (goal < 512 MB)%n",
          importPeak >> 20, barePeak >> 20, HeapPeak.maxBytes() >> 20);
      return summary.failures().isEmpty() ? ExitCodes.OK : ExitCodes.INPUT_REJECTED;
    } finally {
      deleteRecursively(storeDirectory);
    }
  }

  private static ImportSummary importInto(Path directory, List<CityGmlSource> sources, int workers)
      throws StoreException, InterruptedException {
    try (TwinStore store = TwinStore.open(directory);
        CityGmlParser parser = new CityGmlParser(workers, null)) {
      return new CityImporter(store, parser, ImportListener.SILENT).importAll(sources);
    }
  }

  private static void print(
      PrintStream out,
      String what,
      long count,
      String unit,
      long bytes,
      double seconds,
      long peak) {
    out.printf(
        "%-22s %,9d %s, %7.1f MB in %6.2f s: %,9.0f %s/s, %6.2f MB/s, peak heap %d MB%n",
        what,
        count,
        unit,
        bytes / 1e6,
        seconds,
        count / seconds,
        unit,
        bytes / 1e6 / seconds,
        peak >> 20);
  }

  static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
