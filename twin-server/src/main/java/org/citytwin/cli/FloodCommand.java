package org.citytwin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code twin flood}: run flood simulations on a DEM, and set up published benchmarks. */
@Command(
    name = "flood",
    mixinStandardHelpOptions = true,
    description = "Flood simulation with the local inertial scheme (see docs/FLOOD.md).",
    subcommands = {FloodRunCommand.class, EaTest4Command.class})
final class FloodCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
