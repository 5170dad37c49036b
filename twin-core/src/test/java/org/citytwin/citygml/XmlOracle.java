package org.citytwin.citygml;

import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

/**
 * Independent answers about a CityGML file, from a plain DOM and XPath (no citygml4j), to check the
 * loader against. Comments are not elements, so commented-out features do not count.
 */
public final class XmlOracle {
  private final Document document;

  private XmlOracle(Document document) {
    this.document = document;
  }

  public static XmlOracle of(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return new XmlOracle(factory.newDocumentBuilder().parse(file.toFile()));
  }

  double number(String xpath) throws Exception {
    return (Double)
        XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NUMBER);
  }

  String text(String xpath) throws Exception {
    return (String)
        XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.STRING);
  }

  /** City objects the loader should store: members of the city model plus their nested parts. */
  long cityObjects() throws Exception {
    return (long)
        (number("count(//*[local-name()='cityObjectMember']/*)")
            + number(
                "count(//*[local-name()='BuildingPart' or local-name()='BridgePart'"
                    + " or local-name()='TunnelPart'])"));
  }

  long elements(String localName) throws Exception {
    return (long) number("count(//*[local-name()='" + localName + "'])");
  }

  /** Occurrences of gml:id values beyond their first. */
  public long repeatedIds() throws Exception {
    var ids =
        (org.w3c.dom.NodeList)
            XPathFactory.newInstance()
                .newXPath()
                .evaluate("//@*[local-name()='id']", document, XPathConstants.NODESET);
    java.util.Set<String> seen = new java.util.HashSet<>();
    long repeats = 0;
    for (int i = 0; i < ids.getLength(); i++) {
      if (!seen.add(ids.item(i).getNodeValue())) {
        repeats++;
      }
    }
    return repeats;
  }

  /** The deepest river-flood depth published for each building that has one, by gml:id. */
  java.util.Map<String, Double> deepestRiverFloodByBuilding() throws Exception {
    var buildings =
        (org.w3c.dom.NodeList)
            XPathFactory.newInstance()
                .newXPath()
                .evaluate("//*[local-name()='Building']", document, XPathConstants.NODESET);
    java.util.Map<String, Double> deepest = new java.util.HashMap<>();
    for (int i = 0; i < buildings.getLength(); i++) {
      org.w3c.dom.Element building = (org.w3c.dom.Element) buildings.item(i);
      var depths =
          (org.w3c.dom.NodeList)
              XPathFactory.newInstance()
                  .newXPath()
                  .evaluate(
                      ".//*[local-name()='RiverFloodingRiskAttribute' or local-name()='BuildingRiverFloodingRiskAttribute']/*[local-name()='depth']",
                      building,
                      XPathConstants.NODESET);
      for (int j = 0; j < depths.getLength(); j++) {
        double depth = Double.parseDouble(depths.item(j).getTextContent().trim());
        deepest.merge(
            building.getAttributeNS("http://www.opengis.net/gml", "id"), depth, Math::max);
      }
    }
    return deepest;
  }
}
