package org.citytwin.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SrsNameTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "EPSG:6697 | EPSG:6697",
        "epsg:4326 | EPSG:4326",
        "' EPSG:25833 ' | EPSG:25833",
        "urn:ogc:def:crs:EPSG::25833 | EPSG:25833",
        "urn:ogc:def:crs:EPSG:6.12:25833 | EPSG:25833",
        "URN:OGC:DEF:CRS:EPSG:9.8.15:6697 | EPSG:6697",
        "urn:x-ogc:def:crs:EPSG:6.3:4326 | EPSG:4326",
        "http://www.opengis.net/def/crs/EPSG/0/6697 | EPSG:6697",
        "https://www.opengis.net/def/crs/EPSG/0/6697 | EPSG:6697",
        "http://www.opengis.net/def/crs/EPSG/9.9.1/3946 | EPSG:3946",
        "http://www.opengis.net/gml/srs/epsg.xml#4326 | EPSG:4326",
        "urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837 | EPSG:25832+7837",
        "urn:ogc:def:crs,crs:EPSG:6.12:25833,crs:EPSG:6.12:5783 | EPSG:25833+5783",
        "http://www.opengis.net/def/crs-compound?1=http://www.opengis.net/def/crs/EPSG/0/28992"
            + "&2=http://www.opengis.net/def/crs/EPSG/0/5709 | EPSG:28992+5709",
        "urn:adv:crs:ETRS89_UTM32*DE_DHHN92_NH | EPSG:25832+5783",
        "urn:adv:crs:ETRS89_UTM33*DE_DHHN2016_NH | EPSG:25833+7837",
        "urn:adv:crs:ETRS89_UTM32 | EPSG:25832",
        "urn:adv:crs:DE_DHDN_3GK3*DE_DHHN92_NH | EPSG:31467+5783",
      })
  void parsesEveryForm(String srsName, String identifier) throws UnknownCrsException {
    assertEquals(identifier, SrsName.parse(srsName).identifier());
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(
      strings = {
        "foo",
        "",
        "  ",
        "EPSG:",
        "EPSG:abc",
        "EPSG:99999999999",
        "urn:ogc:def:crs:EPSG::",
        "urn:ogc:def:crs,crs:EPSG::25832",
        "urn:ogc:def:crs,crs:EPSG::25832,foo",
        "http://www.opengis.net/def/crs/OGC/1.3/CRS84x",
        "urn:adv:crs:ETRS89_UTM99",
        "urn:adv:crs:ETRS89_UTM32*DE_NOTAHEIGHT",
        "urn:adv:crs:ETRS89_UTM32*DE_DHHN92_NH*X",
      })
  void rejectsUnparsableNamesWithTheNameInTheMessage(String srsName) {
    UnknownCrsException e = assertThrows(UnknownCrsException.class, () -> SrsName.parse(srsName));
    assertTrue(e.getMessage().contains("'" + srsName + "'"), e.getMessage());
    assertEquals(srsName, e.srsName());
  }
}
