package org.citytwin.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.citytwin.scenario.ScenarioRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an RFC 9457 problem document: refused requests with their status,
 * unknown routes as 404, and anything unexpected as a 500 that names no internals (the stack trace
 * goes to the server log with an id the client sees).
 */
final class ProblemResponses {
  static final String CONTENT_TYPE = "application/problem+json";
  private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemResponses() {}

  static void install(JavalinConfig config) {
    config.routes.exception(HttpProblem.class, (problem, ctx) -> write(ctx, problem));
    config.routes.exception(
        ScenarioRejected.class,
        (refused, ctx) ->
            write(
                ctx,
                refused.field() == null
                    ? HttpProblem.badRequest(refused.detail())
                    : HttpProblem.badParameter(refused.field(), refused.detail())));
    config.routes.exception(
        HttpResponseException.class,
        (e, ctx) -> write(ctx, e.getStatus(), statusTitle(e.getStatus()), null, e.getMessage()));
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          String incident = Long.toHexString(System.nanoTime());
          LOG.error("incident {} on {} {}", incident, ctx.method(), ctx.fullUrl(), e);
          write(ctx, 500, "Internal error", null, "The server failed; incident " + incident + ".");
        });
    config.routes.error(
        404,
        "*",
        ctx -> {
          if (!CONTENT_TYPE.equals(ctx.res().getContentType())) {
            write(ctx, 404, "Not found", null, "No resource at " + ctx.path() + ".");
          }
        });
    config.routes.error(
        405,
        "*",
        ctx ->
            write(
                ctx,
                405,
                "Method not allowed",
                null,
                ctx.method() + " is not allowed on " + ctx.path() + "."));
  }

  static void write(Context ctx, HttpProblem problem) {
    write(ctx, problem.status(), problem.title(), problem.parameter(), problem.detail());
  }

  private static void write(
      Context ctx, int status, String title, String parameter, String detail) {
    ctx.status(status);
    Utf8Body.send(ctx, CONTENT_TYPE, body(status, title, parameter, detail, ctx.path()));
  }

  /** The problem document; {@code parameter} and {@code instance} are left out when null. */
  static String body(int status, String title, String parameter, String detail, String instance) {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    if (instance != null) {
      body.put("instance", instance);
    }
    if (parameter != null) {
      body.put("parameter", parameter);
    }
    return body.toString();
  }

  static String statusTitle(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 406 -> "Not acceptable";
      case 409 -> "Conflict";
      case 413 -> "Request too large";
      case 414 -> "URI too long";
      case 431 -> "Request headers too large";
      default -> status >= 500 ? "Internal error" : "Request refused";
    };
  }
}
