package org.citytwin.http.tiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.citytwin.store.StoreException;

/**
 * Generated tiles looked up in memory, then on disk, and only then made; what is made is kept in
 * both. Keys are a folder (naming the store version and everything else that changes the bytes) and
 * a file name within it.
 */
final class CachedTiles {
  /** Makes a tile's bytes from the store. */
  @FunctionalInterface
  interface Maker {
    byte[] make() throws StoreException, IOException;
  }

  private final TileCache memory;
  private final TileDiskCache disk;

  CachedTiles(TileCache memory, TileDiskCache disk) {
    this.memory = memory;
    this.disk = disk;
  }

  /**
   * The tile's bytes gzip-compressed, kept in memory beside the plain ones (under the key plus
   * {@code .gz}), so each is compressed once rather than on every request.
   */
  byte[] getGzipped(String folder, String file, Maker maker) throws StoreException, IOException {
    String key = folder + "/" + file + ".gz";
    byte[] cached = memory.get(key);
    if (cached != null) {
      return cached;
    }
    byte[] gzipped = gzip(get(folder, file, maker));
    memory.put(key, gzipped);
    return gzipped;
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(body);
    }
    return out.toByteArray();
  }

  byte[] get(String folder, String file, Maker maker) throws StoreException, IOException {
    String key = folder + "/" + file;
    byte[] cached = memory.get(key);
    if (cached != null) {
      return cached;
    }
    Optional<byte[]> stored = disk.get(folder, file);
    byte[] body = stored.isPresent() ? stored.get() : maker.make();
    if (stored.isEmpty()) {
      disk.put(folder, file, body);
    }
    memory.put(key, body);
    return body;
  }
}
