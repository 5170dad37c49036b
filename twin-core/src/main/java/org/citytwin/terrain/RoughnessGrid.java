package org.citytwin.terrain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Manning's n per cell of a run's grid, with what each cell's n came from.
 *
 * @param manning n per cell, s/m^(1/3), no NODATA
 * @param classes per class found (by {@link RoughnessGrid#DEFAULT_CLASS}, {@code road}, {@code
 *     water}, {@code landUse:<code>}): its n and the cells that took it, in first-found order
 */
public record RoughnessGrid(Raster manning, Map<String, ClassCells> classes) {
  /** The class of cells no object covers. */
  public static final String DEFAULT_CLASS = "default";

  /** A class's n and how many cells took it. */
  public record ClassCells(double manning, int cells) {}

  public RoughnessGrid {
    Objects.requireNonNull(manning, "manning");
    classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
  }

  /** One line for logs, e.g. "Manning's n by class: road n=0.016 on 1200 cells, ...". */
  public String summary() {
    return "Manning's n by class: "
        + classes.entrySet().stream()
            .map(
                e ->
                    String.format(
                        Locale.ROOT,
                        "%s n=%s on %d cells",
                        e.getKey(),
                        Double.toString(e.getValue().manning()),
                        e.getValue().cells()))
            .collect(Collectors.joining(", "));
  }
}
