package org.citytwin.citygml;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Looks at the start of a source before the real read: rejects what must never be parsed (a DTD, an
 * empty file, something that is not CityGML) with its position, and finds the CityGML version and
 * the first {@code srsName}. Stops at the first srsName, so it reads little of a large file.
 */
final class SourceProbe {

  /** What the probe learned; {@code srsName} is null when the source declares none. */
  record Result(CityGmlVersion version, String srsName, int srsLine, int srsColumn) {}

  private SourceProbe() {}

  static XMLInputFactory hardenedFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    // A DTD is refused outright (see probe), and these make sure no parser path can expand or
    // fetch entities even if one slips through: no XXE, no entity-expansion bomb.
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external resources are not allowed: " + systemId);
        });
    return factory;
  }

  static Result probe(String sourceName, InputStream in)
      throws CityGmlFormatException, IOException {
    PushbackInputStream start = new PushbackInputStream(in, 1);
    int first = start.read();
    if (first < 0) {
      throw new CityGmlFormatException(sourceName, -1, -1, "the file is empty (0 bytes)");
    }
    start.unread(first);
    XMLStreamReader reader = null;
    try {
      reader = hardenedFactory().createXMLStreamReader(start);
      CityGmlVersion version = null;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
          throw at(sourceName, reader, "a DTD (<!DOCTYPE>) is not allowed in CityGML input");
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        if (version == null) {
          version = rootVersion(sourceName, reader);
        }
        String srsName = reader.getAttributeValue(null, "srsName");
        if (srsName != null && !srsName.isBlank()) {
          return new Result(
              version,
              srsName.trim(),
              reader.getLocation().getLineNumber(),
              reader.getLocation().getColumnNumber());
        }
      }
      if (version == null) {
        throw new CityGmlFormatException(sourceName, -1, -1, "the file is empty (no XML element)");
      }
      return new Result(version, null, -1, -1);
    } catch (XMLStreamException e) {
      throw XmlErrors.toFormatException(sourceName, e);
    } finally {
      closeQuietly(reader);
    }
  }

  private static CityGmlVersion rootVersion(String sourceName, XMLStreamReader reader)
      throws CityGmlFormatException {
    String namespace = reader.getNamespaceURI();
    CityGmlVersion version = CityGmlVersion.ofCoreNamespace(namespace);
    if (version == null || !"CityModel".equals(reader.getLocalName())) {
      throw at(
          sourceName,
          reader,
          "not CityGML: the root element is {"
              + namespace
              + "}"
              + reader.getLocalName()
              + ", expected a CityModel in a CityGML 1.0, 2.0 or 3.0 core namespace");
    }
    return version;
  }

  private static CityGmlFormatException at(String source, XMLStreamReader reader, String reason) {
    return new CityGmlFormatException(
        source,
        reader.getLocation().getLineNumber(),
        reader.getLocation().getColumnNumber(),
        reason);
  }

  private static void closeQuietly(XMLStreamReader reader) {
    if (reader == null) {
      return;
    }
    try {
      reader.close();
    } catch (XMLStreamException ignored) {
      // Closing a probe reader releases no resource we own: the caller closes the stream.
    }
  }
}
