package org.citytwin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.CityObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single-item gets without geometry come from the object cache once read, and never outlive the
 * store version they were read at: a re-import, or a newer dataset with the same gml:id, is seen by
 * the very next get.
 */
class CachedGetTest {
  @TempDir Path directory;

  @Test
  void aRepeatedGetIsServedFromTheCacheWithTheSameContent() throws Exception {
    try (TwinStore store = TwinStore.open(directory)) {
      TwinStoreTest.importAll(store, "a.gml", List.of(named("bldg_1", "first")));
      StoredObject read = store.get("bldg_1", false).orElseThrow();
      assertSame(read, store.get("bldg_1", false).orElseThrow(), "second get from the cache");
      StoredObject withGeometry = store.get("bldg_1", true).orElseThrow();
      assertEquals(withGeometry.storeId(), read.storeId());
      assertEquals(withGeometry.object().attributes(), read.object().attributes());
      assertEquals(withGeometry.object().shape().footprint(), read.object().shape().footprint());
      assertTrue(read.object().geometries().isEmpty(), "a get without geometry stays light");
      assertTrue(store.get("missing", false).isEmpty());
    }
  }

  @Test
  void aReimportIsSeenByTheNextGet() throws Exception {
    try (TwinStore store = TwinStore.open(directory)) {
      TwinStoreTest.importAll(store, "a.gml", List.of(named("bldg_1", "first")));
      StoredObject before = store.get("bldg_1", false).orElseThrow();
      store.get("bldg_1", false);

      TwinStoreTest.importAll(store, "a.gml", List.of(named("bldg_1", "second")));
      StoredObject after = store.get("bldg_1", false).orElseThrow();
      assertNotEquals(before.storeId(), after.storeId());
      assertEquals(new AttributeValue.Text("second"), after.object().attributes().get("name"));
      assertSame(after, store.get("bldg_1", false).orElseThrow());
    }
  }

  @Test
  void aNewerDatasetWithTheSameIdWinsAndARemovedOneIsGone() throws Exception {
    try (TwinStore store = TwinStore.open(directory)) {
      TwinStoreTest.importAll(store, "a.gml", List.of(named("bldg_1", "from a")));
      assertEquals("a.gml", store.get("bldg_1", false).orElseThrow().datasetSourceName());

      TwinStoreTest.importAll(store, "b.gml", List.of(named("bldg_1", "from b")));
      StoredObject newest = store.get("bldg_1", false).orElseThrow();
      assertEquals("b.gml", newest.datasetSourceName());
      assertEquals(new AttributeValue.Text("from b"), newest.object().attributes().get("name"));

      // b.gml imported again without the building: a.gml's copy answers again.
      TwinStoreTest.importAll(store, "b.gml", List.of(named("bldg_2", "other")));
      StoredObject back = store.get("bldg_1", false).orElseThrow();
      assertEquals("a.gml", back.datasetSourceName());
    }
  }

  private static CityObject named(String gmlId, String name) {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    attributes.put("name", new AttributeValue.Text(name));
    return BoxBuildings.box(gmlId, 135.45, 34.6, 20, 12, 2.5, 21.5, attributes, List.of());
  }
}
