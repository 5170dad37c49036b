package org.citytwin.http;

import java.util.List;

/**
 * How the server listens and whom it serves.
 *
 * @param port the port, 0 for any free one
 * @param corsOrigins origins allowed to call the API from a browser; {@code *} for any, empty for
 *     none (same-origin only)
 */
public record ServerOptions(String host, int port, List<String> corsOrigins) {
  public ServerOptions {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    corsOrigins = List.copyOf(corsOrigins);
  }

  public static ServerOptions onPort(int port) {
    return new ServerOptions("0.0.0.0", port, List.of("*"));
  }
}
