package org.citytwin.http.ogc;

import java.util.HashSet;
import java.util.Set;
import org.citytwin.query.Filter;

/** The property names a filter refers to, to check them against the queryables. */
final class FilterProperties {
  private FilterProperties() {}

  static Set<String> of(Filter filter) {
    Set<String> names = new HashSet<>();
    collect(filter, names);
    return names;
  }

  private static void collect(Filter filter, Set<String> names) {
    if (filter instanceof Filter.And and) {
      and.filters().forEach(f -> collect(f, names));
    } else if (filter instanceof Filter.Or or) {
      or.filters().forEach(f -> collect(f, names));
    } else if (filter instanceof Filter.Not not) {
      collect(not.filter(), names);
    } else if (filter instanceof Filter.Compare compare) {
      names.add(compare.attribute());
    } else if (filter instanceof Filter.Between between) {
      names.add(between.attribute());
    } else if (filter instanceof Filter.In in) {
      names.add(in.attribute());
    } else if (filter instanceof Filter.Like like) {
      names.add(like.attribute());
    } else if (filter instanceof Filter.IsNull isNull) {
      names.add(isNull.attribute());
    }
  }
}
