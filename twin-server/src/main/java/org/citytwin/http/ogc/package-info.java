/**
 * OGC API - Features (Part 1 Core, Part 2 CRS, Part 3 Filtering with CQL2 text) over the store,
 * with JSON/GeoJSON and HTML representations, plus the planners' aggregate queries. One class per
 * resource; {@link org.citytwin.http.ogc.FeaturesApi} registers the routes.
 */
package org.citytwin.http.ogc;
