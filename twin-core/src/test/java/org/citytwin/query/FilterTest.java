package org.citytwin.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.citytwin.model.Envelope3D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FilterTest {

  @Test
  void textComparedWithANumericFixedAttributeIsRejected() {
    assertMessage(
        () -> new Filter.Compare("height", Filter.Operator.GT, Literal.of("tall")),
        "attribute 'height' holds numbers and cannot be compared with the text 'tall'");
    assertMessage(
        () -> new Filter.Compare("gml_id", Filter.Operator.EQ, Literal.of(3)),
        "attribute 'gml_id' holds texts and cannot be compared with the number 3.0");
    assertMessage(
        () -> new Filter.Like("river_flood_depth", "1%"),
        "attribute 'river_flood_depth' holds numbers; LIKE needs a text attribute");
    assertThrows(
        IllegalArgumentException.class,
        () -> new Filter.Between("height", Literal.of(1), Literal.of("9")));
  }

  @Test
  void genericAttributesAcceptBothKindsAndTypeIsNormalised() {
    new Filter.Compare("measuredHeight", Filter.Operator.GT, Literal.of("10"));
    new Filter.Compare("name", Filter.Operator.EQ, Literal.of(10));
    Filter.Compare type = new Filter.Compare("type", Filter.Operator.EQ, Literal.of("Building"));
    assertEquals(Literal.of("building"), type.value());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Filter.Compare("type", Filter.Operator.EQ, Literal.of("castle")));
  }

  @Test
  void coordinatesAndDistancesAreValidatedWithTheValueInTheMessage() {
    assertMessage(
        () -> new Filter.BboxIntersects(135.5, 34, 135.4, 35),
        "bbox min (135.5, 34.0) must not exceed max (135.4, 35.0)");
    assertMessage(
        () -> new Filter.BboxIntersects(135, -91, 136, 35),
        "bbox min latitude -91.0 must be a latitude in -90..90");
    assertMessage(
        () -> new Filter.WithinDistance(135, 34, -1),
        "distance -1.0 must be a finite number of metres >= 0");
    assertThrows(IllegalArgumentException.class, () -> Literal.of(Double.NaN));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Filter.Box3DIntersects(Envelope3D.of(135, 34, 0, 136, 95, 1)));
    assertThrows(IllegalArgumentException.class, () -> new Filter.TypeIn(Set.of()));
    assertThrows(IllegalArgumentException.class, () -> new Filter.In("name", List.of()));
  }

  @Test
  void queriesValidatePagingAndNearest() {
    assertMessage(() -> Query.of(Filter.all()).page(-1, 0), "limit must be >= 0, was -1");
    assertMessage(
        () -> Query.of(Filter.all()).nearestTo(135, 34, 0), "nearest count k must be >= 1, was 0");
    assertThrows(
        IllegalArgumentException.class,
        () -> Query.of(Filter.all()).sortedBy(SortKey.ascending("height")).nearestTo(135, 34, 3));
  }

  private static void assertMessage(Executable executable, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
    assertEquals(message, e.getMessage());
    assertTrue(message.length() > 10);
  }
}
