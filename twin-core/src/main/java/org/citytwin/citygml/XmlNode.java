package org.citytwin.citygml;

import java.util.List;

/**
 * A small immutable copy of an XML element captured from a chunk (used for ADE content that
 * citygml4j does not model): local name, the two attributes CityGML values carry, trimmed text and
 * child elements.
 */
record XmlNode(
    String namespace,
    String localName,
    String codeSpace,
    String uom,
    String text,
    List<XmlNode> children) {

  XmlNode {
    children = List.copyOf(children);
  }

  boolean isLeaf() {
    return children.isEmpty();
  }
}
