package org.citytwin.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.citytwin.citygml.CityGmlParser;
import org.citytwin.citygml.CityGmlSources;
import org.citytwin.citygml.Fixtures;
import org.citytwin.citygml.IssueKind;
import org.citytwin.citygml.XmlOracle;
import org.citytwin.model.CityObjectType;
import org.citytwin.query.Filter;
import org.citytwin.query.Literal;
import org.citytwin.store.Dataset;
import org.citytwin.store.TwinStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports real files into a real store: atomicity, replacement and problem counting. */
class CityImporterTest {
  @TempDir Path storeDirectory;
  @TempDir Path inputs;

  private ImportSummary importPaths(TwinStore store, String crsOverride, Path... paths)
      throws Exception {
    try (CityGmlParser parser = new CityGmlParser(2, crsOverride)) {
      return new CityImporter(store, parser, ImportListener.SILENT)
          .importAll(CityGmlSources.expand(List.of(paths)));
    }
  }

  @Test
  void sampleCityImportsAndReimportReplaces() throws Exception {
    try (TwinStore store = TwinStore.open(storeDirectory)) {
      ImportSummary first = importPaths(store, null, Fixtures.osakaDirectory());
      assertTrue(first.failures().isEmpty(), first.failures().toString());
      assertEquals(1470L, first.objectsByType().get(CityObjectType.BUILDING));
      long stored = store.count(Filter.all());
      assertEquals(first.objectCount(), stored);
      // 15 + 54 buildings carry river-flood records (several each: the L1 and L2 scales).
      assertEquals(
          69,
          store.count(new Filter.Compare("river_flood_depth", Filter.Operator.GT, Literal.of(0))));

      ImportSummary again =
          importPaths(store, null, Fixtures.osakaDirectory().resolve("51357345_bldg_6697_op.gml"));
      assertTrue(again.failures().isEmpty());
      assertEquals(stored, store.count(Filter.all()), "re-import replaced, not duplicated");
      assertEquals(8, store.datasets().size());
    }
  }

  @Test
  void rejectedSourceLeavesTheStoreExactlyAsBefore() throws Exception {
    byte[] whole = Files.readAllBytes(Fixtures.sample(Fixtures.OSAKA_FLOOD));
    Path truncated = inputs.resolve(Fixtures.OSAKA_FLOOD);
    try (TwinStore store = TwinStore.open(storeDirectory)) {
      importPaths(store, null, Fixtures.sample(Fixtures.OSAKA_FLOOD));
      long before = store.count(Filter.all());
      List<Dataset> datasetsBefore = store.datasets();
      long versionBefore = store.version();

      Files.write(truncated, Arrays.copyOf(whole, whole.length * 2 / 3));
      ImportSummary summary =
          importPaths(store, null, Fixtures.sample(Fixtures.SAPPORO), truncated);

      assertEquals(1, summary.failures().size());
      assertTrue(
          summary.failures().get(0).failure().contains("malformed XML"),
          summary.failures().get(0).failure());
      assertEquals(
          before + 25,
          store.count(Filter.all()),
          "the good source is in, nothing of the truncated one");
      assertEquals(datasetsBefore.size() + 1, store.datasets().size());
      assertEquals(versionBefore + 1, store.version());
    }
  }

  @Test
  void brokenPlateauSampleWithForcedCrsCountsEveryProblem() throws Exception {
    Path file = Fixtures.sample(Fixtures.BROKEN_TOKYO);
    try (TwinStore store = TwinStore.open(storeDirectory)) {
      ImportSummary summary = importPaths(store, "EPSG:6697", file);
      assertTrue(summary.failures().isEmpty(), summary.failures().toString());
      var issues = summary.issues();
      // Every repeat of a gml:id outside comments, counted independently with XPath.
      assertEquals(XmlOracle.of(file).repeatedIds(), issues.count(IssueKind.DUPLICATE_ID));
      assertTrue(issues.count(IssueKind.DUPLICATE_ID) >= 57, "SOURCES.md lists 57 duplicated ids");
      assertTrue(issues.count(IssueKind.DANGLING_XLINK) >= 1, "T03 dangling xlink");
      assertTrue(
          issues.example(IssueKind.DANGLING_XLINK).contains("T03_invalid_poly"),
          issues.example(IssueKind.DANGLING_XLINK));
      assertTrue(issues.count(IssueKind.ZERO_COORDINATES) >= 1, "vertices at 0 0 0");
      assertEquals(
          2L,
          summary.objectsByType().get(CityObjectType.BUILDING),
          "the commented-out third building is not read");
      assertEquals(2, store.count(Filter.all()));
      assertNotNull(store.datasets().get(0).issueCounts().get("duplicate_id"));
    }
  }

  @Test
  void repeatedCityObjectIdsAreKeptUnderNumberedIds() throws Exception {
    String content = Files.readString(Fixtures.sample(Fixtures.SAPPORO), StandardCharsets.UTF_8);
    int start = content.indexOf("<core:cityObjectMember>");
    int end =
        content.indexOf("</core:cityObjectMember>", start) + "</core:cityObjectMember>".length();
    String doubled =
        content.substring(0, end) + content.substring(start, end) + content.substring(end);
    Path file = inputs.resolve("doubled.gml");
    Files.writeString(file, doubled, StandardCharsets.UTF_8);
    try (TwinStore store = TwinStore.open(storeDirectory)) {
      ImportSummary summary = importPaths(store, null, file);
      assertEquals(26, summary.objectCount());
      assertEquals(26, store.count(Filter.all()));
      assertEquals(1, store.count(new Filter.Like("gml_id", "%~2")));
      assertTrue(summary.issues().count(IssueKind.DUPLICATE_ID) > 0);
    }
  }

  @Test
  void everySampleLoadsOrFailsAsDesigned() throws Exception {
    try (TwinStore store = TwinStore.open(storeDirectory)) {
      for (String name : Fixtures.GOOD_SAMPLES) {
        ImportSummary summary = importPaths(store, null, Fixtures.sample(name));
        assertTrue(summary.failures().isEmpty(), name + ": " + summary.failures());
        assertFalse(summary.objectsByType().isEmpty(), name);
      }
      ImportSummary broken = importPaths(store, null, Fixtures.sample(Fixtures.BROKEN_TOKYO));
      assertEquals(1, broken.failures().size(), "wrong EPSG code is rejected without --crs");
    }
  }
}
