package org.citytwin.flood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSeriesTest {
  @TempDir Path dir;

  @Test
  void interpolatesLinearlyAndHoldsEnds() throws Exception {
    Path csv = dir.resolve("q.csv");
    Files.writeString(csv, "time_s,value\n0,0\n100,10\n# peak held\n300,10\n");
    TimeSeries s = TimeSeries.readCsv(csv);
    assertEquals(0, s.valueAt(-5));
    assertEquals(2.5, s.valueAt(25), 1e-12);
    assertEquals(10, s.valueAt(200));
    assertEquals(10, s.valueAt(1e6));
  }

  @Test
  void rejectsTimesOutOfOrder() {
    assertThrows(
        IllegalArgumentException.class,
        () -> TimeSeries.of(new double[] {0, 10, 5}, new double[] {1, 2, 3}));
  }
}
