package org.citytwin.http;

import io.javalin.http.Context;

/**
 * The representation a client asked for: {@code f=json|html} wins, then the {@code Accept} header
 * (browsers get HTML); a client that accepts none of ours gets 406.
 */
public enum ResponseFormat {
  JSON,
  HTML;

  public static ResponseFormat of(Context ctx, RequestParameters parameters) {
    String f = parameters.text("f");
    if (f != null) {
      return switch (f) {
        case "json", "geojson" -> JSON;
        case "html" -> HTML;
        default -> throw HttpProblem.badParameter("f", "f must be json or html, was '" + f + "'");
      };
    }
    String accept = ctx.header("Accept");
    if (accept == null || accept.isBlank()) {
      return JSON;
    }
    int html = accept.indexOf("text/html");
    int json = firstOf(accept, "json", "*/*", "application/*");
    if (html >= 0 && (json < 0 || html < json)) {
      return HTML;
    }
    if (json >= 0) {
      return JSON;
    }
    throw HttpProblem.notAcceptable(
        "this resource is available as application/json (f=json) or text/html (f=html), not '"
            + accept
            + "'");
  }

  private static int firstOf(String accept, String... candidates) {
    int first = -1;
    for (String candidate : candidates) {
      int index = accept.indexOf(candidate);
      if (index >= 0 && (first < 0 || index < first)) {
        first = index;
      }
    }
    return first;
  }
}
