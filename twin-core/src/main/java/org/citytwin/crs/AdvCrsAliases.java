package org.citytwin.crs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The German AdV (Arbeitsgemeinschaft der Vermessungsverwaltungen) CRS names found in state CityGML
 * downloads, mapped to EPSG codes. A name is {@code urn:adv:crs:<horizontal>} optionally followed
 * by {@code *<vertical>}.
 *
 * <table>
 *   <caption>Aliases</caption>
 *   <tr><th>AdV name</th><th>EPSG</th><th>Meaning</th></tr>
 *   <tr><td>{@code ETRS89_UTMzz}, zz = 28..38</td><td>258zz</td><td>ETRS89 / UTM zone zzN</td></tr>
 *   <tr><td>{@code DE_DHDN_3GKz}, z = 2..5</td><td>31464+z</td><td>DHDN / 3-degree
 *       Gauss-Kruger zone z</td></tr>
 *   <tr><td>{@code DE_DHHN92_NH}</td><td>5783</td><td>DHHN92 height</td></tr>
 *   <tr><td>{@code DE_DHHN2016_NH}</td><td>7837</td><td>DHHN2016 height</td></tr>
 * </table>
 *
 * Only names seen in published German data are listed; anything else is reported as unknown rather
 * than guessed.
 */
final class AdvCrsAliases {

  private static final String PREFIX = "urn:adv:crs:";
  private static final Pattern UTM = Pattern.compile("ETRS89_UTM(\\d\\d)");
  private static final Pattern GAUSS_KRUGER = Pattern.compile("DE_DHDN_3GK([2-5])");
  private static final Map<String, Integer> VERTICAL =
      Map.of("DE_DHHN92_NH", 5783, "DE_DHHN2016_NH", 7837);

  private AdvCrsAliases() {}

  /** The EPSG codes of an AdV name, horizontal first; empty when it is not a known AdV name. */
  static Optional<List<Integer>> codesOf(String text) {
    if (!text.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] parts = text.substring(PREFIX.length()).toUpperCase(Locale.ROOT).split("\\*", -1);
    Optional<Integer> horizontal = horizontal(parts[0]);
    if (parts.length > 2 || horizontal.isEmpty()) {
      return Optional.empty();
    }
    List<Integer> codes = new ArrayList<>(List.of(horizontal.get()));
    if (parts.length == 2) {
      Integer vertical = VERTICAL.get(parts[1]);
      if (vertical == null) {
        return Optional.empty();
      }
      codes.add(vertical);
    }
    return Optional.of(codes);
  }

  private static Optional<Integer> horizontal(String name) {
    Matcher utm = UTM.matcher(name);
    if (utm.matches()) {
      int zone = Integer.parseInt(utm.group(1));
      return zone >= 28 && zone <= 38 ? Optional.of(25800 + zone) : Optional.empty();
    }
    Matcher gaussKruger = GAUSS_KRUGER.matcher(name);
    return gaussKruger.matches()
        ? Optional.of(31464 + Integer.parseInt(gaussKruger.group(1)))
        : Optional.empty();
  }
}
