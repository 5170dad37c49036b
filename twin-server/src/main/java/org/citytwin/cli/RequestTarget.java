package org.citytwin.cli;

import java.io.IOException;
import org.citytwin.store.StoreException;

/** Where {@code twin bench http} sends its requests: the HTTP server or the core API directly. */
interface RequestTarget {
  /**
   * Makes the request and waits for the complete answer.
   *
   * @return the HTTP status; an in-process target answers as the server would (200, or 404 for an
   *     unknown id)
   */
  int send(BenchRequest request) throws IOException, InterruptedException, StoreException;

  /** Response bytes received so far (0 for an in-process target). */
  default long bytesReceived() {
    return 0;
  }
}
