package org.citytwin.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.citytwin.model.CityObject;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Envelope3D;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;

/**
 * The seeded request mix of {@code twin bench http}: bbox items queries and single-item gets over
 * the buildings of a store, drawn from a sample of buildings read once, up front.
 *
 * <p>A box is centred near a sampled building (within {@link #JITTER_METRES}) and is {@link
 * #MIN_SIDE_METRES} to {@link #MAX_SIDE_METRES} wide and high. Centring on buildings rather than
 * uniformly over the extent keeps boxes where a viewer looks: a synthetic city is a grid of copies
 * with wide empty gaps, where uniform boxes would mostly match nothing.
 */
final class RequestMix {
  static final Set<CityObjectType> BUILDING_TYPES =
      EnumSet.of(CityObjectType.BUILDING, CityObjectType.BUILDING_PART);
  static final int PAGE_LIMIT = 100;
  static final double MIN_SIDE_METRES = 100;
  static final double MAX_SIDE_METRES = 300;
  static final double JITTER_METRES = 150;
  private static final double METRES_PER_DEGREE = 111_320;

  /** A sampled building: its id and the centre of its envelope. */
  record Anchor(String gmlId, double lon, double lat) {}

  /**
   * What the mix is drawn from: the number of buildings, their lon/lat extent and a uniform sample.
   */
  record Sample(long buildingCount, Envelope3D extent, List<Anchor> anchors) {
    Sample {
      anchors = List.copyOf(anchors);
      if (anchors.isEmpty()) {
        throw new IllegalArgumentException("the store has no buildings with geometry to sample");
      }
    }
  }

  private RequestMix() {}

  /**
   * Streams the store's buildings once (attributes and footprints, no LOD geometry), keeping a
   * reservoir sample of {@code maxAnchors} and the extent.
   */
  static Sample sample(TwinStore store, int maxAnchors, long seed) throws StoreException {
    Random random = new Random(seed);
    List<Anchor> anchors = new ArrayList<>(maxAnchors);
    long[] seen = {0};
    Envelope3D[] extent = {null};
    store.query(
        Query.of(new Filter.TypeIn(BUILDING_TYPES)),
        stored -> {
          CityObject object = stored.object();
          if (object.shape() == null) {
            return;
          }
          Envelope3D box = object.shape().envelope();
          extent[0] = extent[0] == null ? box : extent[0].union(box);
          long index = seen[0]++;
          Anchor anchor =
              new Anchor(
                  object.gmlId(),
                  (box.minLon() + box.maxLon()) / 2,
                  (box.minLat() + box.maxLat()) / 2);
          if (index < maxAnchors) {
            anchors.add(anchor);
          } else {
            long slot = (long) (random.nextDouble() * (index + 1));
            if (slot < maxAnchors) {
              anchors.set((int) slot, anchor);
            }
          }
        });
    if (extent[0] == null) {
      throw new IllegalArgumentException("the store has no buildings with geometry to sample");
    }
    return new Sample(seen[0], extent[0], anchors);
  }

  /**
   * {@code size} requests drawn with {@code seed}: a single-item get with probability {@code
   * getShare}, otherwise a bbox items query.
   */
  static List<BenchRequest> generate(Sample sample, int size, double getShare, long seed) {
    if (size < 1) {
      throw new IllegalArgumentException("a request mix needs at least 1 request, was " + size);
    }
    if (!(getShare >= 0 && getShare <= 1)) {
      throw new IllegalArgumentException("get share must be within 0..1, was " + getShare);
    }
    Random random = new Random(seed);
    List<BenchRequest> requests = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Anchor anchor = sample.anchors().get(random.nextInt(sample.anchors().size()));
      requests.add(
          random.nextDouble() < getShare
              ? new BenchRequest.GetItem(anchor.gmlId())
              : box(anchor, random));
    }
    return List.copyOf(requests);
  }

  private static BenchRequest.BboxItems box(Anchor anchor, Random random) {
    double metresPerDegreeLon = METRES_PER_DEGREE * Math.cos(Math.toRadians(anchor.lat()));
    double centreLon =
        anchor.lon() + between(random, -JITTER_METRES, JITTER_METRES) / metresPerDegreeLon;
    double centreLat =
        anchor.lat() + between(random, -JITTER_METRES, JITTER_METRES) / METRES_PER_DEGREE;
    double halfWidth = between(random, MIN_SIDE_METRES, MAX_SIDE_METRES) / 2 / metresPerDegreeLon;
    double halfHeight = between(random, MIN_SIDE_METRES, MAX_SIDE_METRES) / 2 / METRES_PER_DEGREE;
    return new BenchRequest.BboxItems(
        quantize(centreLon - halfWidth),
        quantize(centreLat - halfHeight),
        quantize(centreLon + halfWidth),
        quantize(centreLat + halfHeight),
        PAGE_LIMIT);
  }

  private static double between(Random random, double low, double high) {
    return low + random.nextDouble() * (high - low);
  }

  /**
   * Rounds to 6 decimals (about 0.1 m), the precision written in the URL, so the in-process run
   * queries exactly the box the server parses.
   */
  private static double quantize(double degrees) {
    return Double.parseDouble(decimal(degrees));
  }

  /** The degrees as written in a request URL. */
  static String decimal(double degrees) {
    return String.format(Locale.ROOT, "%.6f", degrees);
  }
}
