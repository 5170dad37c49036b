package org.citytwin.http.flood;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.citytwin.flood.FloodResult;
import org.citytwin.flood.VelocityField;
import org.citytwin.terrain.Raster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flood runs kept in a directory ({@code <store>/flood/runs}, see docs/FLOOD.md):
 *
 * <ul>
 *   <li>{@code <id>/}: an ended run, with {@code scenario.json} (the request body as posted),
 *       {@code status.json} (the status document the run's URL answered when it ended), its results
 *       when it has some, that is when it completed or was cancelled while running ({@code
 *       buildings.bin}, {@code gauges.bin}, {@code max-depth.grid}, {@code max-velocity.grid},
 *       {@code first-inundation.grid}, and per output time {@code depth-<seconds>.grid} and the
 *       velocity grids {@code velocity-<seconds>.grid}, {@code vx-<seconds>.grid} and {@code
 *       vy-<seconds>.grid}; runs kept before velocity snapshots existed have none), and last {@code
 *       files.json}, the name and size of every other file;
 *   <li>{@code <id>.running/}: a run accepted and not yet ended ({@code scenario.json}, {@code
 *       status.json});
 *   <li>{@code .tmp-<id>/}: a directory being written or deleted.
 * </ul>
 *
 * <p>A run directory is written as {@code .tmp-<id>} and then renamed, so a crash leaves either the
 * whole directory or a temporary one that the next start deletes, never a half-written run under
 * its own name. A {@code <id>.running} left by a server that stopped (or crashed) becomes an {@code
 * interrupted} run on start.
 */
final class KeptRuns {
  private static final Logger LOG = LoggerFactory.getLogger(KeptRuns.class);
  private static final Pattern ID = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
  private static final String RUNNING = ".running";
  private static final String TEMPORARY = ".tmp-";

  static final int FORMAT = 1;
  static final String SCENARIO = "scenario.json";
  static final String STATUS = "status.json";
  static final String MANIFEST = "files.json";
  static final String BUILDINGS = "buildings.bin";
  static final String GAUGES = "gauges.bin";
  static final String MAX_DEPTH = "max-depth.grid";
  static final String MAX_VELOCITY = "max-velocity.grid";
  static final String FIRST_INUNDATION = "first-inundation.grid";

  /** What an interrupted run's status says in {@code error}. */
  static final String INTERRUPTED = "the server stopped before the run ended; start it again";

  private final Path directory;

  /**
   * Keeps runs in {@code directory}, made if missing.
   *
   * @throws UncheckedIOException when the directory cannot be made
   */
  KeptRuns(Path directory) {
    this.directory = directory;
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the flood run directory " + directory, e);
    }
  }

  static String depthFile(long seconds) {
    return "depth-" + seconds + ".grid";
  }

  /** The speed, east and north component grid files of an output time, in that order. */
  static List<String> velocityFiles(long seconds) {
    return List.of(
        "velocity-" + seconds + ".grid", "vx-" + seconds + ".grid", "vy-" + seconds + ".grid");
  }

  Path directory() {
    return directory;
  }

  /** Records an accepted run as {@code <id>.running}, so that a restart reports it interrupted. */
  void started(String id, String scenario, ObjectNode status) throws IOException {
    Path tmp = fresh(id);
    Files.writeString(tmp.resolve(SCENARIO), scenario, StandardCharsets.UTF_8);
    Files.writeString(tmp.resolve(STATUS), status.toString(), StandardCharsets.UTF_8);
    Files.move(tmp, directory.resolve(id + RUNNING), StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Keeps an ended run: its scenario, its final status and, when it has results, its outputs.
   *
   * @return the bytes it takes
   */
  long save(FloodJob run, String scenario, ObjectNode status) throws IOException {
    String id = run.id();
    Path tmp = fresh(id);
    try {
      Files.writeString(tmp.resolve(SCENARIO), scenario, StandardCharsets.UTF_8);
      Files.writeString(tmp.resolve(STATUS), status.toString(), StandardCharsets.UTF_8);
      if (run.result() != null) {
        RunOutputs o = run.outputs();
        RunFiles.writeBuildings(o.buildings(), o.exposures(), tmp.resolve(BUILDINGS));
        RunFiles.writeGauges(o.gauges(), tmp.resolve(GAUGES));
        FloodResult r = run.ended();
        GridFile.write(r.maxDepth(), tmp.resolve(MAX_DEPTH));
        GridFile.write(r.maxVelocity(), tmp.resolve(MAX_VELOCITY));
        GridFile.write(r.firstInundation(), tmp.resolve(FIRST_INUNDATION));
        for (long t : run.outputTimes()) {
          Raster depth = run.depthAt(t).orElseThrow();
          GridFile.write(depth, tmp.resolve(depthFile(t)));
          Optional<VelocityField> velocity = run.velocityAt(t);
          if (velocity.isPresent()) {
            List<String> names = velocityFiles(t);
            GridFile.write(velocity.get().speed(), tmp.resolve(names.get(0)));
            GridFile.write(velocity.get().eastward(), tmp.resolve(names.get(1)));
            GridFile.write(velocity.get().northward(), tmp.resolve(names.get(2)));
          }
        }
      }
      long bytes = writeManifest(tmp);
      Files.move(tmp, directory.resolve(id), StandardCopyOption.ATOMIC_MOVE);
      deleteTree(directory.resolve(id + RUNNING));
      return bytes;
    } catch (IOException | RuntimeException e) {
      deleteQuietly(tmp);
      throw e;
    }
  }

  /** Lists every file of the run directory but the manifest with its size, and writes it last. */
  private static long writeManifest(Path dir) throws IOException {
    ObjectNode manifest = RunJson.JSON.createObjectNode();
    manifest.put("format", FORMAT);
    ObjectNode files = manifest.putObject("files");
    long bytes = 0;
    try (Stream<Path> list = Files.list(dir)) {
      for (Path f : list.sorted().toList()) {
        long size = Files.size(f);
        files.put(f.getFileName().toString(), size);
        bytes += size;
      }
    }
    byte[] text = manifest.toString().getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve(MANIFEST), text);
    return bytes + text.length;
  }

  /**
   * The kept runs, after deleting temporary directories and turning runs left running into
   * interrupted ones. A directory that does not read as a whole run is logged and skipped (left on
   * disk for someone to look at), never a failed start.
   */
  List<StoredRun> load() {
    List<StoredRun> runs = new ArrayList<>();
    for (Path p : entries()) {
      String name = p.getFileName().toString();
      if (name.startsWith(TEMPORARY)) {
        LOG.info("deleting the unfinished flood run directory {}", p);
        deleteQuietly(p);
      } else if (name.endsWith(RUNNING) && ID.matcher(stem(name)).matches()) {
        interrupt(p, stem(name));
      }
    }
    for (Path p : entries()) {
      String name = p.getFileName().toString();
      if (!ID.matcher(name).matches() || !Files.isDirectory(p)) {
        continue;
      }
      try {
        runs.add(read(p));
      } catch (IOException | RuntimeException e) {
        LOG.warn("skipped the kept flood run {}: it cannot be read: {}", p, e.getMessage());
      }
    }
    runs.sort(Comparator.comparing(StoredRun::created));
    return runs;
  }

  private static String stem(String name) {
    return name.substring(0, name.length() - RUNNING.length());
  }

  private List<Path> entries() {
    List<Path> all = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(directory)) {
      s.forEach(all::add);
    } catch (IOException e) {
      LOG.warn("cannot list the kept flood runs in {}: {}", directory, e.getMessage());
    }
    all.sort(Comparator.naturalOrder());
    return all;
  }

  /** Turns {@code <id>.running} into an ended run {@code <id>} whose state is interrupted. */
  private void interrupt(Path running, String id) {
    try {
      if (Files.exists(directory.resolve(id))) {
        deleteTree(running); // the run ended and was kept; only the marker's removal was lost
        return;
      }
      JsonNode status = RunJson.JSON.readTree(running.resolve(STATUS).toFile());
      if (!(status instanceof ObjectNode o) || !id.equals(o.path("id").asText())) {
        throw new IOException("its status.json is not the status of run " + id);
      }
      o.put("state", "interrupted");
      o.put("error", INTERRUPTED);
      String scenario = Files.readString(running.resolve(SCENARIO), StandardCharsets.UTF_8);
      Path tmp = fresh(id);
      Files.writeString(tmp.resolve(SCENARIO), scenario, StandardCharsets.UTF_8);
      Files.writeString(tmp.resolve(STATUS), o.toString(), StandardCharsets.UTF_8);
      writeManifest(tmp);
      Files.move(tmp, directory.resolve(id), StandardCopyOption.ATOMIC_MOVE);
      deleteTree(running);
      LOG.info("flood run {} was still running when the server stopped: kept as interrupted", id);
    } catch (IOException | RuntimeException e) {
      LOG.warn("skipped the flood run left running in {}: {}", running, e.getMessage());
    }
  }

  /**
   * Reads a run directory's status and checks its manifest: every listed file present with its
   * size, and the files the status promises (results of a completed or cancelled run, one depth
   * grid per output time) listed. Velocity grids are all there (three per output time) or none (a
   * run kept before they existed, served without them); some but not all is damage. The grids
   * themselves are read when first asked for.
   */
  private static StoredRun read(Path dir) throws IOException {
    String id = dir.getFileName().toString();
    Path manifestFile = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifestFile)) {
      throw new IOException("it has no " + MANIFEST);
    }
    JsonNode manifest = RunJson.JSON.readTree(manifestFile.toFile());
    if (manifest.path("format").asInt() != FORMAT) {
      throw new IOException("its format is " + manifest.path("format") + ", not " + FORMAT);
    }
    long bytes = Files.size(manifestFile);
    JsonNode files = manifest.path("files");
    for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      Path file = dir.resolve(f.getKey()).normalize();
      if (!file.getParent().equals(dir.normalize()) || !Files.isRegularFile(file)) {
        throw new IOException("it lacks " + f.getKey());
      }
      long size = Files.size(file);
      if (size != f.getValue().asLong(-1)) {
        throw new IOException(
            f.getKey() + " has " + size + " bytes, not the " + f.getValue() + " written");
      }
      bytes += size;
    }
    JsonNode status = RunJson.JSON.readTree(dir.resolve(STATUS).toFile());
    if (!(status instanceof ObjectNode s) || !id.equals(s.path("id").asText())) {
      throw new IOException("its status.json is not the status of run " + id);
    }
    List<String> needed = new ArrayList<>(List.of(SCENARIO, STATUS));
    if (hasResults(s)) {
      needed.addAll(List.of(BUILDINGS, GAUGES, MAX_DEPTH, MAX_VELOCITY, FIRST_INUNDATION));
      s.path("outputTimes").forEach(t -> needed.add(depthFile(t.asLong())));
    }
    for (String name : needed) {
      if (!files.has(name)) {
        throw new IOException("its " + MANIFEST + " does not list " + name);
      }
    }
    int velocityFiles = 0;
    int expected = 0;
    for (JsonNode t : s.path("outputTimes")) {
      for (String name : velocityFiles(t.asLong())) {
        expected++;
        velocityFiles += files.has(name) ? 1 : 0;
      }
    }
    if (velocityFiles != 0 && velocityFiles != expected) {
      throw new IOException(
          "its "
              + MANIFEST
              + " lists "
              + velocityFiles
              + " of its "
              + expected
              + " velocity grids");
    }
    return new StoredRun(dir, s, bytes, velocityFiles > 0);
  }

  /**
   * Whether a kept status belongs to a run with results: one that completed or was cancelled once
   * the solver had begun (the status then holds the mass balance).
   */
  static boolean hasResults(JsonNode status) {
    return status.has("massBalance");
  }

  /** Forgets a kept run: renamed to a temporary name first, so a crash mid-way cannot revive it. */
  void delete(String id) throws IOException {
    for (Path p : List.of(directory.resolve(id), directory.resolve(id + RUNNING))) {
      if (Files.exists(p)) {
        Path tmp = directory.resolve(TEMPORARY + id + "-deleted");
        deleteTree(tmp);
        Files.move(p, tmp, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(tmp);
      }
    }
  }

  /** An empty {@code .tmp-<id>} directory. */
  private Path fresh(String id) throws IOException {
    Path tmp = directory.resolve(TEMPORARY + id);
    deleteTree(tmp);
    try {
      return Files.createDirectory(tmp);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("cannot make " + tmp, e);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      deleteTree(p);
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", p, e.getMessage());
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
