package org.citytwin.citygml;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Makes a larger, clearly synthetic city from real CityGML files in a geographic CRS with
 * latitude-first axes (PLATEAU's EPSG:6697): copy {@code k} of every file is shifted by whole grid
 * steps in latitude and longitude, and every gml:id and local xlink gets the suffix {@code _s<k>},
 * so copies never collide. Files are streamed (never held in memory) and written in parallel, one
 * file per task. For benchmarks only; each file starts with a comment saying it is synthetic.
 */
public final class SyntheticCity {
  private static final String GML = "http://www.opengis.net/gml";
  private static final String XLINK = "http://www.w3.org/1999/xlink";

  private final double latitudeStep;
  private final double longitudeStep;

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
    ExecutorService workers =
        Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      List<Future<Path>> written = new ArrayList<>();
      for (int copy = 0; copy < copies; copy++) {
        int k = copy;
        double dLat = (copy / side) * latitudeStep;
        double dLon = (copy % side) * longitudeStep;
        for (Path input : inputs) {
          Path output =
              outputDirectory.resolve(
                  String.format(Locale.ROOT, "synthetic_%04d_%s", copy, input.getFileName()));
          written.add(workers.submit(() -> writeCopy(input, output, k, dLat, dLon)));
        }
      }
      List<Path> paths = new ArrayList<>(written.size());
      for (Future<Path> file : written) {
        paths.add(file.get());
      }
      return paths;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing the synthetic city", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof XMLStreamException xml) {
        throw xml;
      }
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new UncheckedIOException(new IOException(e.getCause()));
    } finally {
      workers.shutdownNow();
    }
  }

  private Path writeCopy(Path input, Path output, int copy, double dLat, double dLon)
      throws IOException, XMLStreamException {
    XMLInputFactory inputFactory = SourceProbe.hardenedFactory();
    inputFactory.setProperty(XMLInputFactory.IS_COALESCING, true);
    try (InputStream in = Files.newInputStream(input);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
      XMLStreamReader reader = inputFactory.createXMLStreamReader(in);
      XMLStreamWriter writer = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
      writer.writeStartDocument("UTF-8", "1.0");
      writer.writeComment(
          String.format(
              Locale.ROOT,
              " SYNTHETIC benchmark data: copy %d of %s shifted by %s deg lat, %s deg lon. Not a real city. ",
              copy,
              input.getFileName(),
              dLat,
              dLon));
      copyEvents(reader, writer, "_s" + copy, dLat, dLon);
      writer.writeEndDocument();
      writer.close();
      reader.close();
    }
    return output;
  }

  private static void copyEvents(
      XMLStreamReader reader, XMLStreamWriter writer, String suffix, double dLat, double dLon)
      throws XMLStreamException {
    boolean inCoordinates = false;
    while (reader.hasNext()) {
      switch (reader.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          inCoordinates = isCoordinateElement(reader);
          writeStart(reader, writer, suffix);
        }
        case XMLStreamConstants.END_ELEMENT -> {
          inCoordinates = false;
          writer.writeEndElement();
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
          String text = reader.getText();
          writer.writeCharacters(inCoordinates ? shift(text, dLat, dLon) : text);
        }
        case XMLStreamConstants.CDATA -> writer.writeCData(reader.getText());
        case XMLStreamConstants.COMMENT -> writer.writeComment(reader.getText());
        default -> {
          // processing instructions and the document end carry nothing to copy
        }
      }
    }
  }

  private static void writeStart(XMLStreamReader reader, XMLStreamWriter writer, String suffix)
      throws XMLStreamException {
    String prefix = reader.getPrefix() == null ? "" : reader.getPrefix();
    String namespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
    writer.writeStartElement(prefix, reader.getLocalName(), namespace);
    for (int i = 0; i < reader.getNamespaceCount(); i++) {
      String declared = reader.getNamespacePrefix(i);
      if (declared == null || declared.isEmpty()) {
        writer.writeDefaultNamespace(reader.getNamespaceURI(i));
      } else {
        writer.writeNamespace(declared, reader.getNamespaceURI(i));
      }
    }
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      String attributeNamespace = reader.getAttributeNamespace(i);
      String name = reader.getAttributeLocalName(i);
      String value = reader.getAttributeValue(i);
      if (GML.equals(attributeNamespace) && "id".equals(name)) {
        value += suffix;
      } else if (XLINK.equals(attributeNamespace) && "href".equals(name) && value.startsWith("#")) {
        value += suffix;
      }
      if (attributeNamespace == null || attributeNamespace.isEmpty()) {
        writer.writeAttribute(name, value);
      } else {
        String attributePrefix = reader.getAttributePrefix(i);
        writer.writeAttribute(
            attributePrefix == null ? "" : attributePrefix, attributeNamespace, name, value);
      }
    }
  }

  private static boolean isCoordinateElement(XMLStreamReader reader) {
    if (!GML.equals(reader.getNamespaceURI())) {
      return false;
    }
    return switch (reader.getLocalName()) {
      case "posList", "pos", "lowerCorner", "upperCorner" -> true;
      default -> false;
    };
  }

  /** Shifts "lat lon h" triples; values are written back with full double precision. */
  static String shift(String text, double dLat, double dLon) {
    String[] values = text.trim().split("\\s+");
    if (values.length % 3 != 0 || values[0].isEmpty()) {
      return text;
    }
    StringBuilder shifted = new StringBuilder(text.length() + 16);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        shifted.append(' ');
      }
      switch (i % 3) {
        case 0 -> shifted.append(Double.parseDouble(values[i]) + dLat);
        case 1 -> shifted.append(Double.parseDouble(values[i]) + dLon);
        default -> shifted.append(values[i]);
      }
    }
    return shifted.toString();
  }
}
