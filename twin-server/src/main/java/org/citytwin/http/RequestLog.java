package org.citytwin.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request log: one DEBUG line per request (method, path and query as received, status, time) on
 * the logger {@value #LOGGER}, off by default. It shows what a client really asked, for example
 * whether GDAL sent a {@code -where} to the server as {@code filter=}. Installed only when that
 * logger is enabled at start, so a server without it pays nothing per request.
 */
public final class RequestLog {
  public static final String LOGGER = "org.citytwin.http.requests";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private RequestLog() {}

  static void install(JavalinConfig config) {
    if (LOG.isDebugEnabled()) {
      config.requestLogger.http(RequestLog::log);
    }
  }

  private static void log(Context ctx, Float milliseconds) {
    String query = ctx.queryString();
    LOG.debug(
        "{} {}{} {} {} ms",
        ctx.method(),
        ctx.path(),
        query == null ? "" : "?" + query,
        ctx.statusCode(),
        String.format(Locale.ROOT, "%.1f", milliseconds));
  }
}
