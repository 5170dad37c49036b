package org.citytwin.http.flood;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.citytwin.http.HttpProblem;
import org.citytwin.http.RequestParameters;
import org.citytwin.scenario.UploadedGrid;
import org.citytwin.terrain.EsriAsciiGrid;
import org.citytwin.terrain.GridGeometry;

/**
 * The routes of uploaded grids: {@code POST /flood/dems[?crs=EPSG]} with a GeoTIFF or ESRI ASCII
 * grid as the body answers 201 with the grid's description and its URL in {@code Location}; {@code
 * GET} lists or describes grids, {@code GET .../grid.asc} gives one back as an ESRI ASCII grid,
 * {@code DELETE} forgets one.
 */
final class GridRoutes {
  private final UploadedGrids uploads;

  GridRoutes(UploadedGrids uploads) {
    this.uploads = uploads;
  }

  void upload(Context ctx) throws IOException {
    RequestParameters params = RequestParameters.of(ctx, Set.of("crs"));
    int crs = params.integer("crs", -1, 1024, 32767);
    long declared = ctx.contentLength();
    if (declared > UploadedGrids.MAX_BYTES) {
      throw HttpProblem.tooLarge(
          "body",
          "the grid file has "
              + declared
              + " bytes; at most "
              + UploadedGrids.MAX_BYTES
              + " are accepted");
    }
    UploadedGrid grid = uploads.add(ctx.bodyInputStream(), crs > 0 ? crs : null);
    String url = FloodApi.DEMS + "/" + grid.id();
    ctx.status(201).header("Location", url);
    json(ctx, describe(grid));
  }

  void list(Context ctx) {
    RequestParameters.of(ctx, FloodApi.NO_PARAMETERS);
    ObjectNode body = RunJson.JSON.createObjectNode();
    ArrayNode list = body.putArray("grids");
    uploads.list().forEach(g -> list.add(describe(g)));
    json(ctx, body);
  }

  void describe(Context ctx) {
    RequestParameters.of(ctx, FloodApi.NO_PARAMETERS);
    json(ctx, describe(grid(ctx)));
  }

  void ascii(Context ctx) throws IOException {
    RequestParameters.of(ctx, FloodApi.NO_PARAMETERS);
    UploadedGrid grid = grid(ctx);
    Path file = Files.createTempFile("twin-grid-", ".asc");
    try {
      EsriAsciiGrid.write(grid.raster(), file);
      ctx.contentType("text/plain; charset=us-ascii").result(Files.readAllBytes(file));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  void delete(Context ctx) throws IOException {
    RequestParameters.of(ctx, FloodApi.NO_PARAMETERS);
    if (!uploads.remove(ctx.pathParam("grid"))) {
      throw HttpProblem.notFound("no uploaded grid " + ctx.pathParam("grid"));
    }
    ctx.status(204);
  }

  private UploadedGrid grid(Context ctx) {
    String id = ctx.pathParam("grid");
    return uploads.get(id).orElseThrow(() -> HttpProblem.notFound("no uploaded grid " + id));
  }

  private static ObjectNode describe(UploadedGrid grid) {
    GridGeometry g = grid.geometry();
    ObjectNode o = RunJson.JSON.createObjectNode();
    o.put("id", grid.id());
    o.put("format", grid.format());
    o.put("crs", grid.frame().identifier());
    o.put("originX", g.originX());
    o.put("originY", g.originY());
    o.put("cellSize", g.cellSizeMetres());
    o.put("ncols", g.ncols());
    o.put("nrows", g.nrows());
    o.put("dataCells", grid.dataCells());
    double[] range = grid.range();
    o.put("min", range[0]);
    o.put("max", range[1]);
    ArrayNode bbox = o.putArray("bbox");
    bbox.add(grid.lonLatBox().minLon())
        .add(grid.lonLatBox().minLat())
        .add(grid.lonLatBox().maxLon())
        .add(grid.lonLatBox().maxLat());
    o.put("bytes", grid.bytes());
    o.put("created", grid.created().toString());
    String base = FloodApi.DEMS + "/" + grid.id();
    ArrayNode links = o.putArray("links");
    links.addObject().put("rel", "self").put("href", base).put("type", "application/json");
    links
        .addObject()
        .put("rel", "alternate")
        .put("href", base + "/grid.asc")
        .put("type", "text/plain");
    return o;
  }

  private static void json(Context ctx, ObjectNode body) {
    ctx.contentType("application/json").result(body.toString());
  }
}
