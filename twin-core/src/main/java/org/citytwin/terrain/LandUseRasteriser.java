package org.citytwin.terrain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * Burns areas of ground classes (roads, water, land-use parcels) into a grid of Manning's n: a cell
 * takes the n of the area covering its <b>centre</b> (the rule buildings follow as walls, {@link
 * CellMask#within}), cells no area covers take the table's open-ground n. Where areas overlap, the
 * higher {@link Area#layer()} wins (the caller puts the more specific objects higher: water over
 * roads over land-use parcels), and within a layer the smaller area wins (a park inside a
 * residential parcel is the park).
 */
public final class LandUseRasteriser {
  private LandUseRasteriser() {}

  /**
   * One area of a class.
   *
   * @param className the class it counts under, e.g. {@code road} or {@code landUse:203}
   * @param manning its n
   * @param polygon (Multi)Polygon in the grid's CRS
   * @param layer paint order: higher wins where areas overlap
   */
  public record Area(String className, double manning, Geometry polygon, int layer) {
    public Area {
      Objects.requireNonNull(className, "className");
      Objects.requireNonNull(polygon, "polygon");
    }
  }

  /** The n grid on {@code grid} from {@code areas}, cells outside all of them at {@code open}. */
  public static RoughnessGrid rasterise(GridGeometry grid, double open, List<Area> areas) {
    List<Area> order = new ArrayList<>(areas);
    // Paint low layers first and, within a layer, large areas first: later ones overwrite.
    order.sort(
        Comparator.comparingInt(Area::layer)
            .thenComparing(
                Comparator.comparingDouble((Area a) -> a.polygon().getArea()).reversed()));
    int[] owner = new int[grid.cellCount()];
    java.util.Arrays.fill(owner, -1);
    for (int i = 0; i < order.size(); i++) {
      int index = i;
      FootprintCells.forEach(grid, order.get(i).polygon(), cell -> owner[cell] = index);
    }
    float[] n = new float[grid.cellCount()];
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, Double> values = new LinkedHashMap<>();
    counts.put(RoughnessGrid.DEFAULT_CLASS, new int[1]);
    values.put(RoughnessGrid.DEFAULT_CLASS, open);
    for (int cell = 0; cell < n.length; cell++) {
      String name;
      double value;
      if (owner[cell] < 0) {
        name = RoughnessGrid.DEFAULT_CLASS;
        value = open;
      } else {
        Area a = order.get(owner[cell]);
        name = a.className();
        value = a.manning();
      }
      n[cell] = (float) value;
      counts.computeIfAbsent(name, k -> new int[1])[0]++;
      values.putIfAbsent(name, value);
    }
    Map<String, RoughnessGrid.ClassCells> classes = new LinkedHashMap<>();
    counts.forEach(
        (name, count) ->
            classes.put(name, new RoughnessGrid.ClassCells(values.get(name), count[0])));
    return new RoughnessGrid(Raster.of(grid, n), classes);
  }
}
