package org.citytwin.citygml;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import org.xml.sax.SAXParseException;

/** Turns parser failures, wherever they sit in a cause chain, into positioned format errors. */
final class XmlErrors {
  private XmlErrors() {}

  static CityGmlFormatException toFormatException(String sourceName, Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof XMLStreamException xml && xml.getLocation() != null) {
        Location location = xml.getLocation();
        return new CityGmlFormatException(
            sourceName,
            location.getLineNumber(),
            location.getColumnNumber(),
            "malformed XML: " + stripPosition(xml.getMessage()),
            failure);
      }
      if (t instanceof SAXParseException sax) {
        return new CityGmlFormatException(
            sourceName,
            sax.getLineNumber(),
            sax.getColumnNumber(),
            "malformed XML: " + sax.getMessage(),
            failure);
      }
    }
    return new CityGmlFormatException(sourceName, -1, -1, rootMessage(failure), failure);
  }

  /** The JDK parser prefixes "ParseError at [row,col]:[l,c]\nMessage: "; we report it once. */
  private static String stripPosition(String message) {
    if (message == null) {
      return "unknown parse error";
    }
    int index = message.indexOf("Message: ");
    return index >= 0 ? message.substring(index + "Message: ".length()) : message;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message;
  }
}
