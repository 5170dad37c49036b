package org.citytwin.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.citytwin.model.CityObject;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.RiskAttribute;
import org.citytwin.model.RiskKind;
import org.junit.jupiter.api.Test;

class FixedAttributeTest {

  private static RiskAttribute risk(RiskKind kind, String rank, Double depth, Double hours) {
    return new RiskAttribute(kind, "river", rank, depth, hours, "L2", null, null);
  }

  @Test
  void floodSummaryTakesMaximaAndNumericRanksOnly() {
    CityObject object =
        new CityObject(
            "b1",
            CityObjectType.BUILDING,
            "bldg:Building",
            null,
            Map.of(),
            List.of(
                risk(RiskKind.RIVER_FLOOD, "2", 1.5, 3.0),
                risk(RiskKind.RIVER_FLOOD, "10", 0.5, null),
                risk(RiskKind.RIVER_FLOOD, "0.5m以上3m未満", 4.0, 12.0),
                risk(RiskKind.TSUNAMI, "x", null, null),
                risk(RiskKind.LANDSLIDE, null, null, null),
                risk(RiskKind.LANDSLIDE, null, null, null)),
            List.of(),
            null);
    assertEquals(Literal.of(4.0), FixedAttribute.RIVER_FLOOD_DEPTH.valueOf(object, "d"));
    assertEquals(Literal.of(10), FixedAttribute.RIVER_FLOOD_RANK.valueOf(object, "d"));
    assertEquals(Literal.of(12.0), FixedAttribute.RIVER_FLOOD_DURATION.valueOf(object, "d"));
    assertNull(FixedAttribute.TSUNAMI_DEPTH.valueOf(object, "d"));
    assertNull(FixedAttribute.TSUNAMI_RANK.valueOf(object, "d"));
    assertEquals(Literal.of(2), FixedAttribute.LANDSLIDE.valueOf(object, "d"));
    assertNull(FixedAttribute.HEIGHT.valueOf(object, "d"));
    assertNull(FixedAttribute.PARENT_ID.valueOf(object, "d"));
    assertEquals(Literal.of("d"), FixedAttribute.DATASET.valueOf(object, "d"));
    assertEquals(Literal.of("building"), FixedAttribute.TYPE.valueOf(object, "d"));
  }
}
