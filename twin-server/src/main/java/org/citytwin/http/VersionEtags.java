package org.citytwin.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;

/**
 * Weak ETags for the OGC API responses, which depend only on the store version and the request
 * (URL, host and negotiated format). A matching {@code If-None-Match} is answered 304 before any
 * work is done; a fresh response gets its tag without hashing its body, which Javalin's own
 * generated ETags did for every response (a quarter of the server's time on bbox pages). Weak,
 * because two equal answers may differ in their {@code timeStamp} member.
 *
 * <p>Not for {@code /api/objects/}, whose detail carries live sensor readings that change without a
 * new store version.
 */
final class VersionEtags {
  static final String PREFIX = "/api";
  private static final String EXCLUDED = "/api/objects/";

  private final TwinStore store;

  private VersionEtags(TwinStore store) {
    this.store = store;
  }

  static void install(JavalinConfig config, TwinStore store) {
    VersionEtags etags = new VersionEtags(store);
    config.routes.before(PREFIX, etags::check);
    config.routes.before(PREFIX + "/*", etags::check);
    config.routes.after(PREFIX, VersionEtags::tag);
    config.routes.after(PREFIX + "/*", VersionEtags::tag);
  }

  /** The request attribute holding the tag computed before the handler ran. */
  private static final String ATTRIBUTE = VersionEtags.class.getName();

  private void check(Context ctx) throws StoreException {
    String etag = etagOf(ctx);
    if (etag == null) {
      return;
    }
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.header("ETag", etag).status(HttpStatus.NOT_MODIFIED).skipRemainingHandlers();
    } else {
      ctx.attribute(ATTRIBUTE, etag);
    }
  }

  /**
   * Tags a fresh answer with the tag computed before its handler read the store: an import
   * finishing meanwhile can only make the answer newer than its tag says, never older. Runs as an
   * after-handler, and from {@link ResponseBytes} for handlers that send their headers themselves
   * before the after-handlers run.
   */
  static void tag(Context ctx) {
    String etag = ctx.attribute(ATTRIBUTE);
    if (etag != null && ctx.status() == HttpStatus.OK && !ctx.res().isCommitted()) {
      ctx.header("ETag", etag);
    }
  }

  /** The tag of this request's answer, or null when its answer is not tagged. */
  private String etagOf(Context ctx) throws StoreException {
    if (ctx.method() != HandlerType.GET || ctx.path().startsWith(EXCLUDED)) {
      return null;
    }
    CRC32C request = new CRC32C();
    for (String part :
        new String[] {ctx.path(), ctx.queryString(), ctx.host(), ctx.header("Accept")}) {
      byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
      request.update(bytes, 0, bytes.length);
      request.update(0);
    }
    return "W/\"v" + store.version() + "-" + Long.toHexString(request.getValue()) + "\"";
  }
}
