package org.citytwin.load;

import org.citytwin.citygml.CityGmlSource;

/** Hears an import's progress (for a progress bar); called from the importing thread. */
public interface ImportListener {
  ImportListener SILENT = new ImportListener() {};

  default void sourceStarted(CityGmlSource source, int index, int count) {}

  /** Bytes of the current source read so far, and objects written so far over all sources. */
  default void progress(long bytesRead, long totalObjects) {}

  default void sourceFinished(SourceResult result) {}
}
