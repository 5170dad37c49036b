package org.citytwin.http;

import io.javalin.http.Context;
import java.io.IOException;

/**
 * Sends a body that is already one byte array (a GeoJSON page or feature) in a single write with
 * its {@code Content-Length}, as {@code tiles.GlbResponse} does for tiles, so that Jetty sends the
 * headers and the whole body together and ends the response without a chunked terminator. Through
 * {@link Context#result(byte[])} Javalin copies the array into a fresh 32 KiB buffer and writes it
 * from there, and Jetty, not knowing the length, sent it chunked with a second write to end it:
 * together 15 % of the server threads' samples in the profile of {@code twin bench http}, against 8
 * % for this path (most of it Jetty's own write).
 *
 * <p>Only for requests without {@code Accept-Encoding}: when a client may take gzip (GDAL, QGIS and
 * browsers all say so), the body goes through Javalin's compression as before, which already sends
 * the compressed bytes in one write with their length. Both answers say {@code Vary:
 * Accept-Encoding}, so that a shared cache keeps them apart.
 */
public final class ResponseBytes {
  private ResponseBytes() {}

  public static void send(Context ctx, String contentType, byte[] body) throws IOException {
    ctx.contentType(contentType);
    ctx.res().addHeader("Vary", "Accept-Encoding"); // added: CORS may have set Vary: Origin
    String acceptEncoding = ctx.header("Accept-Encoding");
    if (acceptEncoding != null && !acceptEncoding.isBlank()) {
      ctx.result(body);
      return;
    }
    // Headers are sent with the body now, before the after-handlers that would add them.
    VersionEtags.tag(ctx);
    ctx.res().setContentLength(body.length);
    ctx.res().getOutputStream().write(body);
  }
}
