package org.citytwin.terrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

class EsriAsciiGridTest {
  @TempDir Path dir;

  @Test
  void roundTripKeepsGeometryValuesAndNoData() throws Exception {
    GridGeometry g = GridGeometry.of(500000.5, 4000000, 2, 3, 2);
    Raster r = Raster.of(g, new float[] {1, 2.5f, Float.NaN, -4, 5, 6.25f});
    Path file = dir.resolve("r.asc");
    EsriAsciiGrid.write(r, file);
    Raster back = EsriAsciiGrid.read(file);
    assertEquals(g, back.geometry());
    assertEquals(2.5f, back.value(1, 0));
    assertTrue(Float.isNaN(back.value(2, 0)), "NODATA becomes NaN");
    assertEquals(-4f, back.value(0, 1), "row 1 is the southern row");
  }

  @Test
  void centreRegisteredHeaderIsShiftedHalfACell() throws Exception {
    Path file = dir.resolve("c.asc");
    Files.writeString(file, "NCOLS 2\nNROWS 1\nXLLCENTER 10\nYLLCENTER 20\nCELLSIZE 4\n1 2\n");
    Raster r = EsriAsciiGrid.read(file);
    assertEquals(GridGeometry.of(8, 18, 4, 2, 1), r.geometry());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ncols 2\\nnrows 1\\nxllcorner 0\\nyllcorner 0\\ncellsize 1\\n1|found 1 values",
        "ncols 2\\nnrows 1\\nxllcorner 0\\nyllcorner 0\\ncellsize 1\\n1 x|'x' is not a number",
        "ncols 2\\nnrows 1\\nyllcorner 0\\ncellsize 1\\n1 2|neither xllcorner",
        "ncols 2\\nnrows 1\\nxllcorner 0\\nyllcorner 0\\ncellsize 0\\n1 2|cell size 0.0"
      })
  void badFilesSayWhatIsWrong(String content, String message) throws Exception {
    Path file = dir.resolve("bad.asc");
    Files.writeString(file, content.replace("\\n", "\n"));
    GridFormatException e = assertThrows(GridFormatException.class, () -> EsriAsciiGrid.read(file));
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
  }

  @Test
  void footprintsBlockCellsWhoseCentreIsInside() {
    GridGeometry g = GridGeometry.of(0, 0, 1, 10, 10);
    TerrainGrid t = TerrainGrid.flat(g, 0f);
    CellMask mask =
        t.blockedBy(List.of(new GeometryFactory().toGeometry(new Envelope(2.2, 4.8, 6.1, 7.9))));
    // centres x in {2.5, 3.5, 4.5}, y in {6.5, 7.5}: 6 cells
    assertEquals(6, mask.count());
    assertTrue(mask.contains(g.cellAt(3.5, 7.5)));
    assertTrue(!mask.contains(g.cellAt(1.5, 7.5)));
  }
}
