package org.citytwin.http;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Absolute links to the server's own resources, as OGC API documents need them. */
public final class Links {
  private Links() {}

  /** The scheme, host and port the client used, for example {@code http://localhost:8080}. */
  public static String origin(Context ctx) {
    return ctx.scheme() + "://" + ctx.host();
  }

  /** {@code path} with the request's query parameters replaced by {@code overrides}. */
  public static String withParameters(Context ctx, String path, Map<String, String> overrides) {
    Map<String, String> parameters = new TreeMap<>();
    ctx.queryParamMap().forEach((name, values) -> parameters.put(name, values.get(0)));
    overrides.forEach(
        (name, value) -> {
          if (value == null) {
            parameters.remove(name);
          } else {
            parameters.put(name, value);
          }
        });
    StringBuilder url = new StringBuilder(origin(ctx)).append(path);
    char separator = '?';
    for (Map.Entry<String, String> entry : parameters.entrySet()) {
      url.append(separator)
          .append(encode(entry.getKey()))
          .append('=')
          .append(encode(entry.getValue()));
      separator = '&';
    }
    return url.toString();
  }

  public static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
