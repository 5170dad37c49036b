package org.citytwin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.CityObject;
import org.citytwin.model.RiskAttribute;
import org.citytwin.model.RiskKind;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwinStoreTest {

  @TempDir Path directory;

  static CityObject sampleBuilding() {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    attributes.put("name", new AttributeValue.Text("大阪ビル"));
    attributes.put("measuredHeight", new AttributeValue.Number(21.5, "m"));
    attributes.put("usage", new AttributeValue.Code("411", "Building_usage.xml", "業務施設"));
    attributes.put("storeysAboveGround", new AttributeValue.Number(6, null));
    attributes.put("gen:note", new AttributeValue.Code("x", null, null));
    List<RiskAttribute> risks =
        List.of(
            new RiskAttribute(RiskKind.RIVER_FLOOD, "淀川", "2", 1.25, 12.0, "L1", "国", null),
            new RiskAttribute(RiskKind.RIVER_FLOOD, "淀川", "3", 3.5, null, "L2", "国", null),
            new RiskAttribute(RiskKind.LANDSLIDE, null, null, null, null, null, null, "1"));
    return BoxBuildings.box("bldg_1", 135.45, 34.6, 20, 12, 2.5, 21.5, attributes, risks);
  }

  @Test
  void roundTripsABuildingWithGeometryAttributesAndRisks() throws Exception {
    CityObject building = sampleBuilding();
    try (TwinStore store = TwinStore.open(directory)) {
      assertEquals(0, store.version());
      try (DatasetWriter writer = store.beginDataset(info("a.gml"))) {
        writer.write(building);
        Dataset dataset = writer.commit(Map.of("missingHeight", 2L));
        assertEquals(1, dataset.objectCount());
        assertEquals(1, dataset.version());
        assertEquals(List.of(dataset), store.datasets());
      }
      StoredObject stored = store.get("bldg_1").orElseThrow();
      assertEquals("a.gml", stored.datasetSourceName());
      assertEquals(BoxBuildings.deep(building), BoxBuildings.deep(stored.object()));
      assertEquals(building.attributes(), stored.object().attributes());
      assertEquals(building.risks(), stored.object().risks());
      assertTrue(store.get("nope").isEmpty());
    }
    // Everything survives a reopen, and H2GIS functions and the store's own alias still work.
    try (TwinStore store = TwinStore.open(directory)) {
      assertEquals(1, store.version());
      assertEquals(
          BoxBuildings.deep(building), BoxBuildings.deep(store.get("bldg_1").get().object()));
      assertEquals(1, store.count(new Filter.WithinDistance(135.45, 34.6, 1)));
      assertEquals(1, store.count(new Filter.BboxIntersects(135.44, 34.59, 135.46, 34.61)));
    }
  }

  @Test
  void withoutGeometryKeepsFootprintButNotGeometriesOrMeshes() throws Exception {
    try (TwinStore store = TwinStore.open(directory)) {
      importAll(store, "a.gml", List.of(sampleBuilding()));
      CityObject light = store.list(Query.of(Filter.all())).get(0).object();
      assertTrue(light.geometries().isEmpty());
      assertTrue(light.shape().meshes().isEmpty());
      assertEquals(sampleBuilding().shape().footprint(), light.shape().footprint());
      CityObject full = store.list(Query.of(Filter.all()).withGeometry(true)).get(0).object();
      assertEquals(BoxBuildings.deep(sampleBuilding()), BoxBuildings.deep(full));
    }
  }

  @Test
  void closeIsSafeTwiceAndLaterCallsFailClearly() throws Exception {
    TwinStore store = TwinStore.open(directory);
    store.close();
    store.close();
    StoreException e = assertThrows(StoreException.class, store::version);
    assertTrue(e.getMessage().contains("is closed"), e.getMessage());
    assertTrue(Files.exists(directory.resolve("twin.mv.db")));
  }

  @Test
  void rejectsADirectoryThatWouldBreakTheUrl() {
    assertThrows(IllegalArgumentException.class, () -> TwinStore.open(directory.resolve("a;b")));
  }

  @Test
  void emptyStoreHasNoDatasets() throws Exception {
    try (TwinStore store = TwinStore.open(directory)) {
      assertTrue(store.datasets().isEmpty());
      assertEquals(0, store.count(Filter.all()));
      assertFalse(store.get("x").isPresent());
    }
  }

  static DatasetInfo info(String name) {
    return new DatasetInfo(name, "EPSG:6697", "2.0", 1234);
  }

  static Dataset importAll(TwinStore store, String name, List<CityObject> objects)
      throws StoreException {
    try (DatasetWriter writer = store.beginDataset(info(name))) {
      for (CityObject object : objects) {
        writer.write(object);
      }
      return writer.commit(Map.of());
    }
  }
}
