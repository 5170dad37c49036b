package org.citytwin.citygml;

import java.util.ArrayList;
import java.util.List;
import org.citytwin.model.CityObject;

/** Reads a whole source for tests: all objects and all issues. */
record Reading(
    CityGmlVersion version,
    String sourceCrs,
    List<CityObject> objects,
    List<String> ids,
    IssueCounts issues) {

  static Reading of(CityGmlParser parser, CityGmlSource source) throws Exception {
    List<CityObject> objects = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    IssueCounts issues = new IssueCounts();
    try (CityGmlReader reader = parser.open(source)) {
      ConvertedChunk chunk;
      while ((chunk = reader.next()) != null) {
        objects.addAll(chunk.objects());
        ids.addAll(chunk.ids());
        issues.addAll(chunk.issues());
      }
      return new Reading(reader.version(), reader.sourceCrs(), objects, ids, issues);
    }
  }

  CityObject object(String gmlId) {
    return objects.stream()
        .filter(o -> o.gmlId().equals(gmlId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no object " + gmlId));
  }
}
