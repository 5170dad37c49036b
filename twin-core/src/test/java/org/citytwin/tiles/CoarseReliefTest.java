package org.citytwin.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.citytwin.model.Envelope3D;
import org.citytwin.model.Mesh;
import org.junit.jupiter.api.Test;

/**
 * The resampled relief surface against TINs whose full surface is known everywhere: a plane (the
 * grid must reproduce it), a peak between grid lines (the measured deviation must equal the largest
 * difference found by evaluating both surfaces on a dense lattice, never less), two sheets side by
 * side (one seamless grid, triangles owned by the sheet below them) and a TIN covering half its box
 * (the uncovered part makes the error a cell diagonal).
 */
class CoarseReliefTest {
  static final double LON = 139.69;
  static final double LAT = 35.2;
  static final double SIZE = 0.01; // about 900 m by 1100 m

  /** A regular TIN of n by n squares over [lon0, lon1] x [LAT, LAT + SIZE], heights by f. */
  static Mesh gridTin(double lon0, double lon1, int n, DoubleBinaryOperator f) {
    double[] positions = new double[(n + 1) * (n + 1) * 3];
    for (int j = 0; j <= n; j++) {
      for (int i = 0; i <= n; i++) {
        int at = (j * (n + 1) + i) * 3;
        positions[at] = lon0 + (lon1 - lon0) * i / n;
        positions[at + 1] = LAT + SIZE * j / n;
        positions[at + 2] = f.applyAsDouble(positions[at], positions[at + 1]);
      }
    }
    int[] indices = new int[n * n * 6];
    int k = 0;
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        int v00 = j * (n + 1) + i;
        int v10 = v00 + 1;
        int v01 = v00 + n + 1;
        int v11 = v01 + 1;
        // The other diagonal than the coarse grid's, so the two triangulations differ.
        for (int v : new int[] {v00, v10, v01, v10, v11, v01}) {
          indices[k++] = v;
        }
      }
    }
    return new Mesh(1, positions, indices);
  }

  static Envelope3D box(double lon0, double lon1, double minHeight, double maxHeight) {
    return Envelope3D.of(lon0, LAT, minHeight, lon1, LAT + SIZE, maxHeight);
  }

  @Test
  void aPlaneIsReproducedExactly() {
    DoubleBinaryOperator plane = (lon, lat) -> 3 + 800 * (lon - LON) - 1500 * (lat - LAT);
    Mesh tin = gridTin(LON, LON + SIZE, 37, plane);
    CoarseRelief coarse = CoarseRelief.sample(box(LON, LON + SIZE, -20, 20), List.of(tin), 16);
    CoarseRelief.Deviation deviation = coarse.deviation(List.of(tin));
    assertFalse(deviation.uncovered(), "a TIN over its whole box leaves no gap");
    assertEquals(0, deviation.verticalMetres(), 1e-9);
    assertEquals(0, deviation.geometricErrorMetres(), 1e-9);
    Mesh mesh = coarse.meshesByOwner(1, 1)[0];
    assertEquals(2 * coarse.columns() * coarse.rows(), mesh.triangleCount());
    assertTrue(mesh.triangleCount() < tin.triangleCount() / 2, "coarser than the TIN");
  }

  @Test
  void aPeakBetweenGridLinesIsMeasuredExactly() {
    // A cone 30 m high whose tip is a TIN vertex away from every coarse grid line.
    double tipLon = LON + SIZE * 0.53;
    double tipLat = LAT + SIZE * 0.47;
    DoubleBinaryOperator cone =
        (lon, lat) -> Math.max(0, 30 - 25_000 * Math.hypot(lon - tipLon, lat - tipLat));
    Mesh tin = gridTin(LON, LON + SIZE, 100, cone);
    CoarseRelief coarse = CoarseRelief.sample(box(LON, LON + SIZE, 0, 30), List.of(tin), 16);
    CoarseRelief.Deviation deviation = coarse.deviation(List.of(tin));
    assertFalse(deviation.uncovered());
    // Brute force: both surfaces on a lattice 7 times finer than the TIN.
    int n = 700;
    double brute = 0;
    for (int j = 0; j <= n; j++) {
      for (int i = 0; i <= n; i++) {
        double lon = LON + SIZE * i / n;
        double lat = LAT + SIZE * j / n;
        double full = tinHeight(tin, 100, lon, lat);
        brute = Math.max(brute, Math.abs(coarse.heightAt(coarse.u(lon), coarse.v(lat)) - full));
      }
    }
    assertTrue(brute > 1, "the coarse grid misses the cone's tip: " + brute);
    assertTrue(
        deviation.verticalMetres() >= brute - 1e-9,
        "measured " + deviation.verticalMetres() + " below brute force " + brute);
    // The lattice points lie on the TIN vertices, so it finds the tip's deviation exactly.
    assertEquals(brute, deviation.verticalMetres(), 1e-6);
  }

  @Test
  void twoSheetsMakeOneSeamlessGridOwnedByTheSheetBelow() {
    DoubleBinaryOperator slope = (lon, lat) -> 10 + 2000 * (lat - LAT);
    Mesh west = gridTin(LON, LON + SIZE / 2, 10, slope);
    Mesh east = gridTin(LON + SIZE / 2, LON + SIZE, 10, slope);
    CoarseRelief coarse = CoarseRelief.sample(box(LON, LON + SIZE, 0, 40), List.of(west, east), 16);
    CoarseRelief.Deviation deviation = coarse.deviation(List.of(west, east));
    assertFalse(deviation.uncovered(), "sheets that meet leave no gap");
    assertEquals(0, deviation.verticalMetres(), 1e-9);
    Mesh[] meshes = coarse.meshesByOwner(2, 1);
    assertNotNull(meshes[0]);
    assertNotNull(meshes[1]);
    assertEquals(
        2 * coarse.columns() * coarse.rows(),
        meshes[0].triangleCount() + meshes[1].triangleCount());
    for (int v = 0; v < meshes[0].positions().length; v += 3) {
      // A west triangle's corners start at or west of the seam; its east corners may pass it.
      assertTrue(meshes[0].positions()[v] <= LON + SIZE / 2 + SIZE / coarse.columns() + 1e-12);
    }
  }

  @Test
  void aTinCoveringHalfItsBoxMakesTheCellDiagonalTheError() {
    // One triangle: the south-east half of the box.
    Mesh half =
        new Mesh(
            1,
            new double[] {LON, LAT, 5, LON + SIZE, LAT, 5, LON + SIZE, LAT + SIZE, 5},
            new int[] {0, 1, 2});
    CoarseRelief coarse = CoarseRelief.sample(box(LON, LON + SIZE, 5, 5), List.of(half), 16);
    // Half as many coarse triangles as the TIN's one: the grid shrinks to a single cell.
    assertEquals(1, coarse.columns());
    CoarseRelief.Deviation deviation = coarse.deviation(List.of(half));
    assertEquals(0, deviation.verticalMetres(), 1e-9);
    assertFalse(deviation.uncovered(), "its diagonal matches the cell's");
    Mesh big = gridTin(LON, LON + SIZE, 40, (lon, lat) -> 5);
    int[] kept = java.util.Arrays.copyOf(big.indices(), big.indices().length / 2 + 3);
    Mesh southHalf = new Mesh(1, big.positions(), kept);
    coarse = CoarseRelief.sample(box(LON, LON + SIZE, 5, 5), List.of(southHalf), 16);
    deviation = coarse.deviation(List.of(southHalf));
    assertTrue(deviation.uncovered(), "the TIN's ragged north edge cuts through grid cells");
    assertEquals(coarse.cellDiagonalMetres(), deviation.geometricErrorMetres(), 1e-9);
    assertTrue(deviation.cellDiagonalMetres() > 50 && deviation.cellDiagonalMetres() < 150);
  }

  /** The height of the regular TIN of {@link #gridTin} (n squares per side) at lon/lat. */
  private static double tinHeight(Mesh tin, int n, double lon, double lat) {
    double x = (lon - LON) / SIZE * n;
    double y = (lat - LAT) / SIZE * n;
    int i = Math.min(n - 1, (int) Math.floor(x));
    int j = Math.min(n - 1, (int) Math.floor(y));
    double fx = x - i;
    double fy = y - j;
    double[] p = tin.positions();
    double h00 = p[(j * (n + 1) + i) * 3 + 2];
    double h10 = p[(j * (n + 1) + i + 1) * 3 + 2];
    double h01 = p[((j + 1) * (n + 1) + i) * 3 + 2];
    double h11 = p[((j + 1) * (n + 1) + i + 1) * 3 + 2];
    // Triangles v00, v10, v01 (fx + fy <= 1) and v10, v11, v01.
    if (fx + fy <= 1) {
      return h00 + fx * (h10 - h00) + fy * (h01 - h00);
    }
    return h11 + (1 - fx) * (h01 - h11) + (1 - fy) * (h10 - h11);
  }
}
