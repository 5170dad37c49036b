package org.citytwin.http.ogc;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.citytwin.http.HttpProblem;
import org.citytwin.http.Links;
import org.citytwin.http.RequestParameters;
import org.citytwin.http.Utf8Body;

/**
 * The OpenAPI 3.0 definition of the API at {@code /api/api}, kept by hand beside the code (no
 * OpenAPI plugin exists for Javalin 7) and checked against the real routes by a test.
 */
final class OpenApiDocument {
  static final String RESOURCE = "openapi.json";
  static final Set<String> PARAMETERS = Set.of("f");
  private static final String TEMPLATE = load();

  private OpenApiDocument() {}

  static void serve(Context ctx) {
    requireJson(RequestParameters.of(ctx, PARAMETERS));
    String document = TEMPLATE.replace("${server}", Links.origin(ctx) + FeaturesApi.ROOT);
    Utf8Body.send(ctx, "application/vnd.oai.openapi+json;version=3.0", document);
  }

  /** Refuses {@code f} other than json, for resources offered only as JSON. */
  static void requireJson(RequestParameters parameters) {
    String f = parameters.text("f");
    if (f != null && !f.equals("json")) {
      throw HttpProblem.badParameter(
          "f", "f must be json here (no HTML rendering), was '" + f + "'");
    }
  }

  private static String load() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the OpenAPI document " + RESOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
