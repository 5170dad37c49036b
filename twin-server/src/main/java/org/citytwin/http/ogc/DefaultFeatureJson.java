package org.citytwin.http.ogc;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.citytwin.geojson.FeatureWriter;
import org.citytwin.store.StoredObject;

/**
 * Each stored object's GeoJSON Feature in the default form (CRS84, footprint geometry, every
 * property), written once and then kept as UTF-8 bytes, so that a default items page or single item
 * is mostly a copy of bytes instead of a fresh walk over geometry and attributes (which was most of
 * a request's CPU time).
 *
 * <p>Entries are keyed by the store's row id, like the store's object cache: a row never changes
 * once written (a re-import writes new rows under new ids, and every store version change that
 * replaces objects therefore reaches new ids), so an entry can never be stale; entries of deleted
 * rows just age out. The cache is bounded by the bytes it holds (see {@link #sizedForHeap()}).
 */
final class DefaultFeatureJson {
  /** Per entry beyond the bytes themselves: key, entry node and array header, roughly. */
  private static final int ENTRY_OVERHEAD = 96;

  private static final long MIN_BYTES = 16L << 20;
  private static final long MAX_BYTES = 256L << 20;
  private static final JsonFactory JSON_FACTORY = new JsonFactory();
  private static final FeatureWriter WRITER = new FeatureWriter();

  private final Cache<Long, byte[]> features;

  DefaultFeatureJson(long maximumBytes) {
    this.features =
        Caffeine.newBuilder()
            .maximumWeight(maximumBytes)
            .weigher((Long id, byte[] json) -> json.length + ENTRY_OVERHEAD)
            .build();
  }

  /**
   * A cache of a sixteenth of the heap, between 16 MiB and 256 MiB: about 100,000 PLATEAU LOD1
   * buildings (~1.1 KB each) fit in 256 MiB.
   */
  static DefaultFeatureJson sizedForHeap() {
    long bytes = Runtime.getRuntime().maxMemory() / 16;
    return new DefaultFeatureJson(Math.max(MIN_BYTES, Math.min(MAX_BYTES, bytes)));
  }

  /** The object's default Feature JSON; callers must not change the returned array. */
  byte[] of(StoredObject stored) {
    return features.get(stored.storeId(), id -> write(stored));
  }

  /** The Feature as {@link FeatureWriter} writes it with its defaults, uncached. */
  static byte[] write(StoredObject stored) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(2_048);
    try (JsonGenerator json = JSON_FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
      WRITER.write(json, stored.object(), stored.datasetSourceName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
