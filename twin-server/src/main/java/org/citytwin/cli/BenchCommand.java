package org.citytwin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code twin bench}: benchmarks that print ratios against a baseline measured in the same run. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks; each prints its figures and a ratio against a same-run baseline.",
    subcommands = {
      BenchImportCommand.class,
      BenchHttpCommand.class,
      BenchFloodCommand.class,
      BenchTilesCommand.class,
      BenchIngestCommand.class
    })
final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
