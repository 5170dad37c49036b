package org.citytwin.http.flood;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.flood.ColourRamp;
import org.citytwin.flood.VelocityField;
import org.citytwin.http.HttpProblem;
import org.citytwin.http.RequestParameters;
import org.citytwin.terrain.GridGeometry;
import org.citytwin.terrain.Raster;

/**
 * A velocity snapshot as arrows a map can draw: a GeoJSON FeatureCollection of points on a thinned
 * lattice over the cells inside a CRS84 {@code bbox} (the whole grid without one). The lattice
 * takes every k-th cell in both directions, blocks of k × k cells aligned on the grid's north-west
 * corner (so the arrows stay put as a map pans), with k the smallest that keeps the blocks touching
 * the box at most {@link #MAX_ARROWS}. Each point is the centre of its block's cells inside the
 * grid; its velocity is the mean of the block's moving cells' (speed above 0) east and north
 * components; blocks whose mean speed is below the speed ramp's first stop are left out, so a dry
 * or still area has no arrows.
 *
 * <p>Properties: {@code vx_m_s}, {@code vy_m_s} (east and north in the grid's CRS), {@code
 * speed_m_s} (the length of the mean vector), {@code direction_deg} (where the water goes,
 * clockwise from the grid's north, 0-360; the grid's north differs from true north by the meridian
 * convergence of the projection, under a degree near a zone's centre) and {@code cells} (moving
 * cells averaged). The collection says {@code time}, {@code crs} (of the components), {@code
 * spacingCells} (k), {@code spacingMetres} and {@code numberReturned}.
 */
final class VelocityArrows {
  static final Set<String> PARAMETERS = Set.of("time", "bbox");

  /** The most arrows an answer holds, whatever the box: about 2,000 points, 0.5 MB of JSON. */
  static final int MAX_ARROWS = 2_000;

  private VelocityArrows() {}

