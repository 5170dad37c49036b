package org.citytwin.cli;

import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.citytwin.citygml.CityGmlSource;
import org.citytwin.load.ImportListener;
import org.citytwin.load.SourceResult;

/**
 * A terminal progress bar over the bytes of all sources, with objects written and their rate; the
 * bar's own rate and ETA are in MB.
 */
final class ImportProgress implements ImportListener, AutoCloseable {
  private final ProgressBar bar;
  private final long startNanos = System.nanoTime();
  private long bytesBeforeSource;
  private long currentSourceBytes;
  private boolean closed;

  ImportProgress(List<CityGmlSource> sources) {
    long total = sources.stream().mapToLong(s -> Math.max(s.sizeBytes(), 0)).sum();
    bar =
        new ProgressBarBuilder()
            .setTaskName("import")
            .setInitialMax(Math.max(total, 1))
            .setUnit(" MB", 1_000_000)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            .showSpeed()
            .build();
  }

  @Override
  public void sourceStarted(CityGmlSource source, int index, int count) {
    currentSourceBytes = Math.max(source.sizeBytes(), 0);
  }

  @Override
  public void progress(long bytesRead, long totalObjects) {
    bar.stepTo(bytesBeforeSource + Math.min(bytesRead, currentSourceBytes));
    double seconds = Math.max((System.nanoTime() - startNanos) / 1e9, 1e-3);
    bar.setExtraMessage(
        String.format("%,d objects, %,.0f objects/s", totalObjects, totalObjects / seconds));
  }

  @Override
  public void sourceFinished(SourceResult result) {
    bytesBeforeSource += currentSourceBytes;
    bar.stepTo(bytesBeforeSource);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      bar.close();
    }
  }
}
