package org.citytwin.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request for objects: which ({@code filter}), in what order, which page, and whether to load the
 * full geometry.
 *
 * <p>The order is always total, so pages never overlap or skip: the sort keys, then {@code gml_id},
 * then the store's own id. With {@code nearest}, the result is the k nearest matches ordered by
 * distance (then the same tie-breakers), and sort keys are not allowed; {@code limit} and {@code
 * offset} then page within those k.
 *
 * @param limit the most objects to return, {@link Integer#MAX_VALUE} for all
 * @param offset how many objects of the ordered result to skip
 * @param withGeometry whether to load LOD geometries and meshes; without, objects carry attributes,
 *     risks and the derived shape with its footprint but no geometries or meshes
 */
public record Query(
    Filter filter,
    List<SortKey> sort,
    int limit,
    long offset,
    Optional<Nearest> nearest,
    boolean withGeometry) {

  public Query {
    Objects.requireNonNull(filter, "filter");
    sort = List.copyOf(sort);
    Objects.requireNonNull(nearest, "nearest (use Optional.empty())");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, was " + offset);
    }
    if (nearest.isPresent() && !sort.isEmpty()) {
      throw new IllegalArgumentException(
          "a nearest-neighbour query is ordered by distance and cannot also sort by " + sort);
    }
  }

  /** Every match of the filter, in gml_id order, attributes and footprints only. */
  public static Query of(Filter filter) {
    return new Query(filter, List.of(), Integer.MAX_VALUE, 0, Optional.empty(), false);
  }

  public Query sortedBy(SortKey... keys) {
    return new Query(filter, List.of(keys), limit, offset, nearest, withGeometry);
  }

  public Query page(int newLimit, long newOffset) {
    return new Query(filter, sort, newLimit, newOffset, nearest, withGeometry);
  }

  public Query nearestTo(double lon, double lat, int k) {
    return new Query(
        filter, sort, limit, offset, Optional.of(new Nearest(lon, lat, k)), withGeometry);
  }

  public Query withGeometry(boolean load) {
    return new Query(filter, sort, limit, offset, nearest, load);
  }
}
