/**
 * Writes city objects as GeoJSON features with flat properties, streamed: the encoding shared by
 * the command line and the HTTP API.
 */
package org.citytwin.geojson;
