/**
 * Coordinate reference systems: turns a CityGML {@code srsName} into a converter between the
 * source's coordinates and the twin's canonical frame (CRS84 longitude, latitude in degrees, height
 * in metres as published), and gives local metric frames for distances and areas. This is the only
 * package that imports Apache SIS; everything else speaks degrees and metres.
 */
package org.citytwin.crs;
