package org.citytwin.citygml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One CityGML document to read: a file, or an entry of a zip archive. It can be opened more than
 * once (the loader probes its start before the real read).
 *
 * @param name how the source is named in messages and in the store (absolute path, or {@code
 *     archive.zip!/entry.gml})
 * @param sizeBytes uncompressed size when known, else -1
 * @param directory where code lists are looked for ({@code codeSpace} paths are relative to it)
 */
public record CityGmlSource(String name, long sizeBytes, Path directory, Opener opener) {

  /** Opens a fresh stream over the source's bytes. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  public CityGmlSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(opener, "opener");
  }

  public InputStream open() throws IOException {
    return opener.open();
  }
}
