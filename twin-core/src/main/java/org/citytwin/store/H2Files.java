package org.citytwin.store;

import java.nio.file.Path;

/**
 * The JDBC URL prefix of the store's H2 files, on a file system that survives thread interrupts.
 *
 * <p>Why: H2's default file system reads and writes through a {@code FileChannel}, which Java
 * closes when a thread blocked in (or entering) its IO is interrupted. The channel is shared by
 * every connection, so one cancelled request or job (ClosedByInterruptException) left the whole
 * store failing ("Reading from file ... failed", "The database has been closed") until a restart.
 * H2's {@code async:} file system uses an {@code AsynchronousFileChannel}, which interrupts do not
 * close: an interrupted thread waits for its read or write to finish and gets its interrupt flag
 * back afterwards, so the cancellation is still seen by the caller's next interruptible step. (H2's
 * {@code retry:} file system reopens the closed channel instead, but clears the interrupt flag for
 * good, so a cancelled job would run on.)
 */
final class H2Files {
  private H2Files() {}

  /** The URL of the H2 database whose files start with {@code base} ({@code base.mv.db}, ...). */
  static String url(Path base) {
    return "jdbc:h2:async:" + base;
  }
}
