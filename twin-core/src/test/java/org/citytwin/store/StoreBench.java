package org.citytwin.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.CityObject;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.DerivedShape;
import org.citytwin.model.Envelope3D;
import org.citytwin.model.LodGeometry;
import org.citytwin.model.Mesh;
import org.citytwin.model.Polygon3D;
import org.citytwin.model.RiskAttribute;
import org.citytwin.model.RiskKind;
import org.citytwin.model.SurfaceRole;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Prints write and query figures for the store; a benchmark, not a test. Run from {@code twin-core}
 * with the test class path: {@code java -cp target/test-classes:target/classes:<deps>
 * org.citytwin.store.StoreBench [objects] [queryObjects]}.
 *
 * <p>Writes {@code objects} realistic LOD1 buildings (an octagonal LOD0 footprint, a 10-face LOD1
 * solid, 15 attributes, 1-3 risk records, a 20-triangle mesh) in one dataset and reports objects
 * per second; then imports {@code queryObjects} buildings over a 10 km square plus one 10 km relief
 * tile and times bbox queries (about 500 m square, limit 100) at random places.
 */
public final class StoreBench {

  private static final GeometryFactory FACTORY = new GeometryFactory();
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final double LON = 135.45;
  private static final double LAT = 34.6;
  private static final double CITY_DEGREES = 0.1;

  private StoreBench() {}

  public static void main(String[] args) throws Exception {
    int writeCount = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int queryCount = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Path root = Files.createTempDirectory("twin-bench");
    try {
      write(root.resolve("write"), writeCount);
      if (queryCount > 0) {
        query(root.resolve("query"), queryCount);
      }
    } finally {
      deleteTree(root);
    }
  }

