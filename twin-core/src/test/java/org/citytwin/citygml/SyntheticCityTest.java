package org.citytwin.citygml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.citytwin.model.CityObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic copies read back as valid CityGML: same objects, new ids, shifted by the step. */
class SyntheticCityTest {
  @TempDir Path output;

  @Test
  void copiesAreShiftedRenamedAndLabelled() throws Exception {
    Path tile = Fixtures.osakaDirectory().resolve("51357355_bldg_6697_op.gml");
    List<Path> files = new SyntheticCity(0.05, 0.05).generate(List.of(tile), 4, output);
    assertEquals(4, files.size());
    assertTrue(Files.readString(files.get(0)).contains("SYNTHETIC benchmark data"));

    try (CityGmlParser parser = new CityGmlParser(2, null)) {
      Reading original = Reading.of(parser, Fixtures.source(tile));
      Set<String> ids = new HashSet<>();
      for (int copy = 0; copy < 4; copy++) {
        Reading shifted = Reading.of(parser, Fixtures.source(files.get(copy)));
        assertEquals(original.objects().size(), shifted.objects().size());
        for (int i = 0; i < shifted.objects().size(); i++) {
          CityObject before = original.objects().get(i);
          CityObject after = shifted.objects().get(i);
          assertEquals(before.gmlId() + "_s" + copy, after.gmlId());
          assertTrue(ids.add(after.gmlId()), "ids never collide across copies");
          // 4 copies lie on a 2 x 2 grid: copy k moves k/2 steps north and k%2 steps east.
          double dLat = (copy / 2) * 0.05;
          double dLon = (copy % 2) * 0.05;
          assertEquals(
              before.shape().envelope().minLat() + dLat, after.shape().envelope().minLat(), 1e-9);
          assertEquals(
              before.shape().envelope().minLon() + dLon, after.shape().envelope().minLon(), 1e-9);
          assertEquals(before.shape().heightMetres(), after.shape().heightMetres(), 1e-9);
        }
      }
    }
  }
}
