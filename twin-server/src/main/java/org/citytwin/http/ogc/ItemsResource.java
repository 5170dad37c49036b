package org.citytwin.http.ogc;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.citytwin.geojson.FeatureWriter;
import org.citytwin.geojson.GeometryChoice;
import org.citytwin.http.HttpProblem;
import org.citytwin.http.Links;
import org.citytwin.http.RequestParameters;
import org.citytwin.http.ResponseBytes;
import org.citytwin.http.ResponseFormat;
import org.citytwin.query.FixedAttribute;
import org.citytwin.query.Literal;
import org.citytwin.store.StoreException;
import org.citytwin.store.StoredObject;
import org.citytwin.store.TwinStore;

/** {@code /collections/{id}/items} and {@code /collections/{id}/items/{featureId}}. */
final class ItemsResource {
  static final String GEOJSON = "application/geo+json";
  private static final JsonFactory JSON_FACTORY = new JsonFactory();
  static final Set<String> ITEM_PARAMETERS = Set.of("f", "crs", "geometry", "properties");

  private final TwinStore store;
  private final Collections collections;
  private final QueryablesCache queryables;
  private final DefaultFeatureJson defaultFeatures = DefaultFeatureJson.sizedForHeap();

  ItemsResource(TwinStore store, Collections collections, QueryablesCache queryables) {
    this.store = store;
    this.collections = collections;
    this.queryables = queryables;
  }

