package org.citytwin.http;

import io.javalin.http.Context;
import java.io.IOException;

/**
 * Sends a body that is already one byte array (a GeoJSON page or feature) in a single write with
 * its {@code Content-Length}, so that Jetty sends the headers and the whole body together and ends
 * the response without a chunked terminator. Through {@link Context#result(byte[])} Javalin would
 * copy the array into a fresh 32 KiB buffer and write it as it comes, so Jetty, not knowing the
 * length, sent it chunked and needed a second write to end it: about a sixth of the server's time
 * on bbox pages in the profile of {@code twin bench http}.
 *
 * <p>Only for requests without {@code Accept-Encoding}: when a client may take gzip, the body goes
 * through Javalin's compression as before, which already sends one compressed array with its
 * length.
 */
public final class ResponseBytes {
  private ResponseBytes() {}

  public static void send(Context ctx, String contentType, byte[] body) throws IOException {
    ctx.contentType(contentType);
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
