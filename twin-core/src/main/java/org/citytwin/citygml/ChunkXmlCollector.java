package org.citytwin.citygml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Receives one chunk's buffered XML events and keeps what the citygml4j object model loses or does
 * not expose: i-UR ADE properties, by the gml:id of the feature they belong to, and every gml:id in
 * the chunk in document order (for duplicate counting).
 */
final class ChunkXmlCollector extends DefaultHandler {
  static final String GML_NAMESPACE_2 = "http://www.opengis.net/gml";
  static final String GML_NAMESPACE_3 = "http://www.opengis.net/gml/3.2";

  private final List<String> ids = new ArrayList<>();
  private final Map<String, List<XmlNode>> adeByOwner = new LinkedHashMap<>();
  private final Deque<String> ownerIds = new ArrayDeque<>();
  private final Deque<Boolean> ownsId = new ArrayDeque<>();
  private final Deque<Builder> adeStack = new ArrayDeque<>();

  /** An i-UR namespace: uro (urban object) and urf (urban function) of every version. */
  static boolean isIurNamespace(String namespace) {
    return namespace != null && namespace.contains("/iur/");
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    String id = gmlId(attributes);
    if (id != null) {
      ids.add(id);
    }
    if (!adeStack.isEmpty() || (isIurNamespace(uri) && !ownerIds.isEmpty())) {
      adeStack.push(
          new Builder(
              uri, localName, attributes.getValue("codeSpace"), attributes.getValue("uom")));
    }
    boolean featureLike = id != null && !isGml(uri) && !isIurNamespace(uri);
    if (featureLike) {
      ownerIds.push(id);
    }
    ownsId.push(featureLike);
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (!adeStack.isEmpty()) {
      adeStack.peek().text.append(ch, start, length);
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    if (!adeStack.isEmpty()) {
      XmlNode node = adeStack.pop().build();
      if (adeStack.isEmpty()) {
        adeByOwner.computeIfAbsent(ownerIds.peek(), k -> new ArrayList<>()).add(node);
      } else {
        adeStack.peek().children.add(node);
      }
    }
    if (ownsId.pop()) {
      ownerIds.pop();
    }
  }

  List<String> ids() {
    return ids;
  }

  /** The i-UR properties whose nearest enclosing feature has {@code gmlId}. */
  List<XmlNode> adeProperties(String gmlId) {
    return adeByOwner.getOrDefault(gmlId, List.of());
  }

  private static String gmlId(Attributes attributes) {
    String id = attributes.getValue(GML_NAMESPACE_2, "id");
    return id != null ? id : attributes.getValue(GML_NAMESPACE_3, "id");
  }

  private static boolean isGml(String uri) {
    return GML_NAMESPACE_2.equals(uri) || GML_NAMESPACE_3.equals(uri);
  }

  private static final class Builder {
    final String namespace;
    final String localName;
    final String codeSpace;
    final String uom;
    final StringBuilder text = new StringBuilder();
    final List<XmlNode> children = new ArrayList<>();

    Builder(String namespace, String localName, String codeSpace, String uom) {
      this.namespace = namespace;
      this.localName = localName;
      this.codeSpace = codeSpace;
      this.uom = uom;
    }

    XmlNode build() {
      return new XmlNode(namespace, localName, codeSpace, uom, text.toString().trim(), children);
    }
  }
}
