package org.citytwin.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --store} option shared by every command that uses a store. */
final class StoreOption {
  @Option(
      names = "--store",
      paramLabel = "DIR",
      defaultValue = "twin-store",
      description = "Store directory (created if missing; default: ${DEFAULT-VALUE}).")
  Path directory;
}
