package org.citytwin.http.ogc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.citytwin.http.Links;
import org.citytwin.http.RequestParameters;
import org.citytwin.http.ResponseFormat;
import org.citytwin.http.Utf8Body;
import org.citytwin.query.Cql2Parser;
import org.citytwin.query.Literal;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;

/**
 * OGC API - Features at {@code /api}: landing page, conformance, collections, items, single items,
 * queryables and the OpenAPI document, in JSON and HTML.
 */
public final class FeaturesApi {
  static final String ROOT = "/api";

  /** The query parameters of every resource but items, single items and the API definition. */
  static final Set<String> PAGE_PARAMETERS = Set.of("f");

  static final String JSON_SCHEMA = "application/schema+json";
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> CONFORMANCE =
      List.of(
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
          "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
          "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
          "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
          "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
          "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
          "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/sortables",
          "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
          "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
          "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
          "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions");

  private final Collections collections;
  private final QueryablesCache queryables;
  private final ItemsResource items;

  public FeaturesApi(TwinStore store) {
    this.collections = new Collections(store);
    this.queryables = new QueryablesCache(store);
    this.items = new ItemsResource(store, collections, queryables);
  }

  public void addRoutes(JavalinConfig config) {
    // Javalin tries a request's path against each route's pattern in the order they were added:
    // items and single items, nearly all of the traffic, first.
    config.routes.get(ROOT + "/collections/{collection}/items", items::items);
    config.routes.get(ROOT + "/collections/{collection}/items/{featureId}", items::item);
    config.routes.get(ROOT, this::landing);
    config.routes.get(ROOT + "/conformance", this::conformance);
    config.routes.get(ROOT + "/api", OpenApiDocument::serve);
    config.routes.get(ROOT + "/collections", this::collections);
    config.routes.get(ROOT + "/collections/{collection}", this::collection);
    config.routes.get(ROOT + "/collections/{collection}/queryables", this::queryables);
    config.routes.get(ROOT + "/collections/{collection}/queryables/list", this::queryablesList);
    config.routes.get(ROOT + "/collections/{collection}/schema", this::schema);
    new PlanningApi(collections, queryables).addRoutes(config);
  }

