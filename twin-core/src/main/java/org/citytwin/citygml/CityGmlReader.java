package org.citytwin.citygml;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.citygml4j.core.model.core.AbstractFeature;
import org.citygml4j.xml.reader.CityGMLChunk;
import org.citygml4j.xml.reader.CityGMLChunkReader;
import org.citygml4j.xml.reader.CityGMLReadException;
import org.citygml4j.xml.reader.CityGMLReader;
import org.citytwin.model.CityObject;

/**
 * Reads one source as a stream of converted chunks in document order. A tokenizer thread cuts the
 * XML into one chunk per top-level feature; worker threads build and convert chunks in parallel;
 * {@link #next()} hands them out in the order they appear in the file, so results are the same
 * whatever the thread timing. At most a bounded number of chunks is in flight, so memory stays flat
 * however large the file.
 */
public final class CityGmlReader implements AutoCloseable {
  private static final Future<ConvertedChunk> END = CompletableFuture.completedFuture(null);

  private final String sourceName;
  private final CityGmlVersion version;
  private final String sourceCrs;
  private final CountingInputStream input;
  private final CityGMLReader reader;
  private final FeatureConverter converter;
  private final ExecutorService workers;
  private final BlockingQueue<Future<ConvertedChunk>> inFlight;
  private final Thread tokenizer;
  private volatile boolean closed;
  private boolean ended;

  CityGmlReader(
      String sourceName,
      CityGmlVersion version,
      String sourceCrs,
      CountingInputStream input,
      CityGMLReader reader,
      FeatureConverter converter,
      ExecutorService workers,
      int threads) {
    this.sourceName = sourceName;
    this.version = version;
    this.sourceCrs = sourceCrs;
    this.input = input;
    this.reader = reader;
    this.converter = converter;
    this.workers = workers;
    this.inFlight = new ArrayBlockingQueue<>(threads * 8);
    this.tokenizer = new Thread(this::tokenize, "citygml-tokenize");
    tokenizer.setDaemon(true);
    tokenizer.start();
  }

  public String sourceName() {
    return sourceName;
  }

  public CityGmlVersion version() {
    return version;
  }

  /** The identifier of the source's CRS, for example {@code EPSG:6697}. */
  public String sourceCrs() {
    return sourceCrs;
  }

  /** Bytes of the source consumed so far (compressed sources: uncompressed bytes). */
  public long bytesRead() {
    return input.count();
  }

  /**
   * The next chunk in document order, or null at the end of the source.
   *
   * @throws CityGmlFormatException when the XML is malformed or truncated, with its position
   */
  public ConvertedChunk next() throws CityGmlFormatException, InterruptedException {
    if (ended) {
      return null;
    }
    Future<ConvertedChunk> next = inFlight.take();
    if (next == END) {
      ended = true;
      return null;
    }
    try {
      return next.get();
    } catch (ExecutionException e) {
      ended = true;
      if (e.getCause() instanceof CityGmlFormatException format) {
        throw format;
      }
      throw XmlErrors.toFormatException(sourceName, e.getCause());
    }
  }

  private void tokenize() {
    long ordinal = 0;
    try {
      CityGMLChunkReader chunks = (CityGMLChunkReader) reader;
      while (!closed && chunks.hasNext()) {
        CityGMLChunk chunk = chunks.nextChunk();
        long position = ordinal++;
        inFlight.put(workers.submit(() -> convert(chunk, position)));
      }
      inFlight.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (CityGMLReadException | RuntimeException e) {
      offerFailure(e);
    }
  }

  private void offerFailure(Exception failure) {
    try {
      inFlight.put(CompletableFuture.failedFuture(failure));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private ConvertedChunk convert(CityGMLChunk chunk, long ordinal) throws CityGmlFormatException {
    ChunkXmlCollector xml = new ChunkXmlCollector();
    AbstractFeature feature;
    try {
      chunk.send(xml, false);
      feature = chunk.build();
    } catch (CityGMLReadException | org.xml.sax.SAXException e) {
      throw new CityGmlFormatException(
          sourceName,
          -1,
          -1,
          "feature #" + (ordinal + 1) + " cannot be read: " + e.getMessage(),
          e);
    }
    IssueCounts issues = new IssueCounts();
    List<CityObject> objects =
        feature == null ? List.of() : converter.convert(feature, xml, anonymousId(ordinal), issues);
    return new ConvertedChunk(objects, xml.ids(), issues);
  }

  private String anonymousId(long ordinal) {
    String name = sourceName.substring(Math.max(sourceName.lastIndexOf('/'), 0) + 1);
    return name + "#" + (ordinal + 1);
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    tokenizer.interrupt();
    for (Future<ConvertedChunk> pending : inFlight) {
      pending.cancel(true);
    }
    inFlight.clear();
    try {
      tokenizer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      reader.close();
    } catch (CityGMLReadException | RejectedExecutionException e) {
      // the stream is closed below either way; a failure to close the parser loses nothing
    } finally {
      input.close();
    }
  }
}
