package org.citytwin.citygml;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.citygml4j.core.util.reference.DefaultReferenceResolver;
import org.citygml4j.xml.CityGMLContext;
import org.citygml4j.xml.CityGMLContextException;
import org.citygml4j.xml.reader.ChunkOptions;
import org.citygml4j.xml.reader.CityGMLInputFactory;
import org.citygml4j.xml.reader.CityGMLReadException;
import org.citytwin.crs.CrsRegistry;

/**
 * Opens CityGML sources for streaming, parallel conversion. Holds what is costly to create and safe
 * to share (the citygml4j context, CRS converters, the worker threads), so one parser serves every
 * source of an import. Close it when done.
 */
public final class CityGmlParser implements AutoCloseable {
  private final CityGMLContext context;
  private final CrsRegistry crsRegistry;
  private final ExecutorService workers;
  private final int threads;
  private final String crsOverride;

  /**
   * @param threads worker threads converting chunks in parallel (the calling thread and one
   *     tokenizer thread come on top)
   * @param crsOverride an srsName forced on every geometry (for files that declare a wrong CRS), or
   *     null to use what each file declares
   */
  public CityGmlParser(int threads, String crsOverride) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    try {
      this.context = CityGMLContext.newInstance(CityGmlParser.class.getClassLoader());
    } catch (CityGMLContextException e) {
      throw new IllegalStateException("citygml4j could not start: " + e.getMessage(), e);
    }
    this.crsRegistry = new CrsRegistry();
    this.threads = threads;
    this.crsOverride = crsOverride;
    this.workers = Executors.newFixedThreadPool(threads, daemonThreads("citygml-convert"));
  }

  /** A parser with one worker per available core and no CRS override. */
  public static CityGmlParser withDefaults() {
    return new CityGmlParser(Runtime.getRuntime().availableProcessors(), null);
  }

  /**
   * Checks {@code source} (XML prolog, CityGML version, CRS) and starts reading it.
   *
   * @throws CityGmlFormatException when the source is not importable, naming where and why
   */
  public CityGmlReader open(CityGmlSource source) throws CityGmlFormatException, IOException {
    SourceProbe.Result probe;
    try (InputStream in = source.open()) {
      probe = SourceProbe.probe(source.name(), in);
    }
    CrsContext crs = CrsContext.of(crsRegistry, source.name(), probe, crsOverride);
    CodeLists codeLists =
        source.directory() == null ? CodeLists.none() : CodeLists.in(source.directory());
    CountingInputStream in = new CountingInputStream(source.open());
    try {
      CityGMLInputFactory factory =
          context
              .createCityGMLInputFactory(SourceProbe.hardenedFactory())
              .withChunking(ChunkOptions.defaults())
              .withReferenceResolver(DefaultReferenceResolver.newInstance())
              .failOnMissingADESchema(false);
      return new CityGmlReader(
          source.name(),
          probe.version(),
          crs.sourceCrs(),
          in,
          factory.createCityGMLReader(in),
          new FeatureConverter(crs, codeLists),
          workers,
          threads);
    } catch (CityGMLReadException e) {
      in.close();
      throw XmlErrors.toFormatException(source.name(), e);
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
