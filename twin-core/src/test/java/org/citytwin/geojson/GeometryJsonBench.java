package org.citytwin.geojson;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.citytwin.citygml.CityGmlParser;
import org.citytwin.citygml.CityGmlReader;
import org.citytwin.citygml.CityGmlSources;
import org.citytwin.citygml.ConvertedChunk;
import org.citytwin.model.CityObject;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * Prints the CPU time per feature of writing GeoJSON footprints through JTS's {@link GeoJsonWriter}
 * strings (the baseline, what the server did before) and through {@link GeometryJson}, and of a
 * whole feature with {@link FeatureWriter}; a benchmark, not a test. Thread CPU time, so figures
 * hold up on a machine shared with other work. Run from {@code twin-core} with the test class path:
 * {@code java -cp target/test-classes:target/classes:<deps> org.citytwin.geojson.GeometryJsonBench
 * [rounds]}; it reads the buildings of {@code ../data/citygml}.
 */
public final class GeometryJsonBench {
  private GeometryJsonBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
    List<CityObject> buildings = readBuildings(Path.of("..", "data", "citygml"));
    System.out.printf("%,d buildings with footprints%n", buildings.size());
    GeoJsonWriter jts = new GeoJsonWriter(9);
    jts.setEncodeCRS(false);
    GeometryJson streamed = new GeometryJson(9);
    FeatureWriter features = new FeatureWriter();
    JsonFactory factory = new JsonFactory();
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    for (int round = 1; round <= rounds; round++) {
      double baseline =
          perFeature(
              buildings, factory, out, (json, b) -> json.writeRawValue(jts.write(footprint(b))));
      double direct =
          perFeature(buildings, factory, out, (json, b) -> streamed.write(json, footprint(b)));
      double whole =
          perFeature(buildings, factory, out, (json, b) -> features.write(json, b, "a.gml"));
      System.out.printf(
          "round %d: footprint via JTS strings %.2f us, streamed %.2f us (%.2fx less CPU);"
              + " whole feature %.2f us%n",
          round, baseline, direct, baseline / direct, whole);
    }
  }

  private interface Write {
    void write(JsonGenerator json, CityObject building) throws IOException;
  }

  /** Microseconds of this thread's CPU per building, over 20 passes. */
  private static double perFeature(
      List<CityObject> buildings, JsonFactory factory, ByteArrayOutputStream out, Write write)
      throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    int passes = 20;
    for (int pass = 0; pass < passes; pass++) {
      for (CityObject building : buildings) {
        out.reset();
        try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
          write.write(json, building);
        }
      }
    }
    return (threads.getCurrentThreadCpuTime() - start) / 1e3 / passes / buildings.size();
  }

  private static Geometry footprint(CityObject building) {
    return building.shape().footprint();
  }

  private static List<CityObject> readBuildings(Path directory) throws Exception {
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files = list.filter(p -> p.getFileName().toString().contains("_bldg_")).sorted().toList();
    }
    List<CityObject> buildings = new ArrayList<>();
    try (CityGmlParser parser = new CityGmlParser(2, null)) {
      for (var source : CityGmlSources.expand(files)) {
        try (CityGmlReader reader = parser.open(source)) {
          ConvertedChunk chunk;
          while ((chunk = reader.next()) != null) {
            chunk.objects().stream()
                .filter(o -> o.shape() != null && !o.shape().footprint().isEmpty())
                .forEach(buildings::add);
          }
        }
      }
    }
    return buildings;
  }
}
