package org.citytwin.cli;

/** Placeholder entry point until the command line lands. */
public final class TwinCommand {
  private TwinCommand() {}

  public static void main(String[] args) {
    System.out.println("twin: commands not yet available");
  }
}
