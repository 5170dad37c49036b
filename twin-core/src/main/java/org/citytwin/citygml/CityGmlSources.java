package org.citytwin.citygml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Expands what a user names on the command line (files, directories, zip archives) into the CityGML
 * documents to read, in a stable order: directories are walked recursively and sorted, archives
 * read entry by entry without extracting.
 */
public final class CityGmlSources {
  private CityGmlSources() {}

  public static List<CityGmlSource> expand(List<Path> paths) throws IOException {
    List<CityGmlSource> sources = new ArrayList<>();
    for (Path path : paths) {
      Path absolute = path.toAbsolutePath().normalize();
      if (Files.isDirectory(absolute)) {
        expandDirectory(absolute, sources);
      } else if (Files.isRegularFile(absolute)) {
        addFile(absolute, sources);
      } else {
        throw new NoSuchFileException(absolute.toString(), null, "no such file or directory");
      }
    }
    return sources;
  }

  private static void expandDirectory(Path directory, List<CityGmlSource> sources)
      throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files =
          walk.filter(Files::isRegularFile).filter(CityGmlSources::isCandidate).sorted().toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (Path file : files) {
      addFile(file, sources);
    }
  }

  private static boolean isCandidate(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return isCityGmlName(name) || name.endsWith(".zip");
  }

  private static boolean isCityGmlName(String lowerCaseName) {
    return lowerCaseName.endsWith(".gml")
        || lowerCaseName.endsWith(".citygml")
        || lowerCaseName.endsWith(".xml") && !lowerCaseName.contains("codelist");
  }

  private static void addFile(Path file, List<CityGmlSource> sources) throws IOException {
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      addArchive(file, sources);
    } else {
      sources.add(
          new CityGmlSource(
              file.toString(),
              Files.size(file),
              file.getParent(),
              () -> Files.newInputStream(file)));
    }
  }

  private static void addArchive(Path archive, List<CityGmlSource> sources) throws IOException {
    List<String> entries = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry entry = all.nextElement();
        String lower = entry.getName().toLowerCase(Locale.ROOT);
        if (!entry.isDirectory() && isCityGmlName(lower) && !lower.contains("codelists/")) {
          entries.add(entry.getName());
          sizes.add(entry.getSize());
        }
      }
    }
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i);
      sources.add(
          new CityGmlSource(
              archive + "!/" + entry, sizes.get(i), null, () -> openEntry(archive, entry)));
    }
  }

  /** A stream over one entry that closes its archive when closed. */
  private static InputStream openEntry(Path archive, String entryName) throws IOException {
    ZipFile zip = new ZipFile(archive.toFile());
    ZipEntry entry = zip.getEntry(entryName);
    if (entry == null) {
      zip.close();
      throw new NoSuchFileException(archive + "!/" + entryName);
    }
    InputStream in = zip.getInputStream(entry);
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          zip.close();
        }
      }
    };
  }
}
