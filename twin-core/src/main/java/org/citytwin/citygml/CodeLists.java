package org.citytwin.citygml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Resolves code values to labels from PLATEAU code list files ({@code gml:Dictionary} of {@code
 * gml:Definition} with {@code gml:name} = code and {@code gml:description} = label), found by the
 * {@code codeSpace} path relative to the source file. Each list is read once; a missing or
 * unreadable list leaves codes unresolved (codes always stay the stored value).
 */
final class CodeLists {
  private static final CodeLists NONE = new CodeLists(null);

  private final Path baseDirectory;
  private final Map<Path, Map<String, String>> lists = new ConcurrentHashMap<>();

  private CodeLists(Path baseDirectory) {
    this.baseDirectory = baseDirectory;
  }

  /** Code lists resolved relative to {@code directory}, the one holding the source file. */
  static CodeLists in(Path directory) {
    return new CodeLists(directory.toAbsolutePath());
  }

  static CodeLists none() {
    return NONE;
  }

  /** The label of {@code code} in the list at {@code codeSpace}, or null when unknown. */
  String label(String codeSpace, String code) {
    if (baseDirectory == null || codeSpace == null || codeSpace.contains(":")) {
      return null;
    }
    Path file = baseDirectory.resolve(codeSpace).normalize();
    return lists.computeIfAbsent(file, CodeLists::read).get(code);
  }

  private static Map<String, String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    Map<String, String> labels = new HashMap<>();
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader reader = SourceProbe.hardenedFactory().createXMLStreamReader(in);
      String name = null;
      String description = null;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          switch (reader.getLocalName()) {
            case "Definition" -> {
              name = null;
              description = null;
            }
            case "name" -> name = reader.getElementText().trim();
            case "description" -> description = reader.getElementText().trim();
            default -> {
              // other dictionary elements carry nothing we resolve
            }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT
            && "Definition".equals(reader.getLocalName())
            && name != null
            && description != null) {
          labels.put(name, description);
        }
      }
    } catch (IOException | XMLStreamException e) {
      // An unreadable code list must not fail an import: codes stay codes, as without the list.
      return Map.of();
    }
    return Map.copyOf(labels);
  }
}
