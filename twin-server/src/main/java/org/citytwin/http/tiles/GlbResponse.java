package org.citytwin.http.tiles;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Writes a cached GLB straight to the servlet response in one call, with its length: no copy
 * through Javalin's result stream in 4 KB pieces, no chunked encoding, and no gzip on every
 * request. A client that accepts gzip (every browser) gets the tile's gzip variant, compressed once
 * when it was cached (a GLB of LOD1 buildings shrinks to about a fifth), with its own ETag.
 */
final class GlbResponse {
  private GlbResponse() {}

  /** Whether the request's {@code Accept-Encoding} accepts gzip (and does not give it q=0). */
  static boolean acceptsGzip(Context ctx) {
    String header = ctx.header("Accept-Encoding");
    if (header == null) {
      return false;
    }
    for (String coding : header.split(",")) {
      String[] parts = coding.split(";");
      String name = parts[0].trim().toLowerCase(Locale.ROOT);
      if (name.equals("gzip") || name.equals("x-gzip")) {
        return !refused(parts);
      }
    }
    return false;
  }

  /** Whether the coding's parameters give it a quality of 0 ("not acceptable"). */
  private static boolean refused(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
      if (parameter.startsWith("q=")) {
        try {
          return Double.parseDouble(parameter.substring(2).trim()) <= 0;
        } catch (NumberFormatException e) {
          return false; // a malformed weight is ignored, as if absent
        }
      }
    }
    return false;
  }

  /** Sends {@code body} as the response, gzip-encoded when {@code gzipped}. */
  static void send(Context ctx, byte[] body, boolean gzipped) throws IOException {
    HttpServletResponse response = ctx.res();
    response.setContentType(TilesApi.GLB);
    response.setHeader("Vary", "Accept-Encoding");
    if (gzipped) {
      response.setHeader("Content-Encoding", "gzip");
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
