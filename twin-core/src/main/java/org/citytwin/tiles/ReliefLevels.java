package org.citytwin.tiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citytwin.model.CityObject;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Envelope3D;
import org.citytwin.model.Mesh;
import org.citytwin.query.Query;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;

/**
 * The coarse levels of the relief tileset. Leaves show each TIN in full; every inner node shows the
 * TINs below it resampled on a grid ({@link CoarseRelief}) of {@link #CELLS_PER_SIDE} cells along
 * its longer side, so each level down halves the cell size, and its children replace it when a
 * viewer refines. Its geometric error is the measured deviation of that grid from the TINs ({@link
 * CoarseRelief.Deviation#geometricErrorMetres()}), rounded up to the centimetre.
 */
final class ReliefLevels {
  /** Grid cells along an inner node's longer side: at most 2 × 16 × 16 triangles per tile. */
  static final int CELLS_PER_SIDE = 16;

  private ReliefLevels() {}

  /**
   * {@code layout} with every inner node given the relief objects below it as its coarse content
   * and the deviation of their resampled surface as its detail (the geometric error); an inner node
   * whose grid keeps no triangle (TINs thinner than a cell) stays without content.
   */
  static TilesetLayout withCoarseLevels(
      TwinStore store, TilesetLayout layout, Set<CityObjectType> types) throws StoreException {
    Map<TileId, TilesetLayout.Node> nodes = new LinkedHashMap<>();
    for (TilesetLayout.Node node : layout.nodes().values()) {
      if (node.isLeaf()) {
        nodes.put(node.id(), node);
        continue;
      }
      Below below = below(store, layout, node.id(), types);
      Coarse coarse = coarse(node, below);
      if (coarse == null) {
        nodes.put(node.id(), node);
        continue;
      }
      List<String> ids = new ArrayList<>();
      for (int owner = 0; owner < below.objects.size(); owner++) {
        if (coarse.meshes[owner] != null) {
          ids.add(below.objects.get(owner).gmlId());
        }
      }
      double error = Math.ceil(coarse.deviation.geometricErrorMetres() * 100) / 100;
      nodes.put(
          node.id(),
          new TilesetLayout.Node(
              node.id(),
              node.bounds(),
              node.content(),
              node.buildingCount(),
              node.children(),
              ids,
              error));
    }
    return new TilesetLayout(layout.storeVersion(), layout.root(), nodes);
  }

  /** The coarse content of inner node {@code tile}, written like a leaf's. */
  static TileContent content(
      TwinStore store,
      TilesetLayout layout,
      TileId tile,
      Set<CityObjectType> types,
      TileContentBuilder builder)
      throws StoreException {
    TilesetLayout.Node node = layout.node(tile);
    Below below = below(store, layout, tile, types);
    Coarse coarse = coarse(node, below);
    if (coarse == null) {
      throw new IllegalStateException("relief tile " + tile + " has no coarse surface");
    }
    for (int owner = 0; owner < below.objects.size(); owner++) {
      if (coarse.meshes[owner] != null) {
        builder.add(below.objects.get(owner), coarse.meshes[owner]);
      }
    }
    return builder.build();
  }

  /** A node's resampled surface and its deviation, or null when it keeps no triangle. */
  private static Coarse coarse(TilesetLayout.Node node, Below below) {
    Envelope3D box = node.content();
    if (below.tins.isEmpty() || !(box.maxLon() > box.minLon()) || !(box.maxLat() > box.minLat())) {
      return null;
    }
    CoarseRelief grid = CoarseRelief.sample(box, below.tins, CELLS_PER_SIDE);
    Mesh[] meshes = grid.meshesByOwner(below.tins.size(), below.tins.get(0).lod());
    boolean any = false;
    for (Mesh mesh : meshes) {
      any |= mesh != null;
    }
    return any ? new Coarse(meshes, grid.deviation(below.tins)) : null;
  }

  private record Coarse(Mesh[] meshes, CoarseRelief.Deviation deviation) {}

  /**
   * The relief objects anchored in a tile and their TINs, by gml:id, so the layout and a later (or
   * restarted) content request resolve overlaps the same way.
   */
  private record Below(List<CityObject> objects, List<Mesh> tins) {}

  private static Below below(
      TwinStore store, TilesetLayout layout, TileId tile, Set<CityObjectType> types)
      throws StoreException {
    List<CityObject> objects = new ArrayList<>();
    store.query(
        Query.of(TilesetBuilder.touching(types, layout.node(tile).bounds())).withGeometry(true),
        stored -> {
          CityObject object = stored.object();
          if (object.shape() == null) {
            return;
          }
          TileAnchor anchor = TileAnchor.of(object);
          if (TileContentBuilder.tileMesh(object) != null
              && tile.contains(layout.root(), anchor.lon(), anchor.lat())) {
            objects.add(object);
          }
        });
    objects.sort(Comparator.comparing(CityObject::gmlId));
    return new Below(objects, objects.stream().map(TileContentBuilder::tileMesh).toList());
  }
}
