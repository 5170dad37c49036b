package org.citytwin.http.flood;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.flood.ColourRamp;
import org.citytwin.flood.DepthTiles;
import org.citytwin.flood.VelocityField;
import org.citytwin.http.HttpProblem;
import org.citytwin.http.RequestParameters;
import org.citytwin.http.Utf8Body;
import org.citytwin.scenario.ScenarioRequest;
import org.citytwin.scenario.ScenarioSpec;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import org.citytwin.terrain.Raster;

/**
 * Flood runs over HTTP (see docs/FLOOD.md): {@code POST /flood/runs} with a JSON scenario answers
 * 202 with the run's status and its URL in {@code Location}; {@code GET /flood/runs/{run}} polls
 * it, {@code DELETE} cancels a running run or forgets an ended one (on disk too); results are under
 * the run's URL (velocity arrows as GeoJSON at {@code /flood/runs/{run}/arrows?time=&bbox=}), depth
 * tiles under {@code /tiles/flood/{run}/{time}/{z}/{x}/{y}.png} and speed tiles under {@code
 * /tiles/flood/{run}/velocity/{time}/{z}/{x}/{y}.png}. Ended runs are kept in {@code flood/runs}
 * under the store's directory and served again after a restart.
 */
public final class FloodApi implements AutoCloseable {
  static final String ROOT = "/flood/runs";
  static final String GEOJSON = "application/geo+json";
  static final Set<String> NO_PARAMETERS = Set.of();

  static final String DEMS = "/flood/dems";

  private final FloodJobs jobs;
  private final UploadedGrids uploads;

  /**
   * Runs on the store's city; uploaded grids are kept in {@code flood/dems} under the store's
   * directory, ended runs in {@code flood/runs} (as many as {@code retention} allows), and both
   * survive a restart.
   */
  public FloodApi(TwinStore store, RunRetention retention) {
    Path flood = store.directory().resolve("flood");
    this.jobs = FloodJobs.withDefaults(store, retention, flood.resolve("runs"));
    Path kept = flood.resolve("dems");
    try {
      this.uploads = new UploadedGrids(kept);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot open the kept flood grids in " + kept, e);
    }
  }

  public void addRoutes(JavalinConfig config) {
    config.routes.post(ROOT, this::start);
    config.routes.get(ROOT, this::list);
    config.routes.get(ROOT + "/{run}", this::status);
    config.routes.delete(ROOT + "/{run}", this::delete);
    config.routes.get(ROOT + "/{run}/buildings", this::buildings);
    config.routes.get(ROOT + "/{run}/gauges", this::gauges);
    config.routes.get(ROOT + "/{run}/gauges.csv", this::gaugesCsv);
    config.routes.get(ROOT + "/{run}/mass-balance", this::massBalance);
    config.routes.get(ROOT + "/{run}/arrows", this::arrows);
    config.routes.get("/tiles/flood/{run}/{time}/{z}/{x}/{file}", this::tile);
    config.routes.get("/tiles/flood/{run}/velocity/{time}/{z}/{x}/{file}", this::speedTile);
    GridRoutes grids = new GridRoutes(uploads);
    config.routes.post(DEMS, grids::upload);
    config.routes.get(DEMS, grids::list);
    config.routes.get(DEMS + "/{grid}", grids::describe);
    config.routes.get(DEMS + "/{grid}/grid.asc", grids::ascii);
    config.routes.delete(DEMS + "/{grid}", grids::delete);
  }

  private void start(Context ctx) throws StoreException {
    RequestParameters.of(ctx, NO_PARAMETERS);
    ScenarioSpec spec = ScenarioRequest.parse(ctx.body(), uploads::get);
    FloodJob job = jobs.submit(spec, ctx.body());
    String url = ROOT + "/" + job.id();
    ctx.status(202).header("Location", url);
    json(ctx, job.status(url));
  }

  private void list(Context ctx) {
    RequestParameters.of(ctx, NO_PARAMETERS);
    ObjectNode body = RunJson.JSON.createObjectNode();
    ArrayNode runs = body.putArray("runs");
    for (FloodRun run : jobs.list()) {
      runs.add(run.status(ROOT + "/" + run.id()));
    }
    json(ctx, body);
  }

  private void status(Context ctx) {
    RequestParameters.of(ctx, NO_PARAMETERS);
    FloodRun run = run(ctx);
    ctx.header("Cache-Control", "no-cache");
    json(ctx, run.status(ROOT + "/" + run.id()));
  }

  private void delete(Context ctx) {
    RequestParameters.of(ctx, NO_PARAMETERS);
    FloodRun run = run(ctx);
    if (run.finished()) {
      jobs.remove(run.id());
      ctx.status(204);
    } else {
      run.cancel();
      ctx.status(202);
      json(ctx, run.status(ROOT + "/" + run.id()));
    }
  }

  private void buildings(Context ctx) {
    RequestParameters params = RequestParameters.of(ctx, BuildingFeatures.PARAMETERS);
    FloodRun run = run(ctx);
    RunOutputs outputs = run.outputs();
    Utf8Body.send(
        ctx, GEOJSON, BuildingFeatures.page(outputs, params, ROOT + "/" + run.id()).toString());
  }

