/**
 * 3D Tiles 1.1 output: a quadtree of buildings over the store, each leaf a binary glTF with flat
 * normals, feature ids and a property table (EXT_mesh_features, EXT_structural_metadata), placed in
 * ECEF with ellipsoidal heights through a {@link org.citytwin.tiles.GeoidModel}.
 */
package org.citytwin.tiles;
