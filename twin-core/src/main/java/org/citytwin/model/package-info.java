/**
 * The twin's own city model: immutable values that every stage (load, store, query, tile, simulate,
 * serve) speaks. Coordinates here are always CRS84 longitude/latitude in degrees plus height in
 * metres as published by the source (orthometric for PLATEAU).
 */
package org.citytwin.model;
