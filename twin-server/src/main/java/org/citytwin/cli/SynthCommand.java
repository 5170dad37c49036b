package org.citytwin.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.citytwin.citygml.SyntheticCity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code twin synth}: a larger synthetic city made of shifted copies of real PLATEAU tiles. */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Write shifted copies of PLATEAU (EPSG:6697) CityGML files to make a large SYNTHETIC city for benchmarks.",
      "Example: twin synth --copies 70 --out target/synthetic data/citygml  (about 100,000 buildings)"
    })
final class SynthCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      defaultValue = "data/citygml",
      description = "Input files or directories (default: ${DEFAULT-VALUE}).")
  List<Path> inputs;

  @Option(names = "--copies", required = true, description = "How many copies of the inputs.")
  int copies;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path output;

  @Option(
      names = "--step",
      defaultValue = "0.05",
      description = "Grid step between copies in degrees (default ${DEFAULT-VALUE}).")
  double stepDegrees;

  @Override
  public Integer call() throws Exception {
    if (copies < 1) {
      System.err.println("twin synth: --copies must be >= 1, was " + copies);
      return ExitCodes.USAGE;
    }
    List<Path> files = gmlFiles(inputs);
    List<Path> written =
        new SyntheticCity(stepDegrees, stepDegrees).generate(files, copies, output);
    System.out.printf(
        "wrote %d synthetic files (%d copies of %d inputs) to %s%n",
        written.size(), copies, files.size(), output);
    return ExitCodes.OK;
  }

  /** The .gml files among {@code inputs}, directories walked recursively, in name order. */
  static List<Path> gmlFiles(List<Path> inputs) throws java.io.IOException {
    List<Path> files = new java.util.ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> walk = Files.walk(input)) {
          walk.filter(p -> p.toString().endsWith(".gml")).sorted().forEach(files::add);
        }
      } else {
        files.add(input);
      }
    }
    return files;
  }
}
