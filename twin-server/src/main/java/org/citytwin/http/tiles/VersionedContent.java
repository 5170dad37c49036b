package org.citytwin.http.tiles;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Response headers for content under a versioned URL, which never changes: {@code Cache-Control:
 * public, max-age=31536000, immutable} and a strong ETag, so any browser or CDN may keep it, and a
 * 304 for a client that already has it.
 */
final class VersionedContent {
  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private VersionedContent() {}

  /**
   * Sets the headers for the content named {@code name} (unique among the server's versioned
   * content, for example {@code v3-t01.glb}); answers 304 and returns true when the request's
   * {@code If-None-Match} already names it.
   */
  static boolean notModified(Context ctx, String name) {
    return notModified(ctx, name, IMMUTABLE);
  }

  /**
   * The same for the current version's content answered at a stable URL, which changes with the
   * store: {@code Cache-Control: no-cache}, so a client revalidates each use and gets a 304 while
   * the version (and so the ETag) is unchanged.
   */
  static boolean notModifiedSinceRevalidated(Context ctx, String name) {
    return notModified(ctx, name, "no-cache");
  }

  private static boolean notModified(Context ctx, String name, String cacheControl) {
    String etag = "\"" + name + "\"";
    ctx.header("Cache-Control", cacheControl).header("ETag", etag);
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return true;
    }
    return false;
  }
}
