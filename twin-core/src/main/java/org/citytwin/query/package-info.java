/**
 * What a caller may ask the store: a {@link org.citytwin.query.Filter} tree over flat attribute
 * names, and a {@link org.citytwin.query.Query} that adds order, paging and nearest-neighbour
 * selection. Pure values with no database types, so the command line and the OGC API layer can
 * build queries without knowing how they are executed; {@link org.citytwin.query.Cql2Parser} reads
 * OGC CQL2 text into a filter.
 */
package org.citytwin.query;
