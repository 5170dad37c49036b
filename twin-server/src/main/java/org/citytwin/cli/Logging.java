package org.citytwin.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps library chatter off the terminal: Apache SIS logs through java.util.logging and reports
 * routine facts (datum shift accuracy) as warnings; real failures reach us as exceptions.
 */
public final class Logging {
  /**
   * Where Derby (the engine behind SIS's EPSG database) writes its log instead of a {@code
   * derby.log} in the user's working directory; Derby reads this field by name.
   */
  public static final java.io.OutputStream DERBY_LOG = java.io.OutputStream.nullOutputStream();

  private static final Logger SIS = Logger.getLogger("org.apache.sis");

  private Logging() {}

  static void quietLibraries() {
    SIS.setLevel(Level.SEVERE);
    System.setProperty("derby.stream.error.field", Logging.class.getName() + ".DERBY_LOG");
  }
}
