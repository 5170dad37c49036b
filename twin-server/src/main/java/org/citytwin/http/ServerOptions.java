package org.citytwin.http;

import java.util.List;
import java.util.Objects;
import org.citytwin.http.flood.RunRetention;

/**
 * How the server listens and whom it serves.
 *
 * @param port the port, 0 for any free one
 * @param corsOrigins origins allowed to call the API from a browser; {@code *} for any, empty for
 *     none (same-origin only)
 * @param floodRuns how many ended flood runs are kept in the store directory
 */
public record ServerOptions(
    String host, int port, List<String> corsOrigins, RunRetention floodRuns) {
  public ServerOptions {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    corsOrigins = List.copyOf(corsOrigins);
    Objects.requireNonNull(floodRuns, "floodRuns");
  }

  /** With the default flood run retention. */
  public ServerOptions(String host, int port, List<String> corsOrigins) {
    this(host, port, corsOrigins, RunRetention.DEFAULT);
  }

  /** The same options keeping ended flood runs as {@code retention} says. */
  public ServerOptions withFloodRuns(RunRetention retention) {
    return new ServerOptions(host, port, corsOrigins, retention);
  }

  public static ServerOptions onPort(int port) {
    return new ServerOptions("0.0.0.0", port, List.of("*"));
  }
}
