package org.citytwin.http.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Envelope;

/** Runs GDAL's {@code ogrinfo} and reads its text output, for the vector tile client test. */
final class GdalRun {
  private static final Pattern FIELD =
      Pattern.compile("^\\s+(\\w+) \\((\\w+)\\) = (.*)$", Pattern.MULTILINE);
  private static final Pattern SCHEMA_FIELD =
      Pattern.compile("^(\\w+): (\\w+) \\(", Pattern.MULTILINE);
  private static final Pattern COUNT = Pattern.compile("^Feature Count: (\\d+)", Pattern.MULTILINE);
  private static final Pattern EXTENT =
      Pattern.compile(
          "^Extent: \\(([-0-9.e]+), ([-0-9.e]+)\\) - \\(([-0-9.e]+), ([-0-9.e]+)\\)",
          Pattern.MULTILINE);

  private GdalRun() {}

  /** One layer of {@code ogrinfo -so -al}: its feature count, extent and field names. */
  record LayerSummary(int featureCount, Envelope extent, List<String> fields) {
    static Map<String, LayerSummary> parse(String output) {
      Map<String, LayerSummary> layers = new LinkedHashMap<>();
      for (String block : output.split("\\nLayer name: ")) {
        if (block.startsWith("INFO")) {
          continue;
        }
        String name = block.lines().findFirst().orElseThrow().trim();
        Matcher count = COUNT.matcher(block);
        Matcher extent = EXTENT.matcher(block);
        if (!count.find() || !extent.find()) {
          throw new AssertionError("no count or extent for layer " + name + " in\n" + block);
        }
        List<String> fields = new ArrayList<>();
        Matcher field = SCHEMA_FIELD.matcher(block);
        while (field.find()) {
          fields.add(field.group(1));
        }
        layers.put(
            name,
            new LayerSummary(
                Integer.parseInt(count.group(1)),
                new Envelope(
                    Double.parseDouble(extent.group(1)),
                    Double.parseDouble(extent.group(3)),
                    Double.parseDouble(extent.group(2)),
                    Double.parseDouble(extent.group(4))),
                fields));
      }
      return layers;
    }
  }

  /** The {@code name (Type) = value} lines of one feature printed by {@code ogrinfo}. */
  static Map<String, String> fields(String output) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher field = FIELD.matcher(output);
    while (field.find()) {
      fields.put(field.group(1), field.group(3).trim());
    }
    return fields;
  }

  /** Runs {@code ogrinfo}; fails (not skips) when it is missing or fails. */
  static String ogrinfo(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("ogrinfo"));
    command.addAll(List.of(arguments));
    Path out = Files.createTempFile("ogrinfo", ".out");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("ogrinfo did not finish in 60 s: " + command);
      }
      String text = Files.readString(out, StandardCharsets.UTF_8);
      assertEquals(0, process.exitValue(), command + "\n" + text);
      return text;
    } catch (java.io.IOException e) {
      throw new AssertionError(
          "ogrinfo (Debian gdal-bin) is needed for this test; .ci/run installs it: " + e, e);
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
