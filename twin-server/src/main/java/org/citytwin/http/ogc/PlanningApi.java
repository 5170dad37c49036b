package org.citytwin.http.ogc;

import io.javalin.config.JavalinConfig;

/**
 * The twin's own resources beside OGC API - Features: aggregates over a collection for planners
 * ({@code /collections/{id}/aggregate}) and the full detail of one object in any collection ({@code
 * /objects/{gmlId}}).
 */
final class PlanningApi {
  private final AggregateResource aggregate;
  private final ObjectResource objects;

  PlanningApi(Collections collections, QueryablesCache queryables) {
    this.aggregate = new AggregateResource(collections.store(), collections, queryables);
    this.objects = new ObjectResource(collections.store());
  }

  void addRoutes(JavalinConfig config) {
    config.routes.get(FeaturesApi.ROOT + "/collections/{collection}/aggregate", aggregate::get);
    config.routes.get(FeaturesApi.ROOT + "/objects/{gmlId}", objects::get);
  }
}
