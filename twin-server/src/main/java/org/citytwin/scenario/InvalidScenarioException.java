package org.citytwin.scenario;

import java.nio.file.Path;

/** A scenario file that cannot run: the message names the file, the JSON field and the reason. */
public final class InvalidScenarioException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The JSON field at fault (such as {@code inflows[0].hydrograph}), or null. */
  private final String field;

  InvalidScenarioException(Path file, String field, String detail) {
    super(file + (field != null ? ": field '" + field + "'" : "") + ": " + detail);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
