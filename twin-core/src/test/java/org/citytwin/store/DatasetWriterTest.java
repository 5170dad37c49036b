package org.citytwin.store;

import static org.citytwin.store.TwinStoreTest.importAll;
import static org.citytwin.store.TwinStoreTest.info;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.citytwin.model.CityObject;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset import is all or nothing, and importing a source again replaces it. */
class DatasetWriterTest {

  @TempDir Path directory;
  private TwinStore store;
  private Dataset first;

  @BeforeEach
  void importFirst() throws Exception {
    store = TwinStore.open(directory);
    first = importAll(store, "a.gml", buildings("a", 1200));
  }

  @org.junit.jupiter.api.AfterEach
  void close() {
    store.close();
  }

  @Test
  void failureMidImportLeavesPreviousContent() throws Exception {
    DatasetWriter writer = store.beginDataset(info("a.gml"));
    for (CityObject building : buildings("b", 700)) {
      writer.write(building);
    }
    // A repeated gml:id violates the dataset's uniqueness. The failure shows at the write or at
    // the latest at commit; either way the import fails whole.
    StoreException e =
        assertThrows(
            StoreException.class,
            () -> {
              writer.write(buildings("b", 1).get(0));
              writer.commit(Map.of());
            });
    assertTrue(e.getMessage().contains("b_0"), e.getMessage());
    assertEquals(DatasetWriter.State.ABORTED, writer.state());
    assertThrows(IllegalStateException.class, () -> writer.write(buildings("x", 1).get(0)));
    writer.close();
    assertUnchanged();
  }

  @Test
  void exceptionInCallerThenAbortLeavesPreviousContent() throws Exception {
    try (DatasetWriter writer = store.beginDataset(info("a.gml"))) {
      for (CityObject building : buildings("c", 900)) {
        writer.write(building);
      }
      throw new IllegalStateException("parser failed");
    } catch (IllegalStateException expected) {
      // The writer was closed without commit by try-with-resources.
    }
    assertUnchanged();
  }

  @Test
  void explicitAbortAndWriterClosedWithoutCommitLeaveNothing() throws Exception {
    DatasetWriter aborted = store.beginDataset(info("new.gml"));
    aborted.write(buildings("n", 1).get(0));
    aborted.abort();
    aborted.abort();
    try (DatasetWriter closed = store.beginDataset(info("other.gml"))) {
      closed.write(buildings("o", 1).get(0));
    }
    assertUnchanged();
  }

  @Test
  void reimportReplacesWithoutDuplicates() throws Exception {
    Dataset second = importAll(store, "a.gml", buildings("a", 10));
    assertTrue(second.id() > first.id(), "a re-import is a new dataset with a fresh id");
    assertEquals(10, second.objectCount());
    assertEquals(2, second.version());
    assertEquals(List.of(second), store.datasets());
    assertEquals(10, store.count(Filter.all()));
    assertEquals(10, store.count(new Filter.Like("gml_id", "a\\_%")));
    Dataset other = importAll(store, "b.gml", buildings("b", 5));
    assertEquals(3, other.version());
    assertEquals(15, store.count(Filter.all()));
    assertEquals(5, store.count(new Filter.Compare("dataset", Filter.Operator.EQ, lit("b.gml"))));
  }

  @Test
  void readersSeeTheOldDatasetWhileAnImportIsOpen() throws Exception {
    try (DatasetWriter writer = store.beginDataset(info("a.gml"))) {
      for (CityObject building : buildings("d", 600)) {
        writer.write(building);
      }
      assertEquals(1200, store.count(Filter.all()));
      assertEquals(1200, store.list(Query.of(Filter.all()).page(2000, 0)).size());
      writer.commit(Map.of());
    }
    assertEquals(600, store.count(Filter.all()));
  }

  @Test
  void closingTheStoreAbortsAnOpenWriter() throws Exception {
    DatasetWriter writer = store.beginDataset(info("a.gml"));
    writer.write(buildings("e", 1).get(0));
    store.close();
    assertEquals(DatasetWriter.State.ABORTED, writer.state());
    store = TwinStore.open(directory);
    assertUnchanged();
  }

  private void assertUnchanged() throws StoreException {
    assertEquals(List.of(first), store.datasets());
    assertEquals(1, store.version());
    assertEquals(1200, store.count(Filter.all()));
    assertEquals(1200, store.count(new Filter.Like("gml_id", "a\\_%")));
  }

  private static org.citytwin.query.Literal lit(String text) {
    return org.citytwin.query.Literal.of(text);
  }

  static List<CityObject> buildings(String prefix, int count) {
    List<CityObject> buildings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      buildings.add(
          BoxBuildings.box(
              prefix + "_" + i, 135.45 + i * 1e-4, 34.6, 10, 10, 0, 10, Map.of(), List.of()));
    }
    return buildings;
  }
}
