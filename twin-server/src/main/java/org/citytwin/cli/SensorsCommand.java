package org.citytwin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code twin sensors}: tools that talk to a running server's sensor API. */
@Command(
    name = "sensors",
    mixinStandardHelpOptions = true,
    description = "Tools for the live sensor API of a running twin.",
    subcommands = {ReplayCommand.class})
final class SensorsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
