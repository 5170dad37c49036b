package org.citytwin.tiles;

import java.util.Objects;

/**
 * A node of the tileset quadtree, named by its path of quadrants from the root: {@code t} is the
 * root, {@code t0} its south-west child, {@code t03} that child's north-east child. Quadrants are
 * numbered {@code 0} south-west, {@code 1} south-east, {@code 2} north-west, {@code 3} north-east.
 */
public record TileId(String path) {
  /** The most levels below the root a tile may have. */
  public static final int MAX_LEVEL = 30;

  public TileId {
    Objects.requireNonNull(path, "tile path");
    if (path.length() > MAX_LEVEL) {
      throw new IllegalArgumentException(
          "tile path '" + path + "' is deeper than " + MAX_LEVEL + " levels");
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < '0' || c > '3') {
        throw new IllegalArgumentException(
            "tile path '" + path + "' may only hold quadrants 0..3, found '" + c + "'");
      }
    }
  }

  public static TileId root() {
    return new TileId("");
  }

  /** Parses a name as written by {@link #name()}, for example {@code t012}. */
  public static TileId parse(String name) {
    Objects.requireNonNull(name, "tile name");
    if (!name.startsWith("t")) {
      throw new IllegalArgumentException(
          "tile name '" + name + "' must be 't' followed by quadrants 0..3, e.g. t012");
    }
    return new TileId(name.substring(1));
  }

  /** The name used in file names and URLs. */
  public String name() {
    return "t" + path;
  }

  public int level() {
    return path.length();
  }

  public TileId child(int quadrant) {
    if (quadrant < 0 || quadrant > 3) {
      throw new IllegalArgumentException("quadrant must be 0..3, was " + quadrant);
    }
    return new TileId(path + quadrant);
  }

  /** This tile's lon/lat rectangle, found by halving {@code root} along the path. */
  public LonLatBounds bounds(LonLatBounds root) {
    LonLatBounds bounds = root;
    for (int i = 0; i < path.length(); i++) {
      bounds = bounds.quadrant(path.charAt(i) - '0');
    }
    return bounds;
  }

  /**
   * Whether a point belongs to this tile: the same halving decisions {@link
   * LonLatBounds#quadrantOf} makes, so every point of the root belongs to exactly one tile per
   * level.
   */
  public boolean contains(LonLatBounds root, double lon, double lat) {
    LonLatBounds bounds = root;
    for (int i = 0; i < path.length(); i++) {
      int quadrant = bounds.quadrantOf(lon, lat);
      if (quadrant != path.charAt(i) - '0') {
        return false;
      }
      bounds = bounds.quadrant(quadrant);
    }
    return true;
  }

  @Override
  public String toString() {
    return name();
  }
}
