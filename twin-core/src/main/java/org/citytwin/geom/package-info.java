/**
 * Geometry operations on the city model: triangulating planar polygons, and deriving an object's
 * footprint, heights, area and meshes once at load. Works in CRS84 degrees with small local metric
 * approximations (documented with their error) instead of map projections; uses JTS, not SIS.
 */
package org.citytwin.geom;
