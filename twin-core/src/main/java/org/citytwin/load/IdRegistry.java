package org.citytwin.load;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers the gml:ids of one source to find repeats. Every id (features and geometries) is kept
 * as a 64-bit hash, so a file with millions of polygon ids costs a few bytes per id; two different
 * ids share a hash with probability about n²/2⁶⁵ (3·10⁻⁸ for a million ids), in which case one
 * repeat too many is counted. City object ids are kept exactly, because they are renamed.
 */
final class IdRegistry {
  private final LongOpenHashSet seen = new LongOpenHashSet();
  private final Map<String, Integer> objectIds = new HashMap<>();

  /** Records {@code id}; true when it was seen before in this source. */
  boolean isRepeat(String id) {
    return !seen.add(hash64(id));
  }

  /**
   * The id a city object is stored under: its own the first time, {@code id~2}, {@code id~3}... for
   * later objects repeating it, so no object is lost and the result does not depend on timing.
   */
  String storedIdFor(String id) {
    int occurrence = objectIds.merge(id, 1, Integer::sum);
    return occurrence == 1 ? id : id + "~" + occurrence;
  }

  static long hash64(String text) {
    long fnv = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      fnv ^= text.charAt(i);
      fnv *= 0x100000001b3L;
    }
    return fnv ^ ((long) text.hashCode() << 32);
  }
}
