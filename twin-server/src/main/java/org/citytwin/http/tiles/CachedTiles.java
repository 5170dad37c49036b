package org.citytwin.http.tiles;

import java.io.IOException;
import java.util.Optional;
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
