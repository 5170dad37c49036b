package org.citytwin.http.ogc;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.citytwin.geojson.LodGeometries;
import org.citytwin.geojson.ObjectDetailWriter;
import org.citytwin.http.HttpProblem;
import org.citytwin.http.Links;
import org.citytwin.http.RequestParameters;
import org.citytwin.http.ResponseFormat;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.CityObject;
import org.citytwin.query.Filter;
import org.citytwin.query.FixedAttribute;
import org.citytwin.query.Literal;
import org.citytwin.query.Query;
import org.citytwin.store.StoreException;
import org.citytwin.store.StoredObject;
import org.citytwin.store.TwinStore;

/**
 * {@code /objects/{gmlId}}: one object of any collection in full (see {@link ObjectDetailWriter}),
 * with the ids of its children (objects whose {@code parent_id} is its id, at most {@link
 * #MAX_CHILDREN}) and links to its parent and to its item in its OGC collection.
 */
final class ObjectResource {
  static final int MAX_CHILDREN = 10_000;
  private static final JsonFactory JSON_FACTORY = new JsonFactory();

  private final TwinStore store;
  private final ObjectDetailWriter writer = new ObjectDetailWriter();

  ObjectResource(TwinStore store) {
    this.store = store;
  }

  void get(Context ctx) throws StoreException {
    RequestParameters parameters = RequestParameters.of(ctx, Set.of("f"));
    ResponseFormat format = ResponseFormat.of(ctx, parameters);
    String id = ctx.pathParam("gmlId");
    StoredObject stored =
        store.get(id).orElseThrow(() -> HttpProblem.notFound("no object '" + id + "'"));
    List<String> children = new ArrayList<>();
    store.query(
        Query.of(
                new Filter.Compare(
                    FixedAttribute.PARENT_ID.attributeName(), Filter.Operator.EQ, Literal.of(id)))
            .page(MAX_CHILDREN, 0),
        child -> children.add(child.object().gmlId()));
    String base = Links.origin(ctx) + FeaturesApi.ROOT;
    if (format == ResponseFormat.HTML) {
      ctx.html(html(base, stored, children));
      return;
    }
    ctx.contentType("application/json").result(json(base, stored, children));
  }

  private byte[] json(String base, StoredObject stored, List<String> children) {
    CityObject object = stored.object();
    String self = base + "/objects/" + Links.encode(object.gmlId());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16_384);
    try (JsonGenerator json = JSON_FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
      json.writeStartObject();
      writer.writeMembers(json, object, stored.datasetSourceName(), children);
      json.writeArrayFieldStart("links");
      link(json, self, "self", "application/json");
      link(json, self + "?f=html", "alternate", "text/html");
      link(json, itemUrl(base, object), "item", ItemsResource.GEOJSON);
      if (object.parentId() != null) {
        link(json, base + "/objects/" + Links.encode(object.parentId()), "up", "application/json");
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static String itemUrl(String base, CityObject object) {
    return base
        + "/collections/"
        + object.type().collection().id()
        + "/items/"
        + Links.encode(object.gmlId());
  }

  private static void link(JsonGenerator json, String href, String rel, String type)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("href", href);
    json.writeStringField("rel", rel);
    json.writeStringField("type", type);
    json.writeEndObject();
  }

  private static String html(String base, StoredObject stored, List<String> children) {
    CityObject object = stored.object();
    List<List<String>> rows = new ArrayList<>();
    for (FixedAttribute fixed : FixedAttribute.values()) {
      Literal value = fixed.valueOf(object, stored.datasetSourceName());
      if (value instanceof Literal.NumberLiteral n) {
        rows.add(List.of(fixed.attributeName(), String.format(Locale.ROOT, "%.3f", n.value())));
      } else if (value instanceof Literal.TextLiteral t) {
        rows.add(List.of(fixed.attributeName(), t.value()));
      }
    }
    object.attributes().forEach((name, value) -> rows.add(List.of(name, describe(value))));
    List<List<String>> geometries = new ArrayList<>();
    LodGeometries.byLodAndRole(object)
        .forEach(
            (lod, roles) ->
                roles.forEach(
                    (role, geometry) ->
                        geometries.add(
                            List.of(
                                "lod" + lod,
                                role.name().toLowerCase(Locale.ROOT),
                                Integer.toString(geometry.getNumGeometries())))));
    Html page =
        new Html(object.gmlId())
            .heading(object.type().id() + " " + object.gmlId())
            .link(itemUrl(base, object) + "?f=html", "Item in its collection")
            .link(base + "/objects/" + Links.encode(object.gmlId()) + "?f=json", "As JSON");
    if (object.parentId() != null) {
      page.link(base + "/objects/" + Links.encode(object.parentId()) + "?f=html", "Parent");
    }
    page.table(List.of("property", "value"), rows);
    page.table(
        List.of("child"),
        children.stream()
            .map(c -> List.of(Html.linkCell(base + "/objects/" + Links.encode(c) + "?f=html", c)))
            .toList());
    return page.table(List.of("lod", "role", "parts"), geometries).render();
  }

  private static String describe(AttributeValue value) {
    if (value instanceof AttributeValue.Number n && n.uom() != null) {
      return n.text() + " " + n.uom();
    }
    if (value instanceof AttributeValue.Code c && c.label() != null) {
      return c.code() + " (" + c.label() + ")";
    }
    return value.text();
  }
}
