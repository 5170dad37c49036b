package org.citytwin.citygml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of unreadable input fails with one message naming the file, line and column. */
class BadInputTest {
  static final String CITY_MODEL_START =
      "<core:CityModel xmlns:core=\"http://www.opengis.net/citygml/2.0\""
          + " xmlns:bldg=\"http://www.opengis.net/citygml/building/2.0\""
          + " xmlns:gml=\"http://www.opengis.net/gml\">";

  private static CityGmlParser parser;
  @TempDir Path directory;

  @BeforeAll
  static void start() {
    parser = new CityGmlParser(2, null);
  }

  @AfterAll
  static void stop() {
    parser.close();
  }

  private CityGmlFormatException failureOf(String fileName, byte[] content) throws Exception {
    Path file = directory.resolve(fileName);
    Files.write(file, content);
    return assertThrows(
        CityGmlFormatException.class, () -> Reading.of(parser, Fixtures.source(file)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "empty file|| 0|the file is empty",
        "not XML|this is not xml| 1|malformed XML",
        "XXE external entity|<?xml version='1.0'?><!DOCTYPE x [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]><x>&xxe;</x>| 1|DTD",
        "entity expansion bomb|<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'><!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>]><x>&c;</x>| 1|DTD",
        "KML, not CityGML|<kml xmlns='http://www.opengis.net/kml/2.2'><Document/></kml>| 1|not CityGML",
        "no CRS anywhere|"
            + "<core:CityModel xmlns:core='http://www.opengis.net/citygml/2.0'></core:CityModel>"
            + "| 0|no coordinate reference system",
        "unclosed root|<core:CityModel xmlns:core='http://www.opengis.net/citygml/2.0' xmlns:gml='http://www.opengis.net/gml'><gml:boundedBy><gml:Envelope srsName='EPSG:6697'></gml:Envelope></gml:boundedBy>| 1|malformed XML"
      })
  void unreadableInputIsRejectedWithItsPosition(
      String what, String content, int line, String reason) throws Exception {
    byte[] bytes = content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8);
    CityGmlFormatException failure = failureOf("input.gml", bytes);
    assertTrue(failure.getMessage().contains(reason), what + ": " + failure.getMessage());
    assertTrue(
        failure.getMessage().contains("input.gml"), "names the file: " + failure.getMessage());
    if (line > 0) {
      assertEquals(line, failure.line(), what + ": " + failure.getMessage());
      assertTrue(failure.column() > 0, what + ": column in " + failure.getMessage());
    }
  }

  @Test
  void truncatedPlateauFileNamesWhereItEnds() throws Exception {
    byte[] whole = Files.readAllBytes(Fixtures.sample(Fixtures.OSAKA_FLOOD));
    byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
    long lines = new String(truncated, StandardCharsets.UTF_8).lines().count();
    CityGmlFormatException failure = failureOf("truncated.gml", truncated);
    assertTrue(failure.getMessage().contains("malformed XML"), failure.getMessage());
    assertTrue(
        failure.line() >= lines - 1 && failure.line() <= lines + 1,
        "line " + failure.line() + " near end " + lines);
  }

  @Test
  void wrongEpsgCodeOfTheBrokenPlateauSampleIsNamedWithItsLine() throws Exception {
    Path file = Fixtures.sample(Fixtures.BROKEN_TOKYO);
    CityGmlFormatException failure =
        assertThrows(CityGmlFormatException.class, () -> Reading.of(parser, Fixtures.source(file)));
    assertTrue(
        failure.getMessage().contains("http://www.opengis.net/def/crs/EPSG/0/669"),
        failure.getMessage());
    assertEquals(4, failure.line(), failure.getMessage());
  }

  @Test
  void malformedFeatureDeepInTheFileIsReportedAtItsLine() throws Exception {
    String content =
        new String(
            Files.readAllBytes(Fixtures.sample(Fixtures.OSAKA_FLOOD)), StandardCharsets.UTF_8);
    int cut = content.indexOf("</bldg:Building>", content.length() / 2);
    String broken =
        content.substring(0, cut)
            + "</bldg:Buildin>"
            + content.substring(cut + "</bldg:Building>".length());
    long line = broken.substring(0, cut).lines().count();
    CityGmlFormatException failure =
        failureOf("mismatched.gml", broken.getBytes(StandardCharsets.UTF_8));
    assertEquals(line, failure.line(), failure.getMessage());
  }
}
