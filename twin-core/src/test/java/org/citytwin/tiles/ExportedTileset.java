package org.citytwin.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tileset exported to a directory, read back the way a client reads it: its leaves, their GLBs,
 * transforms and regions, vertices back in geodetic coordinates, and the Khronos glTF validator's
 * reports on its GLBs.
 */
record ExportedTileset(Path directory, JsonNode json) {

  static ExportedTileset read(Path directory) throws IOException {
    return new ExportedTileset(
        directory, new ObjectMapper().readTree(directory.resolve("tileset.json").toFile()));
  }

  /** The tiles with content (leaves and inner nodes with coarse buildings), depth first. */
  List<JsonNode> leaves() {
    List<JsonNode> leaves = new ArrayList<>();
    collect(json.get("root"), leaves);
    return leaves;
  }

  private static void collect(JsonNode tile, List<JsonNode> leaves) {
    if (tile.has("content")) {
      leaves.add(tile);
    }
    tile.path("children").forEach(child -> collect(child, leaves));
  }

  /**
   * The tile's column-major 4x4 transform from its local frame to ECEF, as a viewer computes it:
   * the product of the transforms on the path from the root down to it (3D Tiles multiplies a
   * tile's transform onto its parent's).
   */
  double[] transform(JsonNode tile) {
    List<JsonNode> path = new ArrayList<>();
    if (!pathTo(json.get("root"), tile, path)) {
      throw new IllegalArgumentException("tile is not in this tileset: " + tile);
    }
    double[] world = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
    for (JsonNode step : path) {
      if (step.has("transform")) {
        world = TileTransforms.multiply(world, ownTransform(step));
      }
    }
    return world;
  }

  private static boolean pathTo(JsonNode from, JsonNode target, List<JsonNode> path) {
    path.add(from);
    if (from == target) {
      return true;
    }
    for (JsonNode child : from.path("children")) {
      if (pathTo(child, target, path)) {
        return true;
      }
    }
    path.remove(path.size() - 1);
    return false;
  }

  GlbReader glb(JsonNode leaf) throws IOException {
    return GlbReader.read(Files.readAllBytes(file(leaf)));
  }

  private Path file(JsonNode leaf) {
    return directory.resolve(leaf.at("/content/uri").asText());
  }

  /** The tile's own {@code transform}, relative to its nearest ancestor with one. */
  static double[] ownTransform(JsonNode leaf) {
    double[] m = new double[16];
    for (int i = 0; i < 16; i++) {
      m[i] = leaf.get("transform").get(i).asDouble();
    }
    return m;
  }

  static TileRegion region(JsonNode leaf) {
    JsonNode r = leaf.at("/boundingVolume/region");
    return new TileRegion(
        r.get(0).asDouble(),
        r.get(1).asDouble(),
        r.get(2).asDouble(),
        r.get(3).asDouble(),
        r.get(4).asDouble(),
        r.get(5).asDouble());
  }

  /**
   * Undoes what a viewer does with the glTF position starting at {@code offset}: y-up to z-up, the
   * tile transform to ECEF, then geodetic (longitude, latitude in radians, ellipsoidal height).
   */
  static void toGeodetic(double[] positions, int offset, double[] m, double[] geodetic) {
    // glTF (x, y, z) is 3D Tiles (x, -z, y): east, north, up.
    double e = positions[offset];
    double n = -positions[offset + 2];
    double u = positions[offset + 1];
    double x = m[0] * e + m[4] * n + m[8] * u + m[12];
    double y = m[1] * e + m[5] * n + m[9] * u + m[13];
    double z = m[2] * e + m[6] * n + m[10] * u + m[14];
    Wgs84.toGeodetic(x, y, z, geodetic);
  }

  /**
   * Runs the Khronos glTF validator (installed by .ci/run under {@code gltf.validator.dir}) on
   * every leaf's GLB and returns its reports, one per GLB; fails when the validator is missing.
   */
  JsonNode validatorReports() throws Exception {
    Path prefix = Path.of(System.getProperty("gltf.validator.dir", "../.cache/gltf-validator"));
    if (!Files.isDirectory(prefix.resolve("node_modules/gltf-validator"))) {
      fail(
          "the Khronos glTF validator is not installed under "
              + prefix.toAbsolutePath()
              + "; run .ci/run or: npm install --prefix "
              + prefix
              + " gltf-validator@2.0.0-dev.3.10");
    }
    Path script =
        Path.of(ExportedTileset.class.getResource("validate-glb.cjs").toURI()).toAbsolutePath();
    List<String> command = new ArrayList<>(List.of("node", script.toString(), prefix.toString()));
    for (JsonNode leaf : leaves()) {
      command.add(file(leaf).toString());
    }
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), "validator exit status; output: " + output);
    return new ObjectMapper().readTree(output);
  }
}