  /** The box of cells {@code [col0, row0, col1, row1)} inside a CRS84 bbox, or null if none. */
  static int[] cells(GridGeometry g, LocalMetricFrame frame, double[] bbox)
      throws CoordinateConversionException {
    if (bbox == null) {
      return new int[] {0, 0, g.ncols(), g.nrows()};
    }
    // the corners and edge midpoints: a projected box is not quite a rectangle
    double[] xyz = new double[8 * 3];
    double[][] points = {
      {bbox[0], bbox[1]},
      {bbox[2], bbox[1]},
      {bbox[2], bbox[3]},
      {bbox[0], bbox[3]},
      {(bbox[0] + bbox[2]) / 2, bbox[1]},
      {(bbox[0] + bbox[2]) / 2, bbox[3]},
      {bbox[0], (bbox[1] + bbox[3]) / 2},
      {bbox[2], (bbox[1] + bbox[3]) / 2}
    };
    for (int i = 0; i < points.length; i++) {
      xyz[3 * i] = points[i][0];
      xyz[3 * i + 1] = points[i][1];
    }
    frame.toMetric(xyz, 0, points.length);
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < points.length; i++) {
      minX = Math.min(minX, xyz[3 * i]);
      maxX = Math.max(maxX, xyz[3 * i]);
      minY = Math.min(minY, xyz[3 * i + 1]);
      maxY = Math.max(maxY, xyz[3 * i + 1]);
    }
    double d = g.cellSizeMetres();
    double north = g.originY() + g.nrows() * d;
    int col0 = (int) Math.max(0, Math.floor((minX - g.originX()) / d));
    int col1 = (int) Math.min(g.ncols(), Math.ceil((maxX - g.originX()) / d));
    int row0 = (int) Math.max(0, Math.floor((north - maxY) / d));
    int row1 = (int) Math.min(g.nrows(), Math.ceil((north - minY) / d));
    return col0 < col1 && row0 < row1 ? new int[] {col0, row0, col1, row1} : null;
  }

  /** The smallest block side whose blocks touching the cell box number at most MAX_ARROWS. */
  static int spacing(int[] box) {
    for (int k = 1; ; k++) {
      long across = Math.floorDiv(box[2] - 1, k) - Math.floorDiv(box[0], k) + 1;
      long down = Math.floorDiv(box[3] - 1, k) - Math.floorDiv(box[1], k) + 1;
      if (across * down <= MAX_ARROWS) {
        return k;
      }
    }
  }

  /** The arrows of {@code velocity} at {@code seconds} inside the box of {@code bbox}. */
  static ObjectNode collection(
      VelocityField velocity, LocalMetricFrame frame, long seconds, double[] bbox)
      throws CoordinateConversionException {
    GridGeometry g = velocity.speed().geometry();
    ObjectNode fc = RunJson.JSON.createObjectNode();
    fc.put("type", "FeatureCollection");
    fc.put("time", seconds);
    fc.put("crs", frame.identifier());
    ArrayNode features = fc.putArray("features");
    int[] box = cells(g, frame, bbox);
    if (box == null) {
      fc.put("spacingCells", 1);
      fc.put("spacingMetres", g.cellSizeMetres());
      fc.put("numberReturned", 0);
      return fc;
    }
    int k = spacing(box);
    fc.put("spacingCells", k);
    fc.put("spacingMetres", k * g.cellSizeMetres());
    Raster speed = velocity.speed();
    Raster vx = velocity.eastward();
    Raster vy = velocity.northward();
    double minimum = ColourRamp.SPEED.minimum();
    for (int br = box[1] / k * k; br < box[3]; br += k) {
      for (int bc = box[0] / k * k; bc < box[2]; bc += k) {
        int rEnd = Math.min(br + k, g.nrows());
        int cEnd = Math.min(bc + k, g.ncols());
        double sumX = 0;
        double sumY = 0;
        int moving = 0;
        for (int r = br; r < rEnd; r++) {
          for (int c = bc; c < cEnd; c++) {
            if (speed.value(c, r) > 0) { // NaN (NODATA) and still cells are not counted
              sumX += vx.value(c, r);
              sumY += vy.value(c, r);
              moving++;
            }
          }
        }
        if (moving == 0) {
          continue;
        }
        double meanX = sumX / moving;
        double meanY = sumY / moving;
        double length = Math.hypot(meanX, meanY);
        if (length < minimum) {
          continue;
        }
        double[] xyz = {
          g.originX() + (bc + cEnd) / 2.0 * g.cellSizeMetres(),
          g.originY() + (g.nrows() - (br + rEnd) / 2.0) * g.cellSizeMetres(),
          0
        };
        frame.fromMetric(xyz, 0, 1);
        features.add(arrow(xyz[0], xyz[1], meanX, meanY, length, moving));
      }
    }
    fc.put("numberReturned", features.size());
    return fc;
  }

  private static ObjectNode arrow(
      double lon, double lat, double vx, double vy, double speed, int cells) {
    ObjectNode f = RunJson.JSON.createObjectNode();
    f.put("type", "Feature");
    ObjectNode point = f.putObject("geometry");
    point.put("type", "Point");
    point.putArray("coordinates").add(round(lon, 1e7)).add(round(lat, 1e7));
    ObjectNode p = f.putObject("properties");
    p.put("vx_m_s", round(vx, 1e4));
    p.put("vy_m_s", round(vy, 1e4));
    p.put("speed_m_s", round(speed, 1e4));
    double direction = Math.toDegrees(Math.atan2(vx, vy));
    p.put("direction_deg", round(direction < 0 ? direction + 360 : direction, 10));
    p.put("cells", cells);
    return f;
  }

  private static double round(double value, double scale) {
    return Math.round(value * scale) / scale;
  }

  /** The {@code bbox} parameter as {@code [minLon, minLat, maxLon, maxLat]}, or null if absent. */
  static double[] bbox(RequestParameters p) {
    double[] v = p.numbers("bbox", 4);
    if (v == null) {
      return null;
    }
    if (v[0] > v[2] || v[1] > v[3]) {
      throw HttpProblem.badParameter("bbox", "bbox min must not exceed max: " + p.text("bbox"));
    }
    if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
      throw HttpProblem.badParameter(
          "bbox", "bbox must be longitudes -180..180 and latitudes -90..90: " + p.text("bbox"));
    }
    return v;
  }
}
