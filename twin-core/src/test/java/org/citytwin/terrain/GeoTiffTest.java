package org.citytwin.terrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GeoTIFF in and out, checked against GDAL (installed by .ci/run as gdal-bin). */
class GeoTiffTest {
  @TempDir Path dir;

  /** A 7 x 5 grid of 2.5 m cells at a JGD2011 zone VI position, with NaN holes. */
  private static Raster sample() {
    GridGeometry g = GridGeometry.of(-44_000.0, -148_500.0, 2.5, 7, 5);
    float[] v = new float[g.cellCount()];
    Random random = new Random(42);
    for (int i = 0; i < v.length; i++) {
      v[i] = i % 11 == 3 ? Float.NaN : (float) (random.nextGaussian() * 3 + 1.25);
    }
    return Raster.of(g, v);
  }

  @Test
  void gdalReadsOurCrsOriginSizeAndValues() throws Exception {
    Raster raster = sample();
    Path tif = dir.resolve("depth.tif");
    GeoTiff.write(raster, 6674, tif);
    JsonNode info = new ObjectMapper().readTree(run("gdalinfo", "-json", tif.toString()));
    assertEquals(
        List.of(7, 5), List.of(info.get("size").get(0).asInt(), info.get("size").get(1).asInt()));
    String wkt = info.get("coordinateSystem").get("wkt").asText();
    assertTrue(wkt.contains("Japan Plane Rectangular CS VI") && wkt.contains("6674"), wkt);
    JsonNode t = info.get("geoTransform");
    assertEquals(-44_000.0, t.get(0).asDouble(), 1e-9);
    assertEquals(2.5, t.get(1).asDouble(), 1e-12);
    assertEquals(-148_500.0 + 5 * 2.5, t.get(3).asDouble(), 1e-9);
    assertEquals(-2.5, t.get(5).asDouble(), 1e-12);
    JsonNode band = info.get("bands").get(0);
    assertEquals("Float32", band.get("type").asText());
    assertEquals(-9999.0, band.get("noDataValue").asDouble());
    // Values: GDAL converts our file to an ASCII grid, which our reader (tested apart) reads.
    Path asc = dir.resolve("from-gdal.asc");
    run("gdal_translate", "-q", "-of", "AAIGrid", tif.toString(), asc.toString());
    Raster back = EsriAsciiGrid.read(asc);
    assertEquals(raster.geometry(), back.geometry());
    for (int i = 0; i < raster.geometry().cellCount(); i++) {
      float expected = raster.value(i);
      if (Float.isNaN(expected)) {
        assertTrue(Float.isNaN(back.value(i)), "cell " + i + " is NODATA");
      } else {
        // the ASCII grid GDAL writes keeps at least 7 significant digits
        assertEquals(expected, back.value(i), 1e-6f * (1 + Math.abs(expected)), "cell " + i);
      }
    }
  }

  @Test
  void weReadAGeoTiffMadeByGdal() throws Exception {
    Raster raster = sample();
    Path asc = dir.resolve("dem.asc");
    EsriAsciiGrid.write(raster, asc);
    Path tif = dir.resolve("dem.tif");
    run(
        "gdal_translate",
        "-q",
        "-of",
        "GTiff",
        "-a_srs",
        "EPSG:6674",
        "-ot",
        "Float32",
        asc.toString(),
        tif.toString());
    GeoRaster read = GeoTiff.read(tif);
    assertEquals(6674, read.epsgCode());
    assertEquals(raster.geometry(), read.raster().geometry());
    for (int i = 0; i < raster.geometry().cellCount(); i++) {
      assertEquals(raster.value(i), read.raster().value(i), "cell " + i);
    }
  }

  @Test
  void roundTripsItsOwnFiles() throws Exception {
    Raster raster = sample();
    Path tif = dir.resolve("own.tif");
    GeoTiff.write(raster, 6674, tif);
    GeoRaster read = GeoTiff.read(tif);
    assertEquals(6674, read.epsgCode());
    assertEquals(raster.geometry(), read.raster().geometry());
    for (int i = 0; i < raster.geometry().cellCount(); i++) {
      assertEquals(raster.value(i), read.raster().value(i), "cell " + i);
    }
  }

  @Test
  void aFileThatIsNoTiffIsAFormatError() throws Exception {
    Path bad = dir.resolve("bad.tif");
    Files.writeString(bad, "ncols 3\n");
    GridFormatException e = assertThrows(GridFormatException.class, () -> GeoTiff.read(bad));
    assertTrue(e.getMessage().contains("bad.tif"), e.getMessage());
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", command) + ":\n" + out);
    return out;
  }
}
