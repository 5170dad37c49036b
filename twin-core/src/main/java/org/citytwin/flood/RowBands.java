package org.citytwin.flood;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * A fixed set of threads, each owning one contiguous band of grid rows, that run one pass at a time
 * in lock step. The calling thread works on band 0, so {@code threads = 1} starts no thread. Bands
 * never change, so results (including per-band partial sums combined in band order) are the same
 * for a given thread count.
 */
final class RowBands implements AutoCloseable {
  /** Work on rows {@code [rowStart, rowEnd)} of band {@code band}. */
  interface Pass {
    void run(int band, int rowStart, int rowEnd);
  }

  private final int[] starts;
  private final Thread[] workers;
  private final CyclicBarrier barrier;
  private volatile Pass pass;
  private volatile boolean closed;
  private volatile Throwable failure;

  RowBands(int threads, int rows) {
    int bands = Math.max(1, Math.min(threads, rows));
    starts = new int[bands + 1];
    for (int b = 0; b <= bands; b++) {
      starts[b] = (int) ((long) rows * b / bands);
    }
    barrier = new CyclicBarrier(bands);
    workers = new Thread[bands - 1];
    for (int b = 1; b < bands; b++) {
      int band = b;
      workers[b - 1] = new Thread(() -> work(band), "flood-band-" + b);
      workers[b - 1].setDaemon(true);
      workers[b - 1].start();
    }
  }

  int bands() {
    return starts.length - 1;
  }

  /** Runs {@code p} on every band and returns when all are done. */
  void run(Pass p) {
    if (workers.length == 0) {
      p.run(0, starts[0], starts[1]);
      return;
    }
    pass = p;
    await();
    try {
      p.run(0, starts[0], starts[1]);
    } finally {
      await();
    }
    Throwable t = failure;
    if (t != null) {
      throw new IllegalStateException("flood worker failed: " + t, t);
    }
  }

  private void work(int band) {
    while (true) {
      await();
      if (closed) {
        return;
      }
      try {
        pass.run(band, starts[band], starts[band + 1]);
      } catch (RuntimeException | Error e) {
        failure = e;
      }
      await();
    }
  }

  private void await() {
    try {
      barrier.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for flood workers", e);
    } catch (BrokenBarrierException e) {
      throw new IllegalStateException("flood workers stopped", e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (workers.length > 0) {
      await();
      for (Thread w : workers) {
        try {
          w.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
