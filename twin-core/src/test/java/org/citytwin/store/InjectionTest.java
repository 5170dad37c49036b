package org.citytwin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.CityObject;
import org.citytwin.query.Filter;
import org.citytwin.query.Filter.Operator;
import org.citytwin.query.Literal;
import org.citytwin.query.Query;
import org.citytwin.query.SortKey;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile text as attribute names, values, patterns and sort keys is data, never SQL. */
class InjectionTest {

  @TempDir Path directory;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x'); DROP TABLE city_object; --",
        "\" OR 1=1 --",
        "name' OR '1'='1",
        "a.name = 'x' OR TRUE; DELETE FROM dataset; --"
      })
  void hostileTextIsHarmless(String hostile) throws Exception {
    try (TwinStore store = TwinStore.open(directory)) {
      CityObject building =
          BoxBuildings.box(
              hostile,
              135.45,
              34.6,
              10,
              10,
              0,
              10,
              Map.of(hostile, new AttributeValue.Text(hostile)),
              List.of());
      TwinStoreTest.importAll(store, hostile, List.of(building));
      List<Filter> filters =
          List.of(
              new Filter.Compare(hostile, Operator.EQ, Literal.of(hostile)),
              new Filter.Compare("name", Operator.NE, Literal.of(hostile)),
              new Filter.Like(hostile, hostile),
              new Filter.In(hostile, List.of(Literal.of(hostile), Literal.of(1))),
              new Filter.IsNull(hostile),
              new Filter.Compare("gml_id", Operator.EQ, Literal.of(hostile)),
              new Filter.Compare("dataset", Operator.EQ, Literal.of(hostile)));
      long[] expected = {1, 0, 1, 1, 0, 1, 1};
      for (int i = 0; i < filters.size(); i++) {
        assertEquals(expected[i], store.count(filters.get(i)), filters.get(i).toString());
        assertEquals(
            expected[i],
            store.list(Query.of(filters.get(i)).sortedBy(SortKey.ascending(hostile))).size());
      }
      assertEquals(hostile, store.get(hostile).orElseThrow().object().gmlId());
      assertEquals(1, store.count(Filter.all()));
      assertEquals(1, store.datasets().size());
    }
  }
}
