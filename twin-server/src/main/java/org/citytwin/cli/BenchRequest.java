package org.citytwin.cli;

/**
 * One request of {@code twin bench http}'s mix, made either over HTTP or through the core API, so
 * both runs can replay the same sequence.
 */
sealed interface BenchRequest {
  Kind kind();

  /** The kinds of request in the mix, each with its own latency figures. */
  enum Kind {
    BBOX_ITEMS("bbox items"),
    GET_ITEM("single item");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /**
   * {@code /collections/buildings/items?bbox=...&limit=...}: a page of the buildings whose
   * footprint meets a lon/lat box (CRS84 degrees).
   */
  record BboxItems(double minLon, double minLat, double maxLon, double maxLat, int limit)
      implements BenchRequest {
    public BboxItems {
      if (!(minLon <= maxLon) || !(minLat <= maxLat)) {
        throw new IllegalArgumentException(
            "box min ("
                + minLon
                + ", "
                + minLat
                + ") must not exceed max ("
                + maxLon
                + ", "
                + maxLat
                + ")");
      }
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be >= 1, was " + limit);
      }
    }

    @Override
    public Kind kind() {
      return Kind.BBOX_ITEMS;
    }
  }

  /** {@code /collections/buildings/items/{featureId}}: one building by gml:id. */
  record GetItem(String gmlId) implements BenchRequest {
    public GetItem {
      if (gmlId == null || gmlId.isEmpty()) {
        throw new IllegalArgumentException("gml:id must not be empty, was '" + gmlId + "'");
      }
    }

    @Override
    public Kind kind() {
      return Kind.GET_ITEM;
    }
  }
}
