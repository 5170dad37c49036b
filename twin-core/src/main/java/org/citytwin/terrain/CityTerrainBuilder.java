package org.citytwin.terrain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.crs.LocalMetricFrame;
import org.citytwin.model.CityObject;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Envelope3D;
import org.citytwin.model.LodGeometry;
import org.citytwin.model.Polygon3D;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Builds a {@link CityTerrain} from the city in a store, for datasets that come without a DEM:
 *
 * <ol>
 *   <li>CityGML relief (TIN relief objects) in the area is rasterised: each triangle's plane at the
 *       cell centres ({@link TriangleRasteriser});
 *   <li>cells under a building take its lowest LOD1 height (the flat bottom face);
 *   <li>every other cell is interpolated from <b>building ground points</b>: the bottom vertices of
 *       each building's LOD1 solid, all at its lowest LOD1 height (PLATEAU derives that height from
 *       the national 5 m DEM), linearly in their Delaunay TIN and by inverse distance outside its
 *       hull ({@link GroundSurface}); roads and open ground between buildings get the interpolated
 *       surface (PLATEAU roads carry no heights);
 *   <li>buildings become obstacles, {@link Obstacles#BLOCKED} or {@link Obstacles#RAISED} to their
 *       highest LOD1 vertex.
 * </ol>
 *
 * The grid lies in a metric frame: by default the JGD2011 plane rectangular zone nearest to the
 * area's centre inside Japan, the UTM zone elsewhere. The area is the given lon/lat box, or the
 * extent of the buildings and relief plus a margin; the origin is a multiple of the cell size.
 */
public final class CityTerrainBuilder {
  /** Bottom vertices are those within this of the lowest LOD1 vertex, metres. */
  static final double BOTTOM_TOLERANCE_METRES = 0.05;

  /**
   * What to build.
   *
   * @param cellSizeMetres cell side, 0.5 to 100 m
   * @param obstacles how buildings stand in the grid
   * @param area lon/lat box of the grid, or null for the extent of the city plus {@code
   *     marginCells}
   * @param frame the metric CRS, or null to choose one from the area's centre
   * @param marginCells cells added around the city's extent when {@code area} is null
   */
  public record Options(
      double cellSizeMetres,
      Obstacles obstacles,
      Filter.BboxIntersects area,
      LocalMetricFrame frame,
      int marginCells) {
    public Options {
      if (!(cellSizeMetres >= 0.5 && cellSizeMetres <= 100)) {
        throw new IllegalArgumentException(
            "cell size " + cellSizeMetres + " m must be between 0.5 and 100 m");
      }
      Objects.requireNonNull(obstacles, "obstacles");
      if (marginCells < 0) {
        throw new IllegalArgumentException("margin " + marginCells + " cells must be >= 0");
      }
    }

    /** Blocked buildings, the whole city, an automatic frame, a margin of 2 cells. */
    public static Options of(double cellSizeMetres) {
      return new Options(cellSizeMetres, Obstacles.BLOCKED, null, null, 2);
    }

    public Options with(Obstacles newObstacles) {
      return new Options(cellSizeMetres, newObstacles, area, frame, marginCells);
    }

    public Options within(Filter.BboxIntersects newArea) {
      return new Options(cellSizeMetres, obstacles, newArea, frame, marginCells);
    }

    public Options in(LocalMetricFrame newFrame) {
      return new Options(cellSizeMetres, obstacles, area, newFrame, marginCells);
    }
  }

  private final TwinStore store;
  private final Options options;

  public CityTerrainBuilder(TwinStore store, Options options) {
    this.store = Objects.requireNonNull(store, "store");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** One call: {@code new CityTerrainBuilder(store, options).build()}. */
  public static CityTerrain build(TwinStore store, Options options)
      throws StoreException, CoordinateConversionException {
    return new CityTerrainBuilder(store, options).build();
  }

  /**
   * Builds the terrain.
   *
   * @throws IllegalArgumentException when the area holds neither buildings with LOD1 nor relief
   */
  public CityTerrain build() throws StoreException, CoordinateConversionException {
    LocalMetricFrame frame = frame();
    CitySamples samples = new CitySamples(frame);
    store.query(
        Query.of(filter(EnumSet.of(CityObjectType.BUILDING, CityObjectType.BUILDING_PART)))
            .withGeometry(true),
        stored -> samples.addBuilding(stored.object()));
    store.query(
        Query.of(filter(EnumSet.of(CityObjectType.RELIEF))).withGeometry(true),
        stored -> samples.addRelief(stored.object()));
    samples.finish();
    GridGeometry grid = grid(frame, samples.extent());
    float[] z = new float[grid.cellCount()];
    java.util.Arrays.fill(z, Float.NaN);
    TriangleRasteriser relief = new TriangleRasteriser(grid, z);
    double[] t = samples.reliefTriangles();
    for (int i = 0; i < t.length; i += 9) {
      relief.burn(
          t[i], t[i + 1], t[i + 2], t[i + 3], t[i + 4], t[i + 5], t[i + 6], t[i + 7], t[i + 8]);
    }
    int reliefCells = grid.cellCount() - countNaN(z);
    List<SiteBuilding> inside = samples.buildingsInside(grid);
    burnBottoms(grid, z, inside);
    int bottomCells = grid.cellCount() - countNaN(z) - reliefCells;
    double[] ground = samples.groundPoints();
    if (ground.length == 0 && t.length > 0) {
      ground = t; // fill cells beyond the relief from its own vertices
    }
    int[] filled = GroundSurface.fill(grid, z, ground);
    CellMask blocked = obstacles(options.obstacles(), grid, z, inside);
    return new CityTerrain(
        TerrainGrid.of(grid, z),
        blocked,
        frame,
        inside,
        0,
        reliefCells,
        bottomCells,
        filled[0],
        filled[1],
        ground.length / 3,
        samples.withoutLod1());
  }

  /**
   * The metric frame {@link #build()} uses: the options' frame, else the one for the place of the
   * city's buildings and relief in the area. Cheap (one extent query), so a caller can place
   * positions on the grid's lattice ({@link #lattice}) before building.
   *
   * @throws IllegalArgumentException when the area holds neither buildings nor relief
   */
  public LocalMetricFrame frame() throws StoreException {
    if (options.frame() != null) {
      return options.frame();
    }
    Envelope3D extent =
        store
            .extent(
                filter(
                    EnumSet.of(
                        CityObjectType.BUILDING,
                        CityObjectType.BUILDING_PART,
                        CityObjectType.RELIEF)))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the store has no buildings or relief"
                            + (options.area() == null ? "" : " in " + describe(options.area()))));
    return frameFor(extent);
  }

  /**
   * The cells of {@code cellSize} metres around a metric envelope on the lattice every grid {@link
   * #build()} makes lies on (origins at multiples of the cell size), so a cell centre found here is
   * one of any such grid covering the envelope.
   */
  public static GridGeometry lattice(Envelope e, double cellSize) {
    double x0 = Math.floor(e.getMinX() / cellSize) * cellSize;
    double y0 = Math.floor(e.getMinY() / cellSize) * cellSize;
    int ncols = Math.max(1, (int) Math.ceil((e.getMaxX() - x0) / cellSize));
    int nrows = Math.max(1, (int) Math.ceil((e.getMaxY() - y0) / cellSize));
    return GridGeometry.of(x0, y0, cellSize, ncols, nrows);
  }

  /**
   * A terrain on a DEM, for instance a modeller's GeoTIFF: its elevations as they are (NODATA cells
   * stay walls), and the store's buildings on it as obstacles, {@link Obstacles#BLOCKED} or {@link
   * Obstacles#RAISED} to their highest LOD1 vertex. A store without buildings there gives a bare
   * DEM.
   *
   * @param frame the DEM's projected CRS
   */
  public static CityTerrain onDem(
      TwinStore store, TerrainGrid dem, LocalMetricFrame frame, Obstacles obstacles)
      throws StoreException, CoordinateConversionException {
    GridGeometry grid = dem.geometry();
    CitySamples samples = new CitySamples(frame);
    Filter buildings =
        Filter.and(
            new Filter.TypeIn(EnumSet.of(CityObjectType.BUILDING, CityObjectType.BUILDING_PART)),
            lonLatBox(frame, grid));
    store.query(
        Query.of(buildings).withGeometry(true), stored -> samples.addBuilding(stored.object()));
    samples.finish();
    List<SiteBuilding> inside = samples.buildingsInside(grid);
    float[] z = dem.elevations();
    CellMask blocked = obstacles(obstacles, grid, z, inside);
    return new CityTerrain(
        TerrainGrid.of(grid, z),
        blocked,
        frame,
        inside,
        grid.cellCount() - countNaN(z),
        0,
        0,
        0,
        0,
        0,
        samples.withoutLod1());
  }

  /** The lon/lat box around a grid in {@code frame}, from points along its edges. */
  public static Filter.BboxIntersects lonLatBox(LocalMetricFrame frame, GridGeometry grid)
      throws CoordinateConversionException {
    double[] xyz = grid.edgePoints(16);
    frame.fromMetric(xyz, 0, xyz.length / 3);
    double minLon = Double.POSITIVE_INFINITY;
    double minLat = Double.POSITIVE_INFINITY;
    double maxLon = Double.NEGATIVE_INFINITY;
    double maxLat = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < xyz.length; i += 3) {
      minLon = Math.min(minLon, xyz[i]);
      maxLon = Math.max(maxLon, xyz[i]);
      minLat = Math.min(minLat, xyz[i + 1]);
      maxLat = Math.max(maxLat, xyz[i + 1]);
    }
    return new Filter.BboxIntersects(minLon, minLat, maxLon, maxLat);
  }

  /**
   * Buildings as obstacles: the cells under them blocked, or ({@link Obstacles#RAISED}) raised in
   * {@code z} to their roof.
   */
  private static CellMask obstacles(
      Obstacles obstacles, GridGeometry grid, float[] z, List<SiteBuilding> inside) {
    if (obstacles == Obstacles.BLOCKED) {
      return CellMask.within(grid, inside.stream().map(SiteBuilding::footprint).toList());
    }
    for (SiteBuilding b : inside) {
      float roof = (float) b.roofHeightMetres();
      FootprintCells.forEach(grid, b.footprint(), cell -> z[cell] = Math.max(z[cell], roof));
    }
    return CellMask.none(grid);
  }

  /**
   * Cells under a building (not already relief) take its LOD1 bottom height: PLATEAU's LOD1 bottom
   * face is flat at that height. Where footprints overlap, the lower bottom wins.
   */
  private static void burnBottoms(GridGeometry grid, float[] z, List<SiteBuilding> buildings) {
    boolean[] relief = new boolean[z.length];
    for (int i = 0; i < z.length; i++) {
      relief[i] = !Float.isNaN(z[i]);
    }
    for (SiteBuilding b : buildings) {
      float bottom = (float) b.groundHeightMetres();
      FootprintCells.forEach(
          grid,
          b.footprint(),
          cell -> {
            if (!relief[cell]) {
              z[cell] = Float.isNaN(z[cell]) ? bottom : Math.min(z[cell], bottom);
            }
          });
    }
  }

  private Filter filter(EnumSet<CityObjectType> types) {
    Filter byType = new Filter.TypeIn(types);
    return options.area() == null ? byType : Filter.and(byType, options.area());
  }

  /** The Japanese plane rectangular zone inside Japan's bounds, the UTM zone elsewhere. */
  static LocalMetricFrame frameFor(Envelope3D extent) {
    return LocalMetricFrame.forPlace(
        (extent.minLon() + extent.maxLon()) / 2, (extent.minLat() + extent.maxLat()) / 2);
  }

  private GridGeometry grid(LocalMetricFrame frame, Envelope cityExtent)
      throws CoordinateConversionException {
    double cell = options.cellSizeMetres();
    Envelope e;
    if (options.area() != null) {
      e = metricEnvelope(frame, options.area());
    } else {
      e = new Envelope(cityExtent);
      e.expandBy(options.marginCells() * cell);
    }
    return lattice(e, cell);
  }

  /**
   * The metric envelope of a lon/lat box, from points along its edges (they bend when projected).
   */
  static Envelope metricEnvelope(LocalMetricFrame frame, Filter.BboxIntersects box)
      throws CoordinateConversionException {
    int n = 16;
    double[] xyz = new double[4 * n * 3];
    int k = 0;
    for (int i = 0; i < n; i++) {
      double f = (double) i / n;
      double lon = box.minLon() + f * (box.maxLon() - box.minLon());
      double lat = box.minLat() + f * (box.maxLat() - box.minLat());
      double[][] pts = {
        {lon, box.minLat()}, {lon, box.maxLat()}, {box.minLon(), lat}, {box.maxLon(), lat}
      };
      for (double[] p : pts) {
        xyz[k++] = p[0];
        xyz[k++] = p[1];
        xyz[k++] = 0;
      }
    }
    frame.toMetric(xyz, 0, xyz.length / 3);
    Envelope e = new Envelope();
    for (int i = 0; i < xyz.length; i += 3) {
      e.expandToInclude(xyz[i], xyz[i + 1]);
    }
    double[] corner = {box.maxLon(), box.maxLat(), 0};
    frame.toMetric(corner, 0, 1);
    e.expandToInclude(corner[0], corner[1]);
    return e;
  }

  private static String describe(Filter.BboxIntersects b) {
    return "bbox " + b.minLon() + "," + b.minLat() + "," + b.maxLon() + "," + b.maxLat();
  }

  private static int countNaN(float[] values) {
    int n = 0;
    for (float v : values) {
      n += Float.isNaN(v) ? 1 : 0;
    }
    return n;
  }

  /** Whether a geometry holds LOD1 surfaces. */
  static boolean isLod1Surface(LodGeometry g) {
    return g.lod() == 1 && g.isSurface();
  }

  /** The exterior rings of the LOD1 surfaces of an object. */
  static List<double[]> lod1Rings(CityObject object) {
    List<double[]> rings = new ArrayList<>();
    for (LodGeometry g : object.geometries()) {
      if (isLod1Surface(g)) {
        for (Polygon3D p : g.polygons()) {
          rings.add(p.exterior());
        }
      }
    }
    return rings;
  }

  static Geometry footprintOf(CityObject object) {
    return object.shape() == null ? null : object.shape().footprint();
  }
}
