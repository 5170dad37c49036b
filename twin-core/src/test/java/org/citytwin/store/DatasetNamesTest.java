package org.citytwin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.citytwin.model.AttributeValue;
import org.citytwin.query.Filter;
import org.citytwin.query.Literal;
import org.citytwin.query.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Clients see a dataset by its file name, never by the server path it was imported from, while the
 * store keeps keying it by that path so a re-import still replaces it.
 */
class DatasetNamesTest {
  @TempDir Path directory;

  @ParameterizedTest
  @CsvSource({
    "/srv/plateau/udx/bldg/51357346_bldg_6697_op.gml, 51357346_bldg_6697_op.gml",
    "C:\\data\\udx\\bldg\\a.gml, a.gml",
    "/srv/plateau/27100_osaka.zip!/udx/bldg/a.gml, 27100_osaka.zip!/udx/bldg/a.gml",
    "a.gml, a.gml",
    "relative/dir/b.gml, b.gml"
  })
  void publicNameDropsTheDirectories(String sourceName, String expected) {
    assertEquals(expected, DatasetNames.publicName(sourceName));
  }

  @Test
  void objectsAndFiltersUseThePublicNameAndReimportStillReplaces() throws Exception {
    String key = directory.resolve("input/udx/bldg/a.gml").toAbsolutePath().toString();
    try (TwinStore store = TwinStore.open(directory.resolve("store"))) {
      TwinStoreTest.importAll(store, key, List.of(TwinStoreTest.sampleBuilding()));
      TwinStoreTest.importAll(store, key, List.of(TwinStoreTest.sampleBuilding()));

      assertEquals(1, store.datasets().size(), "the second import replaced the first");
      assertEquals(key, store.datasets().get(0).sourceName(), "the key is kept as imported");
      assertEquals("a.gml", store.get("bldg_1", false).orElseThrow().datasetSourceName());
      assertEquals("a.gml", store.get("bldg_1", true).orElseThrow().datasetSourceName());
      assertEquals(
          "a.gml", store.list(Query.of(Filter.all())).get(0).datasetSourceName(), "query path");
      assertEquals(1, store.count(datasetIs("a.gml")));
      assertEquals(0, store.count(datasetIs(key)), "the server path is not a public name");
      assertEquals(
          new AttributeValue.Text("大阪ビル"),
          store.list(Query.of(datasetIs("a.gml"))).get(0).object().attributes().get("name"));
    }
  }

  private static Filter datasetIs(String name) {
    return new Filter.Compare("dataset", Filter.Operator.EQ, Literal.of(name));
  }
}
