package org.citytwin.geom;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.citytwin.model.DerivedShape;
import org.citytwin.model.Envelope3D;
import org.citytwin.model.LodGeometry;
import org.citytwin.model.Mesh;
import org.citytwin.model.Polygon3D;
import org.locationtech.jts.geom.Geometry;

/**
 * Derives an object's {@link DerivedShape} from its geometries: footprint (see {@link
 * FootprintBuilder} for the order of sources), 3D envelope, ground and roof heights, height, ground
 * area of the footprint and one mesh per LOD 1..4.
 *
 * <ul>
 *   <li>Ground height: the lowest vertex of the lowest LOD 1..4 that has body surfaces (roof, wall,
 *       ground, closure or shell; not LOD0 outlines or terrain-intersection curves), else the
 *       lowest vertex of any geometry.
 *   <li>Roof height: the highest vertex of any geometry.
 *   <li>Height: the measured height when given, else roof minus ground.
 *   <li>Area: {@link GroundArea} of the footprint on the WGS 84 ellipsoid; 0 for lines and points.
 * </ul>
 *
 * <p>Bad geometry never throws: each problem is returned as a {@link GeometryProblem} and handled
 * by a fixed policy, so the same input always gives the same output. Polygons with too few points,
 * (almost) no area or non-finite coordinates are left out of everything; non-planar and
 * self-intersecting ones are counted and still used; a polygon JTS cannot triangulate is counted
 * and left out of the mesh; a failed footprint union falls back to the convex hull. The shape is
 * null only when the object has no finite vertex at all.
 *
 * <p>Use {@link #run} for the defaults, or an instance for another non-planarity tolerance.
 */
public final class ShapeDeriver {

  /** Distance from a polygon's plane beyond which a vertex makes it NON_PLANAR. */
  public static final double DEFAULT_NON_PLANAR_TOLERANCE_METRES = 0.05;

  /**
   * The derived shape, null only when there was no vertex, and the problems found, in the order of
   * the geometries and polygons they concern (object-level problems last).
   */
  public record Result(DerivedShape shape, List<GeometryProblem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  private final double nonPlanarToleranceMetres;

  public ShapeDeriver(double nonPlanarToleranceMetres) {
    if (!(nonPlanarToleranceMetres >= 0)) {
      throw new IllegalArgumentException(
          "non-planar tolerance must be >= 0 m, was " + nonPlanarToleranceMetres);
    }
    this.nonPlanarToleranceMetres = nonPlanarToleranceMetres;
  }

  /** Derives a shape with the default tolerance; {@code measuredHeightMetres} may be null. */
  public static Result run(List<LodGeometry> geometries, Double measuredHeightMetres) {
    return new ShapeDeriver(DEFAULT_NON_PLANAR_TOLERANCE_METRES)
        .derive(geometries, measuredHeightMetres);
  }

  /** Derives a shape; {@code measuredHeightMetres} may be null when the source gives none. */
  public Result derive(List<LodGeometry> geometries, Double measuredHeightMetres) {
    Objects.requireNonNull(geometries, "geometries");
    SurfaceInspection inspection = SurfaceInspection.of(geometries, nonPlanarToleranceMetres);
    List<GeometryProblem> problems = new ArrayList<>(inspection.problems());
    Bounds all = new Bounds();
    Bounds body = null;
    for (int lod = 1; lod <= 4 && body == null; lod++) {
      body = bodyBounds(geometries, lod);
    }
    for (int g = 0; g < geometries.size(); g++) {
      LodGeometry geometry = geometries.get(g);
      for (int p = 0; p < geometry.polygons().size(); p++) {
        boolean finite = all.add(geometry.polygons().get(p));
        if (!finite && !geometry.isSurface()) {
          // Surfaces were reported by the inspection; lines and points are reported here.
          problems.add(
              new GeometryProblem(
                  GeometryProblem.Kind.NON_FINITE_COORDINATE,
                  g,
                  p,
                  "a vertex has a NaN or infinite coordinate and is skipped"));
        }
      }
    }
    if (all.isEmpty()) {
      return new Result(null, problems);
    }
    List<Mesh> meshes = MeshBuilder.build(geometries, inspection, problems);
    Geometry footprint = new FootprintBuilder(geometries, inspection, problems).build();
    double ground = body != null ? body.minH : all.minH;
    double height =
        measuredHeightMetres != null && Double.isFinite(measuredHeightMetres)
            ? measuredHeightMetres
            : all.maxH - ground;
    DerivedShape shape =
        new DerivedShape(
            footprint,
            all.envelope(),
            ground,
            all.maxH,
            height,
            GroundArea.squareMetres(footprint),
            meshes);
    return new Result(shape, problems);
  }

  /** Bounds of the body surfaces of one LOD, or null when it has none with a finite vertex. */
  private static Bounds bodyBounds(List<LodGeometry> geometries, int lod) {
    Bounds bounds = new Bounds();
    for (LodGeometry geometry : geometries) {
      if (geometry.lod() == lod && MeshBuilder.isMeshed(geometry)) {
        for (Polygon3D polygon : geometry.polygons()) {
          bounds.add(polygon);
        }
      }
    }
    return bounds.isEmpty() ? null : bounds;
  }

  /** Running min/max over finite vertices; vertices with a NaN or infinity are skipped. */
  private static final class Bounds {
    double minLon = Double.POSITIVE_INFINITY;
    double minLat = Double.POSITIVE_INFINITY;
    double minH = Double.POSITIVE_INFINITY;
    double maxLon = Double.NEGATIVE_INFINITY;
    double maxLat = Double.NEGATIVE_INFINITY;
    double maxH = Double.NEGATIVE_INFINITY;

    /** Adds the finite vertices; false when some vertex was not finite. */
    boolean add(Polygon3D polygon) {
      boolean allFinite = true;
      for (double[] ring : polygon.rings()) {
        for (int i = 0; i < ring.length; i += 3) {
          double lon = ring[i];
          double lat = ring[i + 1];
          double h = ring[i + 2];
          if (Double.isFinite(lon) && Double.isFinite(lat) && Double.isFinite(h)) {
            minLon = Math.min(minLon, lon);
            minLat = Math.min(minLat, lat);
            minH = Math.min(minH, h);
            maxLon = Math.max(maxLon, lon);
            maxLat = Math.max(maxLat, lat);
            maxH = Math.max(maxH, h);
          } else {
            allFinite = false;
          }
        }
      }
      return allFinite;
    }

    boolean isEmpty() {
      return minLon > maxLon;
    }

    Envelope3D envelope() {
      return Envelope3D.of(minLon, minLat, minH, maxLon, maxLat, maxH);
    }
  }
}
