package org.citytwin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citytwin.model.CityObject;
import org.citytwin.model.CityObjectType;
import org.citytwin.query.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-type counts and extents the collection list reads instead of scanning objects. */
class TypeSummariesTest {

  @TempDir Path directory;

  @Test
  void summariesEqualCountsAndExtentsOverTheObjectsThroughReplacements() throws Exception {
    try (TwinStore store = TwinStore.open(directory)) {
      TwinStoreTest.importAll(store, "a.gml", objects("a", 0, 30));
      TwinStoreTest.importAll(store, "b.gml", objects("b", 100, 12));
      assertEquals(scanned(store), store.typeSummaries());
      // Re-importing a source replaces its summary along with its objects.
      TwinStoreTest.importAll(store, "a.gml", objects("a", 200, 5));
      assertEquals(scanned(store), store.typeSummaries());
      assertEquals(17, store.typeSummaries().values().stream().mapToLong(TypeSummary::count).sum());
    }
  }

  @Test
  void aVersion3StoreGetsItsSummariesOnOpen() throws Exception {
    Map<CityObjectType, TypeSummary> before;
    try (TwinStore store = TwinStore.open(directory)) {
      TwinStoreTest.importAll(store, "a.gml", objects("a", 0, 20));
      before = store.typeSummaries();
    }
    // Turn the file back into what version 3 wrote: no summary table.
    String url = H2Files.url(directory.toAbsolutePath().resolve("twin"));
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE type_summary");
      statement.execute("UPDATE store_meta SET meta_value = 3 WHERE meta_key = 'schema_version'");
    }
    try (TwinStore store = TwinStore.open(directory)) {
      assertEquals(before, store.typeSummaries());
      assertEquals(scanned(store), store.typeSummaries());
    }
  }

  /** The same figures from queries over the objects. */
  private static Map<CityObjectType, TypeSummary> scanned(TwinStore store) throws Exception {
    Map<CityObjectType, TypeSummary> summaries = new EnumMap<>(CityObjectType.class);
    for (CityObjectType type : CityObjectType.values()) {
      Filter filter = new Filter.TypeIn(Set.of(type));
      long count = store.count(filter);
      if (count > 0) {
        summaries.put(type, new TypeSummary(count, store.extent(filter)));
      }
    }
    return summaries;
  }

  /** Buildings spread eastwards, every fifth a part and every seventh without geometry. */
  private static List<CityObject> objects(String prefix, int first, int count) {
    List<CityObject> objects = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      CityObject box =
          BoxBuildings.box(
              prefix + "_" + i,
              135.45 + i * 0.0005,
              34.6 + (i % 7) * 0.0003,
              10,
              8,
              i % 3,
              5 + i,
              Map.of(),
              List.of());
      boolean part = i % 5 == 0;
      boolean bare = i % 7 == 0;
      objects.add(
          new CityObject(
              box.gmlId(),
              part ? CityObjectType.BUILDING_PART : CityObjectType.BUILDING,
              part ? "bldg:BuildingPart" : "bldg:Building",
              null,
              box.attributes(),
              box.risks(),
              bare ? List.of() : box.geometries(),
              bare ? null : box.shape()));
    }
    return objects;
  }
}
