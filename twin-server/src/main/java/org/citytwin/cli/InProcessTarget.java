package org.citytwin.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.citytwin.store.StoreException;
import org.citytwin.store.StoredObject;
import org.citytwin.store.TwinStore;

/**
 * The baseline of {@code twin bench http}: the store calls the items handlers make for the same
 * request (count and page for a bbox query, get for an item), without HTTP or JSON.
 */
final class InProcessTarget implements RequestTarget {
  private static final Filter BUILDINGS = new Filter.TypeIn(RequestMix.BUILDING_TYPES);

  private final TwinStore store;
  private final LongAdder pagesServed = new LongAdder();
  private final LongAdder featuresServed = new LongAdder();

  InProcessTarget(TwinStore store) {
    this.store = store;
  }

  @Override
  public int send(BenchRequest request) throws StoreException {
    if (request instanceof BenchRequest.BboxItems box) {
      return items(box);
    }
    if (request instanceof BenchRequest.GetItem get) {
      return item(get);
    }
    throw new IllegalArgumentException("unknown benchmark request " + request);
  }

  /** Average features per bbox page so far, to show how much each query returns. */
  double averagePageSize() {
    long pages = pagesServed.sum();
    return pages == 0 ? 0 : (double) featuresServed.sum() / pages;
  }

  private int items(BenchRequest.BboxItems box) throws StoreException {
    Query query = query(box);
    long matched = store.count(query.filter());
    List<StoredObject> page = store.list(query);
    if (matched < page.size()) {
      throw new IllegalStateException(
          "store counted " + matched + " matches but returned " + page.size() + " for " + box);
    }
    pagesServed.increment();
    featuresServed.add(page.size());
    return 200;
  }

  private int item(BenchRequest.GetItem get) throws StoreException {
    Optional<StoredObject> found = store.get(get.gmlId(), false);
    return found.isPresent() && RequestMix.BUILDING_TYPES.contains(found.get().object().type())
        ? 200
        : 404;
  }

  /** The query the items handler builds for {@code ?bbox=...&limit=...} on buildings. */
  static Query query(BenchRequest.BboxItems box) {
    Filter filter =
        new Filter.And(
            List.of(
                BUILDINGS,
                new Filter.BboxIntersects(box.minLon(), box.minLat(), box.maxLon(), box.maxLat())));
    return Query.of(filter).page(box.limit(), 0).withGeometry(false);
  }
}
