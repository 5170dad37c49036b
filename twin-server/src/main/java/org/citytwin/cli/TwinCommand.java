package org.citytwin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code twin} command: entry point of the runnable jar. */
@Command(
    name = "twin",
    mixinStandardHelpOptions = true,
    version = "twin 0.1.0",
    description = "A 3D city digital twin: load CityGML, query, simulate and serve the city.",
    subcommands = {
      ImportCommand.class,
      QueryCommand.class,
      ServeCommand.class,
      BenchCommand.class,
      SynthCommand.class,
      ExportTilesCommand.class,
      FloodCommand.class,
      SensorsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class TwinCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code instead of exiting (for tests). */
  static int execute(String... args) {
    Logging.quietLibraries();
    return new CommandLine(new TwinCommand()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
