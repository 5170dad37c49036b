package org.citytwin.geom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.citytwin.model.LodGeometry;
import org.citytwin.model.Polygon3D;

/**
 * Every surface polygon of an object checked once, in list order, so that the footprint and the
 * meshes agree on which polygons are usable and each problem is counted once.
 *
 * <p>Too few points, zero area and non-finite coordinates make a polygon unusable. Non-planarity
 * beyond the tolerance and self-intersection are counted but the polygon stays usable: a slightly
 * warped roof or a ring that touches itself still shows the building better than a hole does.
 */
final class SurfaceInspection {

  private final PlanarPolygon[][] usable;
  private final List<GeometryProblem> problems;

  private SurfaceInspection(PlanarPolygon[][] usable, List<GeometryProblem> problems) {
    this.usable = usable;
    this.problems = problems;
  }

  static SurfaceInspection of(List<LodGeometry> geometries, double nonPlanarToleranceMetres) {
    PlanarPolygon[][] usable = new PlanarPolygon[geometries.size()][];
    List<GeometryProblem> problems = new ArrayList<>();
    for (int g = 0; g < geometries.size(); g++) {
      LodGeometry geometry = geometries.get(g);
      usable[g] = new PlanarPolygon[geometry.polygons().size()];
      if (!geometry.isSurface()) {
        continue;
      }
      for (int p = 0; p < usable[g].length; p++) {
        usable[g][p] =
            inspect(geometry.polygons().get(p), g, p, nonPlanarToleranceMetres, problems);
      }
    }
    return new SurfaceInspection(usable, List.copyOf(problems));
  }

  /** The flattened polygon, empty when it is unusable or not a surface. */
  Optional<PlanarPolygon> usable(int geometryIndex, int polygonIndex) {
    return Optional.ofNullable(usable[geometryIndex][polygonIndex]);
  }

  List<GeometryProblem> problems() {
    return problems;
  }

  private static PlanarPolygon inspect(
      Polygon3D polygon, int g, int p, double tolerance, List<GeometryProblem> problems) {
    PlanarPolygon planar;
    try {
      planar = PlanarPolygon.of(polygon);
    } catch (InvalidPolygonException e) {
      problems.add(new GeometryProblem(e.kind(), g, p, e.getMessage()));
      return null;
    }
    if (planar.maxPlaneDistanceMetres() > tolerance) {
      problems.add(
          new GeometryProblem(
              GeometryProblem.Kind.NON_PLANAR,
              g,
              p,
              String.format(
                  Locale.ROOT,
                  "a vertex is %.3f m off the plane, more than %.3f m",
                  planar.maxPlaneDistanceMetres(),
                  tolerance)));
    }
    planar
        .invalidity()
        .ifPresent(
            why ->
                problems.add(
                    new GeometryProblem(GeometryProblem.Kind.SELF_INTERSECTING, g, p, why)));
    return planar;
  }
}
