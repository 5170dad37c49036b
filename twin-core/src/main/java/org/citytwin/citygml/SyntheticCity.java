package org.citytwin.citygml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;

/**
 * Makes a larger, clearly synthetic city from real CityGML files in a geographic CRS with
 * latitude-first axes (PLATEAU's EPSG:6697): copy {@code k} of every file is shifted by whole grid
 * steps in latitude and longitude, and every gml:id and local xlink gets the suffix {@code _s<k>},
 * so copies never collide. Files are streamed, never held in memory. For benchmarks only.
 */
public final class SyntheticCity {
  private static final String GML = "http://www.opengis.net/gml";
  private static final String XLINK = "http://www.w3.org/1999/xlink";

  private final double latitudeStep;
  private final double longitudeStep;
  private final XMLEventFactory events = XMLEventFactory.newInstance();

  /** Copies are laid out on a grid with these steps in degrees (larger than the input's extent). */
  public SyntheticCity(double latitudeStep, double longitudeStep) {
    this.latitudeStep = latitudeStep;
    this.longitudeStep = longitudeStep;
  }

  /** Writes {@code copies} shifted copies of every input file into {@code outputDirectory}. */
  public List<Path> generate(List<Path> inputs, int copies, Path outputDirectory)
      throws IOException, XMLStreamException {
    Files.createDirectories(outputDirectory);
    int side = (int) Math.ceil(Math.sqrt(copies));
    List<Path> written = new ArrayList<>();
    for (int copy = 0; copy < copies; copy++) {
      double dLat = (copy / side) * latitudeStep;
      double dLon = (copy % side) * longitudeStep;
      for (Path input : inputs) {
        Path output =
            outputDirectory.resolve(
                String.format(Locale.ROOT, "synthetic_%04d_%s", copy, input.getFileName()));
        writeCopy(input, output, copy, dLat, dLon);
        written.add(output);
      }
    }
    return written;
  }

  private void writeCopy(Path input, Path output, int copy, double dLat, double dLon)
      throws IOException, XMLStreamException {
    XMLInputFactory inputFactory = SourceProbe.hardenedFactory();
    inputFactory.setProperty(XMLInputFactory.IS_COALESCING, true);
    try (InputStream in = Files.newInputStream(input);
        OutputStream out = Files.newOutputStream(output)) {
      XMLEventReader reader = inputFactory.createXMLEventReader(in);
      XMLEventWriter writer = XMLOutputFactory.newInstance().createXMLEventWriter(out, "UTF-8");
      String suffix = "_s" + copy;
      boolean inCoordinates = false;
      boolean commented = false;
      while (reader.hasNext()) {
        XMLEvent event = reader.nextEvent();
        if (event.isStartElement()) {
          StartElement start = event.asStartElement();
          inCoordinates = isCoordinateElement(start.getName());
          event = renamed(start, suffix);
          writer.add(event);
          if (!commented) {
            writer.add(
                events.createComment(
                    " SYNTHETIC benchmark data: copy "
                        + copy
                        + " of "
                        + input.getFileName()
                        + " shifted by "
                        + dLat
                        + " deg lat, "
                        + dLon
                        + " deg lon. Not a real city. "));
            commented = true;
          }
          continue;
        }
        if (event.isEndElement()) {
          inCoordinates = false;
        } else if (event.isCharacters() && inCoordinates) {
          event = events.createCharacters(shift(event.asCharacters().getData(), dLat, dLon));
        }
        writer.add(event);
      }
      writer.close();
      reader.close();
    }
  }

  private static boolean isCoordinateElement(QName name) {
    if (!GML.equals(name.getNamespaceURI())) {
      return false;
    }
    return switch (name.getLocalPart()) {
      case "posList", "pos", "lowerCorner", "upperCorner" -> true;
      default -> false;
    };
  }

  private StartElement renamed(StartElement start, String suffix) {
    List<Attribute> attributes = new ArrayList<>();
    boolean changed = false;
    for (Iterator<Attribute> it = start.getAttributes(); it.hasNext(); ) {
      Attribute attribute = it.next();
      QName name = attribute.getName();
      if (GML.equals(name.getNamespaceURI()) && "id".equals(name.getLocalPart())) {
        attributes.add(events.createAttribute(name, attribute.getValue() + suffix));
        changed = true;
      } else if (XLINK.equals(name.getNamespaceURI())
          && "href".equals(name.getLocalPart())
          && attribute.getValue().startsWith("#")) {
        attributes.add(events.createAttribute(name, attribute.getValue() + suffix));
        changed = true;
      } else {
        attributes.add(attribute);
      }
    }
    if (!changed) {
      return start;
    }
    return events.createStartElement(start.getName(), attributes.iterator(), start.getNamespaces());
  }

  /** Shifts "lat lon h" triples; values are written back with full double precision. */
  private static String shift(String text, double dLat, double dLon) {
    String[] values = text.trim().split("\\s+");
    if (values.length % 3 != 0) {
      return text;
    }
    StringBuilder shifted = new StringBuilder(text.length() + 16);
    for (int i = 0; i < values.length; i++) {
      double value = Double.parseDouble(values[i]);
      if (i % 3 == 0) {
        value += dLat;
      } else if (i % 3 == 1) {
        value += dLon;
      }
      if (i > 0) {
        shifted.append(' ');
      }
      shifted.append(i % 3 == 2 ? values[i] : Double.toString(value));
    }
    return shifted.toString();
  }
}
