package org.citytwin.terrain;

import java.nio.file.Path;

/** A raster file that cannot be read; the message names the file and line. */
public final class GridFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public GridFormatException(Path file, int line, String problem) {
    super(file + ":" + line + ": " + problem);
  }

  /** A problem with the file as a whole (a binary format has no lines). */
  public GridFormatException(Path file, String problem) {
    super(file + ": " + problem);
  }
}
