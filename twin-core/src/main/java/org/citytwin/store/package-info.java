/**
 * The spatial store: city objects in an H2GIS file database, one atomic transaction per imported
 * dataset, queried with {@link org.citytwin.query.Query}. The only package that speaks SQL.
 *
 * <p>Schema (version 1): {@code dataset} has one row per source; {@code city_object} has one row
 * per object with the fixed query attributes as typed, indexed columns, the 2D footprint geometry
 * (SRID 4326) with its box and the 3D envelope as B-tree indexed columns ({@link SpatialPrefilter}
 * explains why not an R-tree), the attributes and risks as JSON, and the LOD geometries and meshes
 * in a versioned binary blob ({@link GeometryBlob}); {@code object_attribute} repeats each generic
 * attribute as (name, number, text) so predicates on open-ended attribute names are indexed
 * lookups; {@code store_meta} holds the schema version and the store-wide change counter.
 */
package org.citytwin.store;
