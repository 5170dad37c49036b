package org.citytwin.http.sensors;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.citytwin.http.HttpProblem;

/**
 * Guards the write routes with the bearer token the server was started with. Without a configured
 * token every write is refused: an open write API must be a decision, never a default.
 */
final class WriteAccess {
  private final Optional<byte[]> token;

  WriteAccess(Optional<String> token) {
    this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
  }

  void require(Context ctx) {
    if (token.isEmpty()) {
      throw HttpProblem.forbidden(
          "sensor writes are disabled on this server; start it with --sensor-token or the"
              + " TWIN_SENSOR_TOKEN environment variable");
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"twin sensors\"");
      throw HttpProblem.unauthorized("sensor writes need the header 'Authorization: Bearer TOKEN'");
    }
    byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
    // Constant-time comparison, so the response time tells nothing about the token.
    if (!MessageDigest.isEqual(given, token.get())) {
      throw HttpProblem.forbidden("the bearer token is not the one this server was started with");
    }
  }
}
