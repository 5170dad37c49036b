package org.citytwin.http;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import java.util.Optional;
import org.citytwin.http.flood.FloodApi;
import org.citytwin.http.ogc.FeaturesApi;
import org.citytwin.http.sensors.SensorsApi;
import org.citytwin.http.tiles.TilesApi;
import org.citytwin.http.tiles.VectorTilesApi;
import org.citytwin.http.web.ViewerRoutes;
import org.citytwin.store.TwinStore;

/**
 * The twin's HTTP server over one store: OGC API - Features at {@code /api}, 3D Tiles at {@code
 * /tiles/3d}, vector tiles at {@code /tiles/vector}, flood runs at {@code /flood/runs} with depth
 * tiles at {@code /tiles/flood}, the browser viewer at {@code /}. Start it with {@link #start};
 * {@link #close()} stops it (safe twice). The store stays open and owned by the caller.
 */
public final class TwinServer implements AutoCloseable {
  /** Largest request body accepted (the read API takes none; this bounds abuse). */
  static final long MAX_REQUEST_BYTES = 1_000_000;

  /**
   * Largest request line and headers Jetty reads (its default is 8 KiB). Room for one query
   * parameter at {@link RequestParameters#MAX_VALUE_LENGTH} characters even when every character is
   * percent-encoded, so that such a request reaches the handlers and gets a 413 naming the
   * parameter; anything longer is refused by Jetty with 414 or 431.
   */
  static final int MAX_REQUEST_HEADER_BYTES = 256 * 1024;

  /**
   * Gzip level for clients that ask for it (GDAL, QGIS and browsers do). Javalin's default, 6, took
   * 1.9-2.1x the CPU time of level 1 on items pages of 9 and 42 KB for 9-17 % fewer bytes, and
   * compressing a page costs more than answering it (see docs/PERFORMANCE.md).
   */
  static final int GZIP_LEVEL = 1;

  private final Javalin app;
  private final FloodApi flood;
  private volatile boolean closed;

  private TwinServer(Javalin app, FloodApi flood) {
    this.app = app;
    this.flood = flood;
  }

  public static TwinServer start(TwinStore store, ServerOptions options) {
    return start(store, options, Optional.empty());
  }

  /** The server with the live sensor API at {@code /sensors/v1} when {@code sensors} is given. */
  public static TwinServer start(
      TwinStore store, ServerOptions options, Optional<SensorsApi> sensors) {
    FeaturesApi features = new FeaturesApi(store);
    FloodApi flood = new FloodApi(store, options.floodRuns());
    Javalin app =
        Javalin.create(
            config -> {
              configure(config, options);
              ProblemResponses.install(config);
              VersionEtags.install(config, store);
              features.addRoutes(config);
              TilesApi.withDefaults(store).addRoutes(config);
              VectorTilesApi.withDefaults(store).addRoutes(config);
              flood.addRoutes(config);
              ViewerRoutes.addRoutes(config);
              sensors.ifPresent(api -> api.addRoutes(config));
            });
    app.start(options.host(), options.port());
    return new TwinServer(app, flood);
  }

  private static void configure(JavalinConfig config, ServerOptions options) {
    config.startup.showJavalinBanner = false;
    config.http.compressionStrategy = new CompressionStrategy(null, new Gzip(GZIP_LEVEL));
    config.http.maxRequestSize = MAX_REQUEST_BYTES;
    config.http.prefer405over404 = true;
    config.jetty.modifyHttpConfiguration(
        http -> http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES));
    config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
    config.jetty.modifyServletContextHandler(HeadRequests::install);
    config.router.ignoreTrailingSlashes = true;
    RequestLog.install(config);
    if (!options.corsOrigins().isEmpty()) {
      config.bundledPlugins.enableCors(
          cors ->
              cors.addRule(
                  rule -> {
                    if (options.corsOrigins().contains("*")) {
                      rule.anyHost();
                    } else {
                      options.corsOrigins().forEach(origin -> rule.allowHost(origin));
                    }
                  }));
    }
  }

  /** The port the server listens on (the one picked when started with port 0). */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      flood.close();
      app.stop();
    }
  }
}
