package org.citytwin.citygml;

import java.util.List;
import org.citytwin.model.CityObject;

/**
 * The result of one chunk (one top-level feature): its city objects, every gml:id it contains in
 * document order (for duplicate detection across the file), and the data problems found in it.
 */
public record ConvertedChunk(List<CityObject> objects, List<String> ids, IssueCounts issues) {
  public ConvertedChunk {
    objects = List.copyOf(objects);
    ids = List.copyOf(ids);
  }
}