  private void landing(Context ctx) {
    ResponseFormat format = ResponseFormat.of(ctx, RequestParameters.of(ctx, PAGE_PARAMETERS));
    String base = Links.origin(ctx) + ROOT;
    if (format == ResponseFormat.HTML) {
      ctx.html(
          new Html("City twin")
              .heading("City twin: OGC API - Features")
              .paragraph(
                  "3D city model objects (buildings, roads, relief...) with PLATEAU flood-risk attributes.")
              .link(base + "/collections?f=html", "Collections")
              .link(base + "/conformance?f=html", "Conformance")
              .link(base + "/api", "API definition (OpenAPI 3.0)")
              .render());
      return;
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("title", "City twin");
    body.put(
        "description",
        "3D city model objects with PLATEAU flood-risk attributes, as OGC API - Features.");
    ArrayNode links = body.putArray("links");
    link(links, base, "self", "application/json", "This document");
    link(links, base + "?f=html", "alternate", "text/html", "This document as HTML");
    link(
        links,
        base + "/api",
        "service-desc",
        "application/vnd.oai.openapi+json;version=3.0",
        "The API definition");
    link(links, base + "/conformance", "conformance", "application/json", "Conformance classes");
    link(links, base + "/collections", "data", "application/json", "Feature collections");
    json(ctx, body);
  }

  private void conformance(Context ctx) {
    ResponseFormat format = ResponseFormat.of(ctx, RequestParameters.of(ctx, PAGE_PARAMETERS));
    if (format == ResponseFormat.HTML) {
      ctx.html(
          new Html("Conformance")
              .heading("Conformance classes")
              .table(List.of("class"), CONFORMANCE.stream().map(List::of).toList())
              .render());
      return;
    }
    ObjectNode body = JSON.createObjectNode();
    ArrayNode conformsTo = body.putArray("conformsTo");
    CONFORMANCE.forEach(conformsTo::add);
    json(ctx, body);
  }

  private void collections(Context ctx) throws StoreException {
    ResponseFormat format = ResponseFormat.of(ctx, RequestParameters.of(ctx, PAGE_PARAMETERS));
    String base = Links.origin(ctx) + ROOT;
    if (format == ResponseFormat.HTML) {
      List<List<String>> rows = new ArrayList<>();
      for (Collections.Info info : collections.present()) {
        rows.add(
            List.of(
                Html.linkCell(base + "/collections/" + info.id() + "/items?f=html", info.id()),
                info.title(),
                Long.toString(info.objectCount())));
      }
      ctx.html(
          new Html("Collections")
              .heading("Collections")
              .table(List.of("id", "title", "objects"), rows)
              .render());
      return;
    }
    ObjectNode body = JSON.createObjectNode();
    ArrayNode links = body.putArray("links");
    link(links, base + "/collections", "self", "application/json", "Collections");
    link(links, base + "/collections?f=html", "alternate", "text/html", "Collections as HTML");
    ArrayNode list = body.putArray("collections");
    for (Collections.Info info : collections.present()) {
      list.add(describe(base, info));
    }
    ArrayNode crs = body.putArray("crs");
    ResponseCrs.SUPPORTED.forEach(crs::add);
    json(ctx, body);
  }

  private void collection(Context ctx) throws StoreException {
    ResponseFormat format = ResponseFormat.of(ctx, RequestParameters.of(ctx, PAGE_PARAMETERS));
    Collections.Info info = collections.get(ctx.pathParam("collection"));
    String base = Links.origin(ctx) + ROOT;
    if (format == ResponseFormat.HTML) {
      ctx.html(
          new Html(info.title())
              .heading(info.title())
              .paragraph(info.objectCount() + " objects")
              .link(base + "/collections/" + info.id() + "/items?f=html", "Items")
              .link(base + "/collections/" + info.id() + "/queryables?f=html", "Queryables")
              .render());
      return;
    }
    json(ctx, describe(base, info));
  }

  private ObjectNode describe(String base, Collections.Info info) {
    String self = base + "/collections/" + info.id();
    ObjectNode node = JSON.createObjectNode();
    node.put("id", info.id());
    node.put("title", info.title());
    node.put("description", info.objectCount() + " " + info.id() + " objects");
    info.extent()
        .ifPresent(
            box -> {
              ObjectNode spatial = node.putObject("extent").putObject("spatial");
              ArrayNode bbox = spatial.putArray("bbox").addArray();
              bbox.add(box.minLon()).add(box.minLat()).add(box.maxLon()).add(box.maxLat());
              spatial.put("crs", ResponseCrs.CRS84);
            });
    node.put("itemType", "feature");
    ArrayNode crs = node.putArray("crs");
    ResponseCrs.SUPPORTED.forEach(crs::add);
    node.put("storageCrs", ResponseCrs.CRS84);
    ArrayNode links = node.putArray("links");
    link(links, self, "self", "application/json", "This collection");
    link(links, self + "/items", "items", "application/geo+json", "Items");
    link(links, self + "/items?f=html", "items", "text/html", "Items as HTML");
    link(
        links,
        self + "/queryables",
        "http://www.opengis.net/def/rel/ogc/1.0/queryables",
        JSON_SCHEMA,
        "Queryables");
    // GDAL's OAPIF driver (3.x) pushes a -where filter to the server only for properties named in
    // the Part 3 drafts' queryables list, which it finds by that draft's relation name.
    link(
        links,
        self + "/queryables/list",
        "queryables",
        "application/json",
        "Queryables as the Part 3 drafts' list (for GDAL 3.x)");
    // IANA spells the relation "describedby"; GDAL's OAPIF driver (3.x) looks for "describedBy"
    // and without a schema knows only the properties of the first page of features.
    link(links, self + "/schema", "describedby", JSON_SCHEMA, "Schema of the features");
    link(links, self + "/schema", "describedBy", JSON_SCHEMA, "Schema of the features");
    return node;
  }

  private void queryables(Context ctx) throws StoreException {
    ResponseFormat format = ResponseFormat.of(ctx, RequestParameters.of(ctx, PAGE_PARAMETERS));
    Collections.Info info = collections.get(ctx.pathParam("collection"));
    Queryables known = queryables.of(info);
    if (format == ResponseFormat.HTML) {
      List<List<String>> rows = new ArrayList<>();
      known
          .kinds()
          .forEach(
              (name, kind) ->
                  rows.add(List.of(name, kind == Literal.Kind.NUMBER ? "number" : "string")));
      ctx.html(
          new Html("Queryables")
              .heading("Queryables of " + info.id())
              .table(List.of("name", "type"), rows)
              .render());
      return;
    }
    String self = Links.origin(ctx) + ROOT + "/collections/" + info.id() + "/queryables";
    ObjectNode body = JSON.createObjectNode();
    body.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    body.put("$id", self);
    body.put("type", "object");
    body.put("title", "Queryables of " + info.id());
    ObjectNode properties = body.putObject("properties");
    properties.putObject("geometry").put("format", "geometry-any");
    known
        .kinds()
        .forEach(
            (name, kind) ->
                properties
                    .putObject(name)
                    .put("type", kind == Literal.Kind.NUMBER ? "number" : "string"));
    body.put("additionalProperties", false);
    Utf8Body.send(ctx, JSON_SCHEMA, body.toString());
  }

  /**
   * The queryables in the form of the Part 3 drafts ({@code {"queryables": [{"id", "type"}]}}),
   * which GDAL 3.x reads to decide which properties of a {@code -where} it may send as {@code
   * filter-lang=cql-text}; standard clients use the JSON Schema of {@link #queryables}.
   */
  private void queryablesList(Context ctx) throws StoreException {
    OpenApiDocument.requireJson(RequestParameters.of(ctx, PAGE_PARAMETERS));
    Collections.Info info = collections.get(ctx.pathParam("collection"));
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("queryables");
    // GDAL writes names unquoted: a name that would need CQL2's double quotes is left out, so
    // GDAL evaluates conditions on it itself instead of sending a filter the server must refuse.
    queryables
        .of(info)
        .kinds()
        .forEach(
            (name, kind) -> {
              if (Cql2Parser.isPlainPropertyName(name)) {
                list.addObject()
                    .put("id", name)
                    .put("type", kind == Literal.Kind.NUMBER ? "number" : "string");
              }
            });
    json(ctx, body);
  }

  /**
   * A JSON Schema of the collection's GeoJSON features: every property a feature may carry, so a
   * client can build its table before reading any feature (properties absent from an object are
   * left out of its feature, so a sample page does not show them all).
   */
  private void schema(Context ctx) throws StoreException {
    RequestParameters parameters = RequestParameters.of(ctx, PAGE_PARAMETERS);
    OpenApiDocument.requireJson(parameters);
    Collections.Info info = collections.get(ctx.pathParam("collection"));
    ObjectNode body = JSON.createObjectNode();
    body.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    body.put("$id", Links.origin(ctx) + ROOT + "/collections/" + info.id() + "/schema");
    body.put("title", info.title() + " feature");
    body.put("type", "object");
    ObjectNode members = body.putObject("properties");
    members.putObject("type").put("type", "string");
    members.putObject("id").put("type", "string");
    members.putObject("geometry").put("type", "object");
    ObjectNode properties = members.putObject("properties");
    properties.put("type", "object");
    ObjectNode each = properties.putObject("properties");
    queryables
        .of(info)
        .kinds()
        .forEach(
            (name, kind) ->
                each.putObject(name)
                    .put("type", kind == Literal.Kind.NUMBER ? "number" : "string"));
    each.putObject("risks").put("type", "array");
    Utf8Body.send(ctx, JSON_SCHEMA, body.toString());
  }

  static void link(ArrayNode links, String href, String rel, String type, String title) {
    ObjectNode link = links.addObject();
    link.put("href", href);
    link.put("rel", rel);
    link.put("type", type);
    link.put("title", title);
  }

  static void json(Context ctx, ObjectNode body) {
    ctx.contentType("application/json").result(body.toString());
  }
}
