package org.citytwin.citygml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.citygml4j.core.model.core.AbstractFeature;
import org.citygml4j.xml.CityGMLContext;
import org.citygml4j.xml.CityGMLContextException;
import org.citygml4j.xml.reader.ChunkOptions;
import org.citygml4j.xml.reader.CityGMLChunkReader;
import org.citygml4j.xml.reader.CityGMLInputFactory;
import org.citygml4j.xml.reader.CityGMLReadException;

/**
 * The benchmark baseline: citygml4j's own chunked parse of the same sources with the same number of
 * worker threads, building each feature's object tree and nothing more (no ADE capture, no
 * coordinate conversion, no geometry work, no store).
 */
public final class BareParse {
  /** Top-level features built and bytes read. */
  public record Result(long features, long bytes) {}

  private BareParse() {}

  public static Result run(List<CityGmlSource> sources, int threads)
      throws IOException, CityGmlFormatException, InterruptedException {
    CityGMLContext context;
    try {
      context = CityGMLContext.newInstance(BareParse.class.getClassLoader());
    } catch (CityGMLContextException e) {
      throw new IllegalStateException("citygml4j could not start: " + e.getMessage(), e);
    }
    ExecutorService workers =
        Executors.newFixedThreadPool(threads, CityGmlParser.daemonThreads("bare-parse"));
    try {
      long features = 0;
      long bytes = 0;
      for (CityGmlSource source : sources) {
        try (CountingInputStream in = new CountingInputStream(source.open())) {
          features += parse(context, source.name(), in, workers, threads * 8);
          bytes += in.count();
        }
      }
      return new Result(features, bytes);
    } finally {
      workers.shutdownNow();
    }
  }

  private static long parse(
      CityGMLContext context, String name, InputStream in, ExecutorService workers, int maxInFlight)
      throws CityGmlFormatException, InterruptedException {
    long features = 0;
    Deque<Future<AbstractFeature>> inFlight = new ArrayDeque<>();
    try {
      CityGMLInputFactory factory =
          context
              .createCityGMLInputFactory(SourceProbe.hardenedFactory())
              .withChunking(ChunkOptions.defaults());
      try (CityGMLChunkReader reader = (CityGMLChunkReader) factory.createCityGMLReader(in)) {
        while (reader.hasNext()) {
          var chunk = reader.nextChunk();
          inFlight.add(workers.submit(() -> chunk.build()));
          if (inFlight.size() >= maxInFlight) {
            features += inFlight.poll().get() != null ? 1 : 0;
          }
        }
      }
      while (!inFlight.isEmpty()) {
        features += inFlight.poll().get() != null ? 1 : 0;
      }
      return features;
    } catch (CityGMLReadException | ExecutionException e) {
      throw XmlErrors.toFormatException(name, e);
    }
  }
}
