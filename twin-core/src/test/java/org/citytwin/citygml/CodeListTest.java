package org.citytwin.citygml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.CityObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Codes stay codes; their labels are resolved when a PLATEAU {@code codelists/} directory lies
 * where the file's codeSpace points ({@code ../../codelists/...} from {@code udx/bldg/}).
 */
class CodeListTest {
  /** A PLATEAU-style gml:Dictionary with the building classes used in the Osaka sample. */
  private static final String BUILDING_CLASS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <gml:Dictionary xmlns:gml="http://www.opengis.net/gml" gml:id="Building_class">
        <gml:name>Building_class</gml:name>
        <gml:dictionaryEntry><gml:Definition gml:id="id1"><gml:description>普通建物</gml:description><gml:name>3001</gml:name></gml:Definition></gml:dictionaryEntry>
        <gml:dictionaryEntry><gml:Definition gml:id="id2"><gml:description>堅ろう建物</gml:description><gml:name>3002</gml:name></gml:Definition></gml:dictionaryEntry>
        <gml:dictionaryEntry><gml:Definition gml:id="id3"><gml:description>普通無壁舎</gml:description><gml:name>3003</gml:name></gml:Definition></gml:dictionaryEntry>
      </gml:Dictionary>
      """;

  @TempDir Path dataset;

  @Test
  void labelsComeFromTheCodeListBesideTheData() throws Exception {
    Path bldg = Files.createDirectories(dataset.resolve("udx/bldg"));
    Path file =
        Files.copy(
            Fixtures.osakaDirectory().resolve("51357355_bldg_6697_op.gml"),
            bldg.resolve("51357355_bldg_6697_op.gml"));
    Files.writeString(
        Files.createDirectories(dataset.resolve("codelists")).resolve("Building_class.xml"),
        BUILDING_CLASS);

    try (CityGmlParser parser = new CityGmlParser(1, null)) {
      Reading reading = Reading.of(parser, Fixtures.source(file));
      for (CityObject building : reading.objects()) {
        AttributeValue.Code code = (AttributeValue.Code) building.attributes().get("class");
        String expected =
            switch (code.code()) {
              case "3001" -> "普通建物";
              case "3002" -> "堅ろう建物";
              case "3003" -> "普通無壁舎";
              default -> throw new AssertionError("unexpected class " + code.code());
            };
        assertEquals(expected, code.label(), building.gmlId());
        AttributeValue.Code usage = (AttributeValue.Code) building.attributes().get("usage");
        if (usage != null) {
          assertNull(usage.label(), "no Building_usage.xml, so no label");
        }
      }
    }
  }
}
