package org.citytwin.http.flood;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.flood.VelocityField;
import org.citytwin.http.HttpProblem;
import org.citytwin.terrain.Raster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ended run read back from its directory ({@link KeptRuns}). Its status is read on start; its
 * results are read when first asked for and held softly (the garbage collector may drop them under
 * memory pressure; they are read again when needed), depth and velocity snapshots a few at a time.
 * A run kept before velocity snapshots existed has none: {@link #velocityAt} is then empty.
 */
final class StoredRun implements FloodRun {
  private static final Logger LOG = LoggerFactory.getLogger(StoredRun.class);

  /** Depth snapshots held at once per run: a time slider walks from one to the next. */
  private static final int SNAPSHOTS_HELD = 4;

  /** The key of the maximum depth among the held grids (output times are not negative). */
  private static final long MAX = -1;

  /** The key of the maximum speed among the held grids. */
  private static final long MAX_SPEED = -2;

  private final Path directory;
  private final ObjectNode status;
  private final long bytes;
  private final String id;
  private final Instant created;
  private final String state;
  private final SortedSet<Long> outputTimes;
  private final boolean velocity;
  private LocalMetricFrame frame;
  private SoftReference<RunOutputs> outputs = new SoftReference<>(null);
  private final Map<Long, SoftReference<Raster>> snapshots = recentlyUsed();
  private final Map<Long, SoftReference<VelocityField>> velocities = recentlyUsed();

  /**
   * @param velocity whether the directory holds velocity grids for every output time
   */
  StoredRun(Path directory, ObjectNode status, long bytes, boolean velocity) {
    this.directory = directory;
    this.velocity = velocity;
    this.status = status;
    this.bytes = bytes;
    this.id = status.path("id").asText();
    this.created = Instant.parse(status.path("created").asText());
    this.state = status.path("state").asText();
    TreeSet<Long> times = new TreeSet<>();
    status.path("outputTimes").forEach(t -> times.add(t.asLong()));
    this.outputTimes = Collections.unmodifiableSortedSet(times);
  }

  /** Grids by output time, the {@link #SNAPSHOTS_HELD} most recently used kept. */
  private static <T> Map<Long, SoftReference<T>> recentlyUsed() {
    return new LinkedHashMap<>(8, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, SoftReference<T>> eldest) {
        return size() > SNAPSHOTS_HELD;
      }
    };
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Instant created() {
    return created;
  }

  /** The bytes its directory takes. */
  long bytes() {
    return bytes;
  }

  @Override
  public boolean finished() {
    return true;
  }

  @Override
  public ObjectNode status(String base) {
    return status.deepCopy();
  }

  @Override
  public synchronized RunOutputs outputs() {
    requireResults();
    RunOutputs o = outputs.get();
    if (o == null) {
      try {
        RunFiles.Buildings b = RunFiles.readBuildings(file(KeptRuns.BUILDINGS));
        o =
            new RunOutputs(
                frame(),
                b.buildings(),
                b.exposures(),
                RunFiles.readGauges(file(KeptRuns.GAUGES)),
                (ObjectNode) status.get("massBalance"));
      } catch (IOException e) {
        throw damaged(e);
      }
      outputs = new SoftReference<>(o);
    }
    return o;
  }

  private void requireResults() {
    if (!KeptRuns.hasResults(status)) {
      String error = status.path("error").asText("");
      throw HttpProblem.conflict(
          "run "
              + id
              + " is "
              + state
              + (error.isEmpty() ? "" : ": " + error)
              + "; it has no results");
    }
  }

  @Override
  public synchronized Raster maxDepth() {
    requireResults();
    return grid(MAX, KeptRuns.MAX_DEPTH);
  }

  @Override
  public synchronized Raster maxVelocity() {
    requireResults();
    return grid(MAX_SPEED, KeptRuns.MAX_VELOCITY);
  }

  @Override
  public SortedSet<Long> outputTimes() {
    return outputTimes;
  }

  @Override
  public synchronized Optional<Raster> depthAt(long seconds) {
    if (!outputTimes.contains(seconds)) {
      return Optional.empty();
    }
    return Optional.of(grid(seconds, KeptRuns.depthFile(seconds)));
  }

  @Override
  public synchronized Optional<VelocityField> velocityAt(long seconds) {
    if (!velocity || !outputTimes.contains(seconds)) {
      return Optional.empty();
    }
    SoftReference<VelocityField> held = velocities.get(seconds);
    VelocityField v = held == null ? null : held.get();
    if (v == null) {
      var names = KeptRuns.velocityFiles(seconds);
      try {
        v =
            new VelocityField(
                GridFile.read(file(names.get(0))),
                GridFile.read(file(names.get(1))),
                GridFile.read(file(names.get(2))));
      } catch (IOException e) {
        throw damaged(e);
      } catch (IllegalArgumentException e) { // the three grids differ in size
        throw damaged(new IOException(e.getMessage(), e));
      }
      velocities.put(seconds, new SoftReference<>(v));
    }
    return Optional.of(v);
  }

  /** A depth grid, from the few held or else read from its file. */
  private Raster grid(long key, String name) {
    SoftReference<Raster> held = snapshots.get(key);
    Raster r = held == null ? null : held.get();
    if (r == null) {
      try {
        r = GridFile.read(file(name));
      } catch (IOException e) {
        throw damaged(e);
      }
      snapshots.put(key, new SoftReference<>(r));
    }
    return r;
  }

  @Override
  public void cancel() {
    // It has ended.
  }

  private Path file(String name) {
    return directory.resolve(name);
  }

  private UncheckedIOException damaged(IOException e) {
    LOG.warn("the kept flood run {} cannot be read: {}", directory, e.getMessage());
    return new UncheckedIOException("kept flood run " + directory + " is damaged", e);
  }

  /**
   * The grid's frame, built as the terrain builder builds it (the zone for the grid's centre) when
   * that gives the kept CRS, so that tiles come out the same; else the EPSG code of the kept CRS.
   */
  @Override
  public synchronized LocalMetricFrame frame() {
    if (frame == null) {
      try {
        frame = readFrame();
      } catch (IOException e) {
        throw damaged(e);
      }
    }
    return frame;
  }

  private LocalMetricFrame readFrame() throws IOException {
    String crs = status.at("/terrain/crs").asText();
    var box = status.at("/terrain/bbox");
    if (box.size() == 4) {
      LocalMetricFrame f =
          LocalMetricFrame.forPlace(
              (box.get(0).asDouble() + box.get(2).asDouble()) / 2,
              (box.get(1).asDouble() + box.get(3).asDouble()) / 2);
      if (f.identifier().equals(crs)) {
        return f;
      }
    }
    if (!crs.startsWith("EPSG:")) {
      throw new IOException("its status names no EPSG CRS: '" + crs + "'");
    }
    try {
      return LocalMetricFrame.ofEpsg(Integer.parseInt(crs.substring(5)));
    } catch (IllegalArgumentException e) {
      throw new IOException("its CRS " + crs + " cannot be used: " + e.getMessage(), e);
    }
  }
}
