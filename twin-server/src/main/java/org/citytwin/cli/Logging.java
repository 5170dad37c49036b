package org.citytwin.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps library chatter off the terminal: Apache SIS logs through java.util.logging and reports
 * routine facts (datum shift accuracy) as warnings; real failures reach us as exceptions.
 */
final class Logging {
  private static final Logger SIS = Logger.getLogger("org.apache.sis");

  private Logging() {}

  static void quietLibraries() {
    SIS.setLevel(Level.SEVERE);
  }
}
