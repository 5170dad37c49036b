package org.citytwin.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Envelope3D;
import org.citytwin.query.Filter;
import org.citytwin.query.Literal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spatial filters combined with a type filter must be driven by the R-trees: H2's cost model
 * otherwise picks the {@code type} index and reads every building (regression: seconds per bbox
 * query on 100,000 buildings).
 */
class QueryPlanTest {
  @TempDir Path directory;

  @Test
  void typeAndBboxUseTheFootprintRtree() throws Exception {
    try (TwinStore store = TwinStore.open(directory)) {
      Filter buildings = new Filter.TypeIn(EnumSet.of(CityObjectType.BUILDING));
      String plan =
          store.plan(
              Filter.and(buildings, new Filter.BboxIntersects(135.44, 34.61, 135.45, 34.62)));
      assertTrue(plan.contains("CITY_OBJECT_FOOTPRINT: FOOTPRINT &&"), plan);
      String box =
          store.plan(
              Filter.and(
                  buildings,
                  new Filter.Box3DIntersects(Envelope3D.of(135.44, 34.61, 0, 135.45, 34.62, 30))));
      assertTrue(box.contains("CITY_OBJECT_ENVELOPE_BOX"), box);
      String attributeOnly =
          store.plan(new Filter.Compare("height", Filter.Operator.GT, Literal.of(10)));
      assertTrue(!attributeOnly.contains("USE INDEX"), attributeOnly);
    }
  }
}
