package org.citytwin.http.ogc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Map;
import org.citytwin.analysis.Aggregation;
import org.citytwin.analysis.AggregationLimitException;
import org.citytwin.analysis.AggregationResult;
import org.citytwin.analysis.GroupKey;
import org.citytwin.analysis.GroupResult;
import org.citytwin.analysis.Histogram;
import org.citytwin.analysis.Statistics;
import org.citytwin.http.HttpProblem;
import org.citytwin.http.Links;
import org.citytwin.http.RequestParameters;
import org.citytwin.query.Literal;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;

/**
 * {@code /collections/{id}/aggregate}: counts and statistics of the matching objects, per group,
 * streamed through an {@link Aggregation} so no object is kept. JSON by default, CSV (one row per
 * group plus a total row, no histogram) with {@code f=csv}.
 */
final class AggregateResource {
  private final TwinStore store;
  private final Collections collections;
  private final QueryablesCache queryables;

  AggregateResource(TwinStore store, Collections collections, QueryablesCache queryables) {
    this.store = store;
    this.collections = collections;
    this.queryables = queryables;
  }

  void get(Context ctx) throws StoreException {
    RequestParameters parameters = RequestParameters.of(ctx, AggregateRequest.PARAMETERS);
    Collections.Info collection = collections.get(ctx.pathParam("collection"));
    AggregateRequest request =
        AggregateRequest.parse(parameters, collection, queryables.of(collection));
    AggregationResult result;
    try {
      result = Aggregation.run(store, request.filter(), request.spec());
    } catch (AggregationLimitException e) {
      throw HttpProblem.badParameter(
          e.limit() == AggregationLimitException.Limit.GROUPS ? "groupBy" : "binWidth",
          e.getMessage());
    }
    if (request.format() == AggregateRequest.Format.CSV) {
      ctx.contentType("text/csv; charset=utf-8").result(AggregateCsv.write(result));
      return;
    }
    FeaturesApi.json(ctx, json(ctx, collection, result));
  }

  private static ObjectNode json(
      Context ctx, Collections.Info collection, AggregationResult result) {
    ObjectNode body = FeaturesApi.JSON.createObjectNode();
    body.put("collection", collection.id());
    body.put("numberMatched", result.total().count());
    result.spec().groupBy().ifPresent(name -> body.put("groupBy", name));
    writeMeasures(body, result.total());
    result.total().histogram().ifPresent(h -> writeHistogram(body.putObject("histogram"), h, true));
    if (result.spec().groupBy().isPresent()) {
      ArrayNode groups = body.putArray("groups");
      for (GroupResult group : result.groups()) {
        ObjectNode node = groups.addObject();
        writeKey(node, group.key());
        node.put("count", group.count());
        writeMeasures(node, group);
        group.histogram().ifPresent(h -> writeHistogram(node.putObject("histogram"), h, false));
      }
    }
    String path = FeaturesApi.ROOT + "/collections/" + collection.id();
    ArrayNode links = body.putArray("links");
    FeaturesApi.link(
        links,
        Links.withParameters(ctx, path + "/aggregate", Map.of()),
        "self",
        "application/json",
        "This aggregate");
    FeaturesApi.link(
        links,
        Links.withParameters(ctx, path + "/aggregate", Map.of("f", "csv")),
        "alternate",
        "text/csv",
        "This aggregate as CSV");
    FeaturesApi.link(
        links, Links.origin(ctx) + path, "collection", "application/json", "The collection");
    return body;
  }

  private static void writeKey(ObjectNode node, GroupKey key) {
    if (key.value() instanceof Literal.NumberLiteral number) {
      node.put("key", number.value());
    } else if (key.value() instanceof Literal.TextLiteral text) {
      node.put("key", text.value());
    } else {
      node.putNull("key");
    }
    if (key.label() != null) {
      node.put("label", key.label());
    }
  }

  private static void writeMeasures(ObjectNode node, GroupResult group) {
    if (group.measures().isEmpty()) {
      return;
    }
    ObjectNode measures = node.putObject("measures");
    group.measures().forEach((name, statistics) -> write(measures.putObject(name), statistics));
  }

  private static void write(ObjectNode node, Statistics statistics) {
    node.put("count", statistics.count());
    node.put("sum", statistics.sum());
    number(node, "min", statistics.min());
    number(node, "max", statistics.max());
    number(node, "mean", statistics.mean());
    if (statistics.nonNumeric() > 0) {
      node.put("nonNumeric", statistics.nonNumeric());
    }
  }

  private static void number(ObjectNode node, String name, double value) {
    if (Double.isNaN(value)) {
      node.putNull(name);
    } else {
      node.put(name, value);
    }
  }

  private static void writeHistogram(ObjectNode node, Histogram histogram, boolean withEdges) {
    if (withEdges) {
      node.put("attribute", histogram.attribute());
      ArrayNode edges = node.putArray("edges");
      for (double edge : histogram.edges()) {
        edges.add(edge);
      }
    }
    ArrayNode counts = node.putArray("counts");
    for (long count : histogram.counts()) {
      counts.add(count);
    }
  }
}
