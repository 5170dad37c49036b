package org.citytwin.http.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import org.citytwin.http.HttpProblem;

/**
 * Serves the viewer that {@code web/build.mjs} copied onto the classpath during the Maven build:
 * our own files at {@code /} (index.html, modules, CSS), revalidated on every load so a new jar
 * shows at once, and CesiumJS under {@code /cesium/{version}/}, which never changes for a version
 * and so is cached for a year. Registered as static files, which Javalin consults only when no
 * route matches, so {@code /api} and {@code /tiles} are untouched.
 */
public final class ViewerRoutes {
  /** Where the build puts the viewer on the classpath ({@code viewer/} and {@code cesium/}). */
  static final String CLASSPATH_ROOT = "/org/citytwin/http/web";

  static final String REVALIDATE = "no-cache";
  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private ViewerRoutes() {}

  public static void addRoutes(JavalinConfig config) {
    if (ViewerRoutes.class.getResource(CLASSPATH_ROOT + "/viewer/index.html") == null) {
      // Compiled without the Maven build (e.g. by an IDE): say how to get the viewer rather than
      // failing the whole server.
      config.routes.get(
          "/",
          ctx -> {
            throw HttpProblem.unavailable(
                "the viewer was not built into this server; build it with 'mvn package', which"
                    + " runs web/build.mjs");
          });
      return;
    }
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/";
          files.directory = CLASSPATH_ROOT + "/viewer";
          files.location = Location.CLASSPATH;
          files.headers = Map.of("Cache-Control", REVALIDATE);
        });
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/cesium";
          files.directory = CLASSPATH_ROOT + "/cesium";
          files.location = Location.CLASSPATH;
          files.headers = Map.of("Cache-Control", IMMUTABLE);
        });
  }
}
