package org.citytwin.http.ogc;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.citytwin.http.HttpProblem;
import org.citytwin.query.FixedAttribute;
import org.citytwin.query.Literal;

/**
 * The properties a collection can be filtered, sorted and selected by: the fixed attributes every
 * object has a slot for, and every source attribute name present in the collection. A name outside
 * them is a client error (most likely a typo), not an empty result.
 */
final class Queryables {
  private final Map<String, Literal.Kind> kinds;

  /** Computed once per store version, not per items request (it was a set of ~80 names each). */
  private final Set<String> itemsParameters;

  private Queryables(Map<String, Literal.Kind> kinds) {
    this.kinds = kinds;
    Set<String> accepted = new HashSet<>(ItemsRequest.PARAMETERS);
    accepted.addAll(kinds.keySet());
    this.itemsParameters = Set.copyOf(accepted);
  }

  /** Fixed attributes plus the source attributes present, by name and kind. */
  static Queryables of(Map<String, Literal.Kind> attributes) {
    Map<String, Literal.Kind> kinds = new TreeMap<>(attributes);
    for (FixedAttribute fixed : FixedAttribute.values()) {
      kinds.put(fixed.attributeName(), fixed.kind());
    }
    return new Queryables(kinds);
  }

  Map<String, Literal.Kind> kinds() {
    return kinds;
  }

  /** The items parameters: the standard ones plus every queryable as {@code ?name=value}. */
  Set<String> itemsParameters() {
    return itemsParameters;
  }

  void requireKnown(String parameter, Set<String> names) {
    Set<String> unknown = new TreeSet<>(names);
    unknown.removeAll(kinds.keySet());
    if (!unknown.isEmpty()) {
      throw HttpProblem.badParameter(
          parameter,
          "unknown propert"
              + (unknown.size() == 1 ? "y " : "ies ")
              + unknown
              + " in "
              + parameter
              + "; see the collection's /queryables");
    }
  }
}
