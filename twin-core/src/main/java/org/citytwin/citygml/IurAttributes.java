package org.citytwin.citygml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.citytwin.model.AttributeValue;
import org.citytwin.model.RiskAttribute;
import org.citytwin.model.RiskKind;

/**
 * Maps captured i-UR ({@code uro:}) properties of uro 1.x, 2.0, 3.0 and 3.1 onto the twin's model:
 * disaster-risk records become {@link RiskAttribute}s, every other leaf value becomes a flat
 * attribute {@code uro_<element>} (repeats numbered {@code _2}, {@code _3}...), so nothing is lost
 * even for elements we do not know by name.
 */
final class IurAttributes {
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  private final Map<String, AttributeValue> attributes = new LinkedHashMap<>();
  private final List<RiskAttribute> risks = new ArrayList<>();
  private final CodeLists codeLists;

  private IurAttributes(CodeLists codeLists) {
    this.codeLists = codeLists;
  }

  static IurAttributes map(List<XmlNode> properties, CodeLists codeLists) {
    IurAttributes mapped = new IurAttributes(codeLists);
    for (XmlNode property : properties) {
      mapped.visit(property);
    }
    return mapped;
  }

  Map<String, AttributeValue> attributes() {
    return attributes;
  }

  List<RiskAttribute> risks() {
    return risks;
  }

  private void visit(XmlNode node) {
    RiskKind kind = riskKind(node.localName());
    if (kind != null) {
      risks.add(risk(kind, node));
      return;
    }
    if (node.isLeaf()) {
      if (!node.text().isEmpty()) {
        put("uro_" + node.localName(), value(node));
      }
      return;
    }
    for (XmlNode child : node.children()) {
      visit(child);
    }
  }

  private void put(String name, AttributeValue value) {
    String key = name;
    for (int n = 2; attributes.containsKey(key); n++) {
      key = name + "_" + n;
    }
    attributes.put(key, value);
  }

  /**
   * Risk records are named e.g. {@code BuildingRiverFloodingRiskAttribute} (uro 2.0) or {@code
   * RiverFloodingRiskAttribute} (uro 3.x); the property elements that hold them start lower case.
   */
  static RiskKind riskKind(String localName) {
    if (localName.isEmpty() || Character.isLowerCase(localName.charAt(0))) {
      return null;
    }
    if (localName.endsWith("RiverFloodingRiskAttribute")) {
      return RiskKind.RIVER_FLOOD;
    }
    if (localName.endsWith("InlandFloodingRiskAttribute")) {
      return RiskKind.INLAND_FLOOD;
    }
    if (localName.endsWith("HighTideRiskAttribute")) {
      return RiskKind.HIGH_TIDE;
    }
    if (localName.endsWith("TsunamiRiskAttribute")) {
      return RiskKind.TSUNAMI;
    }
    if (localName.endsWith("LandSlideRiskAttribute")) {
      return RiskKind.LANDSLIDE;
    }
    return null;
  }

  private RiskAttribute risk(RiskKind kind, XmlNode node) {
    Map<String, XmlNode> leaves = new LinkedHashMap<>();
    for (XmlNode child : node.children()) {
      leaves.putIfAbsent(child.localName(), child);
    }
    XmlNode rank = leaves.containsKey("rank") ? leaves.get("rank") : leaves.get("rankOrg");
    return new RiskAttribute(
        kind,
        text(leaves.get("description")),
        text(rank),
        number(leaves.get("depth")),
        number(leaves.get("duration")),
        text(leaves.get("scale")),
        text(leaves.get("adminType")),
        text(leaves.get("areaType")));
  }

  private AttributeValue value(XmlNode leaf) {
    String text = leaf.text();
    if (leaf.codeSpace() != null) {
      return new AttributeValue.Code(
          text, leaf.codeSpace(), codeLists.label(leaf.codeSpace(), text));
    }
    Double number = parseNumber(text);
    if (number != null) {
      return new AttributeValue.Number(number, leaf.uom());
    }
    return new AttributeValue.Text(text);
  }

  private static String text(XmlNode node) {
    return node == null || node.text().isEmpty() ? null : node.text();
  }

  private static Double number(XmlNode node) {
    return node == null ? null : parseNumber(node.text());
  }

  static Double parseNumber(String text) {
    if (text == null || text.isEmpty() || !isNumeric(text)) {
      return null;
    }
    try {
      double value = Double.parseDouble(text);
      return Double.isFinite(value) ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Plain decimal notation only: codes like "0101" or dates like "2017-04" stay text. */
  private static boolean isNumeric(String text) {
    if (text.length() > 1 && text.charAt(0) == '0' && Character.isDigit(text.charAt(1))) {
      return false;
    }
    return DECIMAL.matcher(text).matches();
  }
}
