package org.citytwin.store;

import java.util.Optional;
import org.citytwin.model.Envelope3D;

/**
 * How many live objects of one type the store holds and the 3D box around their envelopes (empty
 * when none of them has geometry).
 */
public record TypeSummary(long count, Optional<Envelope3D> extent) {

  public TypeSummary {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    java.util.Objects.requireNonNull(extent, "extent (use Optional.empty())");
  }

  /** Both summaries together: counts added, boxes joined. */
  public TypeSummary plus(TypeSummary other) {
    Optional<Envelope3D> joined =
        extent.isEmpty()
            ? other.extent
            : other.extent.isEmpty() ? extent : Optional.of(extent.get().union(other.extent.get()));
    return new TypeSummary(count + other.count, joined);
  }
}