  private void gauges(Context ctx) {
    RequestParameters.of(ctx, NO_PARAMETERS);
    RunOutputs outputs = run(ctx).outputs();
    json(ctx, RunJson.gauges(outputs.gauges(), outputs.frame().identifier()));
  }

  private void gaugesCsv(Context ctx) {
    RequestParameters.of(ctx, NO_PARAMETERS);
    RunOutputs outputs = run(ctx).outputs();
    ctx.contentType("text/csv; charset=utf-8").result(outputs.gauges().csv());
  }

  private void massBalance(Context ctx) {
    RequestParameters.of(ctx, NO_PARAMETERS);
    json(ctx, run(ctx).outputs().massBalance());
  }

  private void arrows(Context ctx) throws CoordinateConversionException {
    RequestParameters params = RequestParameters.of(ctx, VelocityArrows.PARAMETERS);
    String time = params.text("time");
    if (time == null) {
      throw HttpProblem.badParameter("time", "time is required: an output time in seconds");
    }
    long seconds = seconds(time);
    double[] bbox = VelocityArrows.bbox(params);
    FloodRun run = run(ctx);
    VelocityField velocity = velocityAt(run, seconds);
    Utf8Body.send(
        ctx, GEOJSON, VelocityArrows.collection(velocity, run.frame(), seconds, bbox).toString());
  }

  private void tile(Context ctx) throws CoordinateConversionException {
    RequestParameters.of(ctx, NO_PARAMETERS);
    FloodRun run = run(ctx);
    int[] zxy = tileAddress(ctx);
    Raster depth = depthAt(run, ctx.pathParam("time"));
    png(ctx, new DepthTiles(run.frame()).render(depth, zxy[0], zxy[1], zxy[2]));
  }

  /** The speed at an output time or its maximum over the run, in the speed ramp. */
  private void speedTile(Context ctx) throws CoordinateConversionException {
    RequestParameters.of(ctx, NO_PARAMETERS);
    FloodRun run = run(ctx);
    int[] zxy = tileAddress(ctx);
    String time = ctx.pathParam("time");
    Raster speed = time.equals("max") ? run.maxVelocity() : velocityAt(run, seconds(time)).speed();
    png(ctx, new DepthTiles(run.frame(), ColourRamp.SPEED).render(speed, zxy[0], zxy[1], zxy[2]));
  }

  private static void png(Context ctx, byte[] png) {
    ctx.header("Cache-Control", "public, max-age=86400");
    ctx.contentType("image/png").result(png);
  }

  /** z, x, y of a tile path ending {@code {z}/{x}/{y}.png}; 404 or 400 when it is not one. */
  private static int[] tileAddress(Context ctx) {
    String file = ctx.pathParam("file");
    if (!file.endsWith(".png")) {
      throw HttpProblem.notFound("flood tiles are PNG: {y}.png, was " + file);
    }
    int z = pathInt(ctx.pathParam("z"), "z");
    int x = pathInt(ctx.pathParam("x"), "x");
    int y = pathInt(file.substring(0, file.length() - 4), "y");
    try {
      DepthTiles.requireTile(z, x, y);
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badParameter("z/x/y", e.getMessage());
    }
    return new int[] {z, x, y};
  }

  /**
   * The velocity snapshot at an output time; 404 naming the output times when it is not one, or
   * saying that the run was kept without velocity snapshots.
   */
  private static VelocityField velocityAt(FloodRun run, long seconds) {
    return run.velocityAt(seconds)
        .orElseThrow(
            () ->
                HttpProblem.notFound(
                    run.outputTimes().contains(seconds)
                        ? "run "
                            + run.id()
                            + " has no velocity at "
                            + seconds
                            + " s: it was kept by a version without velocity snapshots"
                        : "run "
                            + run.id()
                            + " has no velocity at "
                            + seconds
                            + " s; output times so far: "
                            + run.outputTimes()));
  }

  /** The snapshot at an output time in whole seconds, or {@code max} for the maximum depth. */
  private static Raster depthAt(FloodRun run, String time) {
    if (time.equals("max")) {
      return run.maxDepth();
    }
    long seconds = seconds(time);
    return run.depthAt(seconds)
        .orElseThrow(
            () ->
                HttpProblem.notFound(
                    "run "
                        + run.id()
                        + " has no depth at "
                        + seconds
                        + " s; output times so far: "
                        + run.outputTimes()));
  }

  private static long seconds(String time) {
    try {
      return Long.parseLong(time);
    } catch (NumberFormatException e) {
      throw HttpProblem.badParameter(
          "time", "time '" + time + "' must be an output time in seconds or 'max'");
    }
  }

  private static int pathInt(String text, String name) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw HttpProblem.badParameter(name, name + " '" + text + "' must be a whole number");
    }
  }

  private FloodRun run(Context ctx) {
    String id = ctx.pathParam("run");
    return jobs.get(id).orElseThrow(() -> HttpProblem.notFound("no flood run " + id));
  }

  private static void json(Context ctx, ObjectNode body) {
    ctx.contentType("application/json").result(body.toString());
  }

  @Override
  public void close() {
    jobs.close();
  }
}