  private static void write(Path directory, int count) throws Exception {
    Random random = new Random(1);
    List<CityObject> objects = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      objects.add(building(random, "bldg_" + i));
    }
    try (TwinStore store = TwinStore.open(directory)) {
      UnsavedPeak peak = new UnsavedPeak(store);
      peak.start();
      long start = System.nanoTime();
      long cpuStart = CPU.getCurrentThreadCpuTime();
      TwinStoreTest.importAll(store, "bench.gml", objects);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "write: %d objects in %.2f s = %.0f objects/s%n", count, seconds, count / seconds);
      printCpu(cpuStart, count);
      printFileSize(directory, "after import");
      start = System.nanoTime();
      cpuStart = CPU.getCurrentThreadCpuTime();
      TwinStoreTest.importAll(store, "bench.gml", objects);
      seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "re-import (replacing): %d objects in %.2f s = %.0f objects/s%n",
          count, seconds, count / seconds);
      printCpu(cpuStart, count);
      printFileSize(directory, "after re-import");
      peak.interrupt();
      peak.join();
      System.out.printf("  peak unsaved changes seen: %.1f MB%n", peak.peakBytes / 1e6);
    }
    printFileSize(directory, "after close");
  }

  /** Samples H2's unsaved memory every millisecond and keeps the largest value seen. */
  private static final class UnsavedPeak extends Thread {
    private final TwinStore store;
    private volatile long peakBytes;

    UnsavedPeak(TwinStore store) {
      this.store = store;
      setDaemon(true);
    }

    @Override
    public void run() {
      try {
        while (!isInterrupted()) {
          peakBytes = Math.max(peakBytes, store.unsavedBytes());
          Thread.sleep(1);
        }
      } catch (InterruptedException | java.sql.SQLException e) {
        // Interrupted at the end of the import: the peak is final.
      }
    }
  }

  /**
   * The importing thread's CPU time, which H2 spends on the caller's thread: less disturbed than
   * wall time when other work shares the machine.
   */
  private static void printCpu(long cpuStartNanos, int count) {
    double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpuStartNanos) / 1e9;
    System.out.printf(
        "  importing thread CPU: %.2f s = %.0f objects per CPU-second%n",
        cpuSeconds, count / cpuSeconds);
  }

  private static void printFileSize(Path directory, String when) throws IOException {
    long bytes = Files.size(directory.resolve("twin.mv.db"));
    System.out.printf("  file %s: %.1f MB%n", when, bytes / 1e6);
  }

  private static void query(Path directory, int count) throws Exception {
    Random random = new Random(2);
    try (TwinStore store = TwinStore.open(directory)) {
      try (DatasetWriter writer = store.beginDataset(TwinStoreTest.info("city.gml"))) {
        for (int i = 0; i < count; i++) {
          writer.write(building(random, "bldg_" + i));
        }
        writer.commit(Map.of());
      }
      long[] plain = timeQueries(store, new Random(3), 200);
      System.out.printf(
          "bbox limit 100 over %d objects: median %.2f ms, p90 %.2f ms%n",
          count, plain[0] / 1e6, plain[1] / 1e6);
      TwinStoreTest.importAll(store, "relief.gml", List.of(reliefTile()));
      long[] withTile = timeQueries(store, new Random(3), 200);
      System.out.printf(
          "same with one 10 km relief tile stored: median %.2f ms, p90 %.2f ms%n",
          withTile[0] / 1e6, withTile[1] / 1e6);
    }
  }

  /** Median and 90th percentile nanoseconds of {@code runs} bbox queries, after a warm-up. */
  private static long[] timeQueries(TwinStore store, Random random, int runs) throws Exception {
    long[] nanos = new long[runs];
    long results = 0;
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < runs; i++) {
        double lon = LON + random.nextDouble() * CITY_DEGREES;
        double lat = LAT + random.nextDouble() * CITY_DEGREES;
        Filter box = new Filter.BboxIntersects(lon, lat, lon + 0.005, lat + 0.005);
        long start = System.nanoTime();
        results += store.list(Query.of(box).page(100, 0)).size();
        nanos[i] = System.nanoTime() - start;
      }
    }
    Arrays.sort(nanos);
    System.out.printf("  (%.1f results per query)%n", results / (2.0 * runs));
    return new long[] {nanos[runs / 2], nanos[runs * 9 / 10]};
  }

  /** A building of the size and shape the CityGML importer produces for a PLATEAU LOD1 block. */
  public static CityObject building(Random random, String gmlId) {
    double lon = LON + random.nextDouble() * CITY_DEGREES;
    double lat = LAT + random.nextDouble() * CITY_DEGREES;
    double radius = (4 + random.nextDouble() * 12) / 111_195.0;
    double ground = random.nextDouble() * 5;
    double roof = ground + 3 + random.nextDouble() * 40;
    double[] ring = new double[8 * 3];
    Coordinate[] outline = new Coordinate[9];
    for (int k = 0; k < 8; k++) {
      double angle = Math.PI * 2 * k / 8;
      ring[3 * k] = lon + radius * Math.cos(angle) / Math.cos(Math.toRadians(lat));
      ring[3 * k + 1] = lat + radius * Math.sin(angle);
      ring[3 * k + 2] = ground;
      outline[k] = new Coordinate(ring[3 * k], ring[3 * k + 1]);
    }
    outline[8] = outline[0];
    List<Polygon3D> faces = new ArrayList<>();
    faces.add(new Polygon3D(List.of(lifted(ring, ground))));
    faces.add(new Polygon3D(List.of(lifted(ring, roof))));
    for (int k = 0; k < 8; k++) {
      int n = (k + 1) % 8;
      faces.add(
          new Polygon3D(
              List.of(
                  new double[] {
                    ring[3 * k], ring[3 * k + 1], ground,
                    ring[3 * n], ring[3 * n + 1], ground,
                    ring[3 * n], ring[3 * n + 1], roof,
                    ring[3 * k], ring[3 * k + 1], roof
                  })));
    }
    double[] positions = new double[16 * 3];
    for (int k = 0; k < 8; k++) {
      System.arraycopy(ring, 3 * k, positions, 3 * k, 3);
      System.arraycopy(ring, 3 * k, positions, 24 + 3 * k, 3);
      positions[24 + 3 * k + 2] = roof;
    }
    int[] indices = new int[20 * 3];
    for (int t = 0; t < 20; t++) {
      indices[3 * t] = t % 16;
      indices[3 * t + 1] = (t + 1) % 16;
      indices[3 * t + 2] = (t + 8) % 16;
    }
    DerivedShape shape =
        new DerivedShape(
            FACTORY.createPolygon(outline),
            Envelope3D.of(
                lon - radius * 1.3, lat - radius, ground, lon + radius * 1.3, lat + radius, roof),
            ground,
            roof,
            roof - ground,
            radius * radius * 111_195.0 * 111_195.0 * 2.8,
            List.of(new Mesh(1, positions, indices)));
    return new CityObject(
        gmlId,
        CityObjectType.BUILDING,
        "bldg:Building",
        null,
        attributes(random),
        risks(random),
        List.of(
            new LodGeometry(0, SurfaceRole.FOOTPRINT, false, List.of(new Polygon3D(List.of(ring)))),
            new LodGeometry(1, SurfaceRole.SHELL, true, faces)),
        shape);
  }

  private static double[] lifted(double[] ring, double height) {
    double[] copy = ring.clone();
    for (int k = 2; k < copy.length; k += 3) {
      copy[k] = height;
    }
    return copy;
  }

  private static Map<String, AttributeValue> attributes(Random random) {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    attributes.put("name", new AttributeValue.Text("ビル" + random.nextInt(1000)));
    attributes.put("class", new AttributeValue.Code("3001", "Building_class.xml", "普通建物"));
    attributes.put("usage", new AttributeValue.Code("411", "Building_usage.xml", "業務施設"));
    attributes.put("measuredHeight", new AttributeValue.Number(random.nextDouble() * 40, "m"));
    attributes.put("storeysAboveGround", new AttributeValue.Number(1 + random.nextInt(12), null));
    attributes.put("storeysBelowGround", new AttributeValue.Number(random.nextInt(2), null));
    attributes.put(
        "yearOfConstruction", new AttributeValue.Number(1950 + random.nextInt(70), null));
    attributes.put("uro_buildingID", new AttributeValue.Text("27100-bldg-" + random.nextInt()));
    attributes.put("uro_prefecture", new AttributeValue.Code("27", "Prefecture.xml", "大阪府"));
    attributes.put("uro_city", new AttributeValue.Code("27100", "City.xml", "大阪市"));
    attributes.put("uro_surveyYear", new AttributeValue.Text("2022"));
    attributes.put(
        "uro_buildingStructureType", new AttributeValue.Code("610", "Structure.xml", null));
    attributes.put("uro_fireproofStructureType", new AttributeValue.Code("1001", "Fire.xml", null));
    attributes.put("gen:延床面積", new AttributeValue.Number(random.nextDouble() * 3000, "m2"));
    attributes.put("gen:用途地域", new AttributeValue.Text("商業地域"));
    return attributes;
  }

  private static List<RiskAttribute> risks(Random random) {
    List<RiskAttribute> risks = new ArrayList<>();
    for (int r = 1 + random.nextInt(3); r > 0; r--) {
      risks.add(
          new RiskAttribute(
              RiskKind.RIVER_FLOOD,
              "淀川",
              "" + (1 + random.nextInt(5)),
              random.nextDouble() * 5,
              random.nextDouble() * 48,
              r % 2 == 0 ? "L1" : "L2",
              "国",
              null));
    }
    return risks;
  }

  /** One 10 km square relief (DEM) tile over the whole city, as a TINRelief import gives. */
  private static CityObject reliefTile() {
    double w = LON - 0.01;
    double s = LAT - 0.01;
    double e = w + CITY_DEGREES + 0.02;
    double n = s + CITY_DEGREES + 0.02;
    CityObject box = BoxBuildings.box("dem_1", LON, LAT, 10, 10, 0, 1, Map.of(), List.of());
    DerivedShape shape =
        new DerivedShape(
            FACTORY.createPolygon(
                new Coordinate[] {
                  new Coordinate(w, s),
                  new Coordinate(e, s),
                  new Coordinate(e, n),
                  new Coordinate(w, n),
                  new Coordinate(w, s)
                }),
            Envelope3D.of(w, s, 0, e, n, 30),
            0,
            30,
            30,
            1e8,
            List.of());
    return new CityObject(
        "dem_1",
        CityObjectType.RELIEF,
        "dem:ReliefFeature",
        null,
        Map.of(),
        List.of(),
        box.geometries(),
        shape);
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