  void items(Context ctx) throws StoreException, IOException {
    Collections.Info collection = collections.get(ctx.pathParam("collection"));
    Queryables known = queryables.of(collection);
    RequestParameters parameters = RequestParameters.of(ctx, known.itemsParameters());
    ResponseFormat format = ResponseFormat.of(ctx, parameters);
    ItemsRequest request = ItemsRequest.parse(parameters, collection, known);
    long matched = store.count(request.query().filter());
    List<StoredObject> page = store.list(request.query());
    if (format == ResponseFormat.HTML) {
      ctx.html(itemsHtml(ctx, collection, page, matched, request));
      return;
    }
    String path = FeaturesApi.ROOT + "/collections/" + collection.id() + "/items";
    List<FeatureCollectionJson.Link> links = new ArrayList<>();
    links.add(
        new FeatureCollectionJson.Link(Links.withParameters(ctx, path, Map.of()), "self", GEOJSON));
    links.add(
        new FeatureCollectionJson.Link(
            Links.withParameters(ctx, path, Map.of("f", "html")), "alternate", "text/html"));
    long offset = request.query().offset();
    int limit = request.query().limit();
    if (offset + page.size() < matched) {
      links.add(
          new FeatureCollectionJson.Link(
              Links.withParameters(ctx, path, Map.of("offset", Long.toString(offset + limit))),
              "next",
              GEOJSON));
    }
    if (offset > 0) {
      links.add(
          new FeatureCollectionJson.Link(
              Links.withParameters(
                  ctx, path, Map.of("offset", Long.toString(Math.max(0, offset - limit)))),
              "prev",
              GEOJSON));
    }
    FeatureCollectionJson collectionJson =
        new FeatureCollectionJson(
            matched, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), links, page);
    byte[] body =
        request.defaultFeatures()
            ? collectionJson.copy(defaultFeatures::of)
            : collectionJson.write(
                new FeatureWriter(
                    request.geometry(), request.crs().fromCrs84(), request.properties()));
    ctx.header("Content-Crs", "<" + request.crs().uri() + ">");
    ResponseBytes.send(ctx, GEOJSON, body);
  }

  void item(Context ctx) throws StoreException, IOException {
    RequestParameters parameters = RequestParameters.of(ctx, ITEM_PARAMETERS);
    ResponseFormat format = ResponseFormat.of(ctx, parameters);
    Collections.Info collection = collections.get(ctx.pathParam("collection"));
    String id = ctx.pathParam("featureId");
    GeometryChoice geometry = ItemsRequest.geometry(parameters);
    Optional<StoredObject> found =
        store.get(id, format == ResponseFormat.HTML || geometry.needsLodGeometry());
    if (found.isEmpty() || !collection.types().contains(found.get().object().type())) {
      throw HttpProblem.notFound("no feature '" + id + "' in collection '" + collection.id() + "'");
    }
    StoredObject stored = found.get();
    if (format == ResponseFormat.HTML) {
      ctx.html(itemHtml(stored));
      return;
    }
    ResponseCrs crs = ResponseCrs.parse("crs", parameters.text("crs"));
    List<String> selected = parameters.list("properties");
    String self =
        Links.origin(ctx)
            + FeaturesApi.ROOT
            + "/collections/"
            + collection.id()
            + "/items/"
            + Links.encode(id);
    byte[] body;
    if (crs.isCrs84() && geometry == GeometryChoice.FOOTPRINT && selected.isEmpty()) {
      body = defaultFeatures.of(stored);
    } else {
      FeatureWriter writer =
          new FeatureWriter(
              geometry,
              crs.fromCrs84(),
              selected.isEmpty() ? n -> true : Set.copyOf(selected)::contains);
      body = write(json -> writer.write(json, stored.object(), stored.datasetSourceName()));
    }
    ctx.header("Content-Crs", "<" + crs.uri() + ">");
    ctx.header("Link", "<" + self + ">; rel=\"self\"; type=\"" + GEOJSON + "\"");
    ResponseBytes.send(ctx, GEOJSON, body);
  }

  private interface JsonBody {
    void write(JsonGenerator json) throws IOException;
  }

  private static byte[] write(JsonBody body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16_384);
    try (JsonGenerator json = JSON_FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
      body.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static String itemsHtml(
      Context ctx,
      Collections.Info collection,
      List<StoredObject> page,
      long matched,
      ItemsRequest request) {
    String base =
        Links.origin(ctx) + FeaturesApi.ROOT + "/collections/" + collection.id() + "/items/";
    List<List<String>> rows = new ArrayList<>();
    for (StoredObject stored : page) {
      rows.add(
          List.of(
              Html.linkCell(
                  base + Links.encode(stored.object().gmlId()) + "?f=html",
                  stored.object().gmlId()),
              stored.object().type().id(),
              number(stored, FixedAttribute.HEIGHT),
              number(stored, FixedAttribute.RIVER_FLOOD_DEPTH)));
    }
    Html html =
        new Html(collection.title())
            .heading(collection.title())
            .paragraph(
                matched + " matching, showing " + page.size() + " from " + request.query().offset())
            .table(List.of("id", "type", "height (m)", "river flood depth (m)"), rows);
    long next = request.query().offset() + request.query().limit();
    if (next < matched) {
      html.link(
          Links.withParameters(
              ctx,
              FeaturesApi.ROOT + "/collections/" + collection.id() + "/items",
              Map.of("offset", Long.toString(next), "f", "html")),
          "Next page");
    }
    return html.render();
  }

  private static String itemHtml(StoredObject stored) {
    List<List<String>> rows = new ArrayList<>();
    for (FixedAttribute fixed : FixedAttribute.values()) {
      Literal value = fixed.valueOf(stored.object(), stored.datasetSourceName());
      if (value != null) {
        rows.add(List.of(fixed.attributeName(), text(value)));
      }
    }
    stored.object().attributes().forEach((name, value) -> rows.add(List.of(name, value.text())));
    return new Html(stored.object().gmlId())
        .heading(stored.object().gmlId())
        .table(List.of("property", "value"), rows)
        .render();
  }

  private static String number(StoredObject stored, FixedAttribute attribute) {
    Literal value = attribute.valueOf(stored.object(), stored.datasetSourceName());
    return value == null ? "" : text(value);
  }

  private static String text(Literal value) {
    return value instanceof Literal.NumberLiteral n
        ? String.format(java.util.Locale.ROOT, "%.3f", n.value())
        : ((Literal.TextLiteral) value).value();
  }
}
