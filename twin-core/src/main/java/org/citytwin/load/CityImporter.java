package org.citytwin.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citytwin.citygml.CityGmlFormatException;
import org.citytwin.citygml.CityGmlParser;
import org.citytwin.citygml.CityGmlReader;
import org.citytwin.citygml.CityGmlSource;
import org.citytwin.citygml.ConvertedChunk;
import org.citytwin.citygml.IssueCounts;
import org.citytwin.citygml.IssueKind;
import org.citytwin.model.CityObject;
import org.citytwin.model.CityObjectType;
import org.citytwin.store.DatasetInfo;
import org.citytwin.store.DatasetWriter;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;

/**
 * Imports sources one after another, each as one dataset in one store transaction: a source that
 * fails (malformed, truncated, wrong CRS) is rolled back and reported, and the import goes on with
 * the next source. Re-importing a source replaces its previous objects.
 */
public final class CityImporter {
  private static final long PROGRESS_EVERY_OBJECTS = 500;

  private final TwinStore store;
  private final CityGmlParser parser;
  private final ImportListener listener;
  private long totalObjects;

  public CityImporter(TwinStore store, CityGmlParser parser, ImportListener listener) {
    this.store = store;
    this.parser = parser;
    this.listener = listener;
  }

  /**
   * Imports every source; never throws for a bad source (see {@link SourceResult#failure()}).
   *
   * @throws StoreException when the store itself fails (disk full, store closed)
   */
  public ImportSummary importAll(List<CityGmlSource> sources)
      throws StoreException, InterruptedException {
    long start = System.nanoTime();
    List<SourceResult> results = new ArrayList<>(sources.size());
    for (int i = 0; i < sources.size(); i++) {
      listener.sourceStarted(sources.get(i), i, sources.size());
      SourceResult result = importOne(sources.get(i));
      results.add(result);
      listener.sourceFinished(result);
    }
    return new ImportSummary(results, Duration.ofNanos(System.nanoTime() - start));
  }

  private SourceResult importOne(CityGmlSource source) throws StoreException, InterruptedException {
    long start = System.nanoTime();
    long objectsBefore = totalObjects;
    try (CityGmlReader reader = parser.open(source)) {
      DatasetInfo info =
          new DatasetInfo(
              source.name(), reader.sourceCrs(), reader.version().label(), source.sizeBytes());
      Map<CityObjectType, Long> byType = new EnumMap<>(CityObjectType.class);
      IssueCounts issues = new IssueCounts();
      try (DatasetWriter writer = store.beginDataset(info)) {
        copy(reader, writer, byType, issues);
        writer.commit(issueCountsById(issues));
      }
      return new SourceResult(
          source.name(),
          reader.sourceCrs(),
          reader.bytesRead(),
          byType,
          issues,
          Duration.ofNanos(System.nanoTime() - start),
          null);
    } catch (CityGmlFormatException e) {
      totalObjects = objectsBefore;
      return failed(source, e.getMessage(), start);
    } catch (IOException e) {
      totalObjects = objectsBefore;
      return failed(source, source.name() + ": cannot read: " + e.getMessage(), start);
    }
  }

  private void copy(
      CityGmlReader reader,
      DatasetWriter writer,
      Map<CityObjectType, Long> byType,
      IssueCounts issues)
      throws CityGmlFormatException, StoreException, InterruptedException {
    IdRegistry ids = new IdRegistry();
    ConvertedChunk chunk;
    while ((chunk = reader.next()) != null) {
      issues.addAll(chunk.issues());
      for (String id : chunk.ids()) {
        if (ids.isRepeat(id)) {
          issues.add(IssueKind.DUPLICATE_ID, id);
        }
      }
      for (CityObject object : chunk.objects()) {
        String storedId = ids.storedIdFor(object.gmlId());
        writer.write(storedId.equals(object.gmlId()) ? object : object.withGmlId(storedId));
        byType.merge(object.type(), 1L, Long::sum);
        if (++totalObjects % PROGRESS_EVERY_OBJECTS == 0) {
          listener.progress(reader.bytesRead(), totalObjects);
        }
      }
    }
    listener.progress(reader.bytesRead(), totalObjects);
  }

  private static Map<String, Long> issueCountsById(IssueCounts issues) {
    Map<String, Long> byId = new LinkedHashMap<>();
    for (IssueKind kind : IssueKind.values()) {
      if (issues.count(kind) > 0) {
        byId.put(kind.id(), issues.count(kind));
      }
    }
    return byId;
  }

  private static SourceResult failed(CityGmlSource source, String reason, long start) {
    return new SourceResult(
        source.name(),
        null,
        0,
        Map.of(),
        new IssueCounts(),
        Duration.ofNanos(System.nanoTime() - start),
        reason);
  }
}
