package org.citytwin.store;

/**
 * The name a dataset is shown and filtered by, made from the source name the store keys it by. The
 * key is what the importer was given, usually an absolute path on the importing machine; clients
 * should not learn the server's directories, so they see the file's own name, and for an archive
 * entry the archive's file name with the entry's path inside it ({@code tiles.zip!/udx/a.gml}). The
 * key itself stays as imported, so a re-import of the same file still replaces its dataset.
 */
final class DatasetNames {
  /** How {@code CityGmlSources} joins an archive's path and an entry's name. */
  private static final String ARCHIVE_ENTRY = "!/";

  private DatasetNames() {}

  /** The public name of the dataset keyed by {@code sourceName}. */
  static String publicName(String sourceName) {
    int entry = sourceName.indexOf(ARCHIVE_ENTRY);
    return entry < 0
        ? fileName(sourceName)
        : fileName(sourceName.substring(0, entry)) + sourceName.substring(entry);
  }

  /** The last element of a path written with slashes or, as on Windows, backslashes. */
  private static String fileName(String path) {
    int separator = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(separator + 1);
  }
}
