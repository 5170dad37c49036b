package org.citytwin.http.flood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.http.LiveTwin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploaded grids survive a restart of the server on the same store directory ({@code
 * flood/dems/<id>.grid} and {@code <id>.json}), and a DELETE forgets them on disk too.
 */
class KeptGridsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void anUploadedGridIsServedAgainAfterARestartUntilDeleted() throws Exception {
    double[] xyz = {135.456, 34.621 - 0.03, 0};
    LocalMetricFrame.ofEpsg(6674).toMetric(xyz, 0, 1);
    StringBuilder asc =
        new StringBuilder(
            "ncols 4\nnrows 3\nxllcorner "
                + Math.floor(xyz[0])
                + "\nyllcorner "
                + Math.floor(xyz[1])
                + "\ncellsize 5\nNODATA_value -9999\n");
    asc.append("1.5 2 2.5 3\n4 -9999 5 6\n7 8 9 10.25\n");
    String id;
    JsonNode described;
    String grid;
    try (LiveTwin twin = LiveTwin.start(dir)) {
      HttpResponse<String> r =
          twin.send(
              HttpRequest.newBuilder(URI.create(twin.root() + "/flood/dems?crs=6674"))
                  .POST(HttpRequest.BodyPublishers.ofString(asc.toString())));
      assertEquals(201, r.statusCode(), r.body());
      described = JSON.readTree(r.body());
      id = described.get("id").asText();
      grid = get(twin, "/flood/dems/" + id + "/grid.asc").body();
    }
    Path kept = dir.resolve("store").resolve("flood").resolve("dems");
    assertTrue(Files.exists(kept.resolve(id + ".grid")), kept.toString());
    assertTrue(Files.exists(kept.resolve(id + ".json")), kept.toString());

    try (LiveTwin twin = LiveTwin.start(dir)) {
      HttpResponse<String> again = get(twin, "/flood/dems/" + id);
      assertEquals(200, again.statusCode(), again.body());
      assertEquals(described, JSON.readTree(again.body()));
      assertEquals(grid, get(twin, "/flood/dems/" + id + "/grid.asc").body());
      assertEquals(List.of(id), ids(JSON.readTree(get(twin, "/flood/dems").body())));
      // A scenario can name it again.
      HttpResponse<String> run =
          twin.send(
              HttpRequest.newBuilder(URI.create(twin.root() + "/flood/runs"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"dem\": \"" + id + "\", \"duration\": 60, \"outputInterval\": 0}")));
      assertEquals(202, run.statusCode(), run.body());
      HttpResponse<String> deleted =
          twin.send(HttpRequest.newBuilder(URI.create(twin.root() + "/flood/dems/" + id)).DELETE());
      assertEquals(204, deleted.statusCode(), deleted.body());
    }
    assertTrue(
        !Files.exists(kept.resolve(id + ".grid")) && !Files.exists(kept.resolve(id + ".json")));
    try (LiveTwin twin = LiveTwin.start(dir)) {
      assertEquals(404, get(twin, "/flood/dems/" + id).statusCode());
    }
  }

  private static HttpResponse<String> get(LiveTwin twin, String path) throws Exception {
    return twin.send(HttpRequest.newBuilder(URI.create(twin.root() + path)).GET());
  }

  private static List<String> ids(JsonNode list) {
    java.util.ArrayList<String> ids = new java.util.ArrayList<>();
    list.get("grids").forEach(g -> ids.add(g.get("id").asText()));
    return ids;
  }
}
