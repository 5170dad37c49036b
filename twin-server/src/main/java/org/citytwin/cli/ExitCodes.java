package org.citytwin.cli;

/** What the {@code twin} process exit status means, so scripts can react to it. */
final class ExitCodes {
  /** Everything asked was done. */
  static final int OK = 0;

  /** The command line was wrong (unknown option, bad value); picocli's own convention. */
  static final int USAGE = 2;

  /**
   * Some input was rejected (malformed, not CityGML, unknown CRS); the store is unchanged by it.
   */
  static final int INPUT_REJECTED = 3;

  /** The store could not be opened or written (in use, disk full, corrupt). */
  static final int STORE_FAILED = 4;

  /** A benchmark ran to the end but some of its requests failed (a non-200 answer or none). */
  static final int REQUESTS_FAILED = 5;

  private ExitCodes() {}
}
