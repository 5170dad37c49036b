package org.citytwin.crs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code srsName} parsed into the EPSG codes it names: one code for a simple or already compound
 * EPSG CRS, several (horizontal first) for a compound written out in the name.
 *
 * <p>Accepted forms, case-insensitive:
 *
 * <ul>
 *   <li>{@code EPSG:6697}
 *   <li>{@code urn:ogc:def:crs:EPSG::25833} and versioned {@code urn:ogc:def:crs:EPSG:6.12:25833}
 *       (also {@code urn:x-ogc:...})
 *   <li>{@code http://www.opengis.net/def/crs/EPSG/0/6697}, also over {@code https}
 *   <li>{@code http://www.opengis.net/gml/srs/epsg.xml#4326} (GML 2)
 *   <li>compound URNs {@code urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837}
 *   <li>compound URLs {@code http://www.opengis.net/def/crs-compound?1=...&2=...}
 *   <li>German AdV names {@code urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH}, see {@link AdvCrsAliases}
 * </ul>
 *
 * The EPSG version in a URN or URL is ignored: EPSG never reuses a code for another CRS, and only
 * the embedded dataset's version can be resolved anyway (asking SIS for another version only logs a
 * warning and falls back).
 *
 * @param text the srsName as the source gave it
 * @param epsgCodes the EPSG codes it names, horizontal (or the whole CRS) first
 */
public record SrsName(String text, List<Integer> epsgCodes) {

  private static final Pattern EPSG_CODE = Pattern.compile("(?i)EPSG:(\\d+)");
  private static final Pattern URN =
      Pattern.compile("(?i)urn:(?:x-)?ogc:def:crs:EPSG:[^:]*:(\\d+)");
  private static final Pattern URN_COMPONENT = Pattern.compile("(?i)crs:EPSG:[^:]*:(\\d+)");
  private static final Pattern URL =
      Pattern.compile("(?i)https?://www\\.opengis\\.net/def/crs/EPSG/[^/]+/(\\d+)");
  private static final Pattern GML2_URL =
      Pattern.compile("(?i)https?://www\\.opengis\\.net/gml/srs/epsg\\.xml#(\\d+)");
  private static final String COMPOUND_URN = "urn:ogc:def:crs,";
  private static final Pattern COMPOUND_URL =
      Pattern.compile("(?i)https?://www\\.opengis\\.net/def/crs-compound\\?(.+)");

  public SrsName {
    Objects.requireNonNull(text, "text");
    epsgCodes = List.copyOf(epsgCodes);
    if (epsgCodes.isEmpty()) {
      throw new IllegalArgumentException("srsName '" + text + "' must name at least one code");
    }
  }

  /**
   * Parses an srsName.
   *
   * @throws UnknownCrsException when the text is empty or in none of the accepted forms
   */
  public static SrsName parse(String text) throws UnknownCrsException {
    if (text == null || text.isBlank()) {
      throw new UnknownCrsException(String.valueOf(text), "is empty; a CRS name is required");
    }
    String trimmed = text.trim();
    Optional<List<Integer>> codes = codesOf(trimmed);
    if (codes.isEmpty()) {
      throw new UnknownCrsException(
          text,
          "is not a recognised CRS name; expected EPSG:<code>, an OGC URN or URL naming an EPSG"
              + " code, or an AdV urn:adv:crs name");
    }
    return new SrsName(text, codes.get());
  }

  /** The canonical short form: {@code EPSG:6697}, or {@code EPSG:25832+7837} for a compound. */
  public String identifier() {
    StringBuilder id = new StringBuilder("EPSG:");
    for (int i = 0; i < epsgCodes.size(); i++) {
      id.append(i == 0 ? "" : "+").append(epsgCodes.get(i));
    }
    return id.toString();
  }

  /** The codes named by {@code text}; empty when it is in no accepted form. */
  private static Optional<List<Integer>> codesOf(String text) throws UnknownCrsException {
    for (Pattern single : List.of(EPSG_CODE, URN, URL, GML2_URL)) {
      Matcher matcher = single.matcher(text);
      if (matcher.matches()) {
        return Optional.of(List.of(code(text, matcher.group(1))));
      }
    }
    if (text.toLowerCase(Locale.ROOT).startsWith(COMPOUND_URN)) {
      return components(text, text.substring(COMPOUND_URN.length()).split(","), URN_COMPONENT);
    }
    Matcher compoundUrl = COMPOUND_URL.matcher(text);
    if (compoundUrl.matches()) {
      String[] parts = compoundUrl.group(1).split("&");
      for (int i = 0; i < parts.length; i++) {
        // Each parameter is "<n>=<url>"; keep only the URL.
        parts[i] = parts[i].substring(parts[i].indexOf('=') + 1);
      }
      return components(text, parts, URL);
    }
    return AdvCrsAliases.codesOf(text);
  }

  private static Optional<List<Integer>> components(String text, String[] parts, Pattern component)
      throws UnknownCrsException {
    List<Integer> codes = new ArrayList<>();
    for (String part : parts) {
      Matcher matcher = component.matcher(part.trim());
      if (!matcher.matches()) {
        return Optional.empty();
      }
      codes.add(code(text, matcher.group(1)));
    }
    return codes.size() >= 2 ? Optional.of(codes) : Optional.empty();
  }

  private static int code(String text, String digits) throws UnknownCrsException {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new UnknownCrsException(text, "has EPSG code " + digits + ", which is too large", e);
    }
  }
}
