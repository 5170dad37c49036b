package org.citytwin.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * Text responses written as UTF-8 bytes. Given a String, Jetty encodes it in the charset of the
 * content type, and for media types it does not know (application/problem+json,
 * application/geo+json, application/schema+json, the OpenAPI type) that is ISO-8859-1: PLATEAU's
 * Japanese property names, and problems quoting them, reached clients as "?????".
 */
public final class Utf8Body {
  private Utf8Body() {}

  public static void send(Context ctx, String contentType, String text) {
    ctx.contentType(contentType).result(text.getBytes(StandardCharsets.UTF_8));
  }
}
