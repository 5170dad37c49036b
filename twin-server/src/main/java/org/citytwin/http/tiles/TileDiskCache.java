package org.citytwin.http.tiles;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generated tiles kept on disk under {@code tiles-cache/} in the store directory, one folder per
 * store version and tiling options, so a restarted server does not generate them again. Files are
 * written to a temporary name and moved into place, so a reader never sees half a tile; folders of
 * other versions are deleted when a new version's first tile is stored. Disk trouble is logged and
 * otherwise ignored: the cache only saves work.
 */
final class TileDiskCache {
  private static final Logger LOG = LoggerFactory.getLogger(TileDiskCache.class);

  private final Path root;
  private volatile String prunedFor;

  TileDiskCache(Path root) {
    this.root = root;
  }

  Optional<byte[]> get(String folder, String file) {
    Path path = root.resolve(folder).resolve(file);
    try {
      return Files.isRegularFile(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
    } catch (IOException e) {
      LOG.warn("cannot read cached tile {}: {}", path, e.toString());
      return Optional.empty();
    }
  }

  void put(String folder, String file, byte[] body) {
    Path directory = root.resolve(folder);
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, file, ".part");
      Files.write(temporary, body);
      try {
        Files.move(temporary, directory.resolve(file), StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, directory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
      if (!folder.equals(prunedFor)) {
        prunedFor = folder;
        pruneAllBut(folder);
      }
    } catch (IOException e) {
      LOG.warn("cannot cache tile {}/{}: {}", directory, file, e.toString());
    }
  }

  private void pruneAllBut(String folder) throws IOException {
    try (Stream<Path> folders = Files.list(root)) {
      for (Path stale : folders.filter(p -> !p.getFileName().toString().equals(folder)).toList()) {
        try (Stream<Path> walk = Files.walk(stale)) {
          for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(path);
          }
        }
      }
    }
  }
}
