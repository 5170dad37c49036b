package org.citytwin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.citytwin.citygml.CityGmlParser;
import org.citytwin.citygml.CityGmlSources;
import org.citytwin.citygml.Fixtures;
import org.citytwin.load.CityImporter;
import org.citytwin.load.ImportListener;
import org.citytwin.model.CityObjectType;
import org.citytwin.model.Envelope3D;
import org.citytwin.query.Filter;
import org.citytwin.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Box queries answered from the in-memory footprint index, on the real Osaka buildings and roads
 * (irregular footprints, so many candidates need the exact test), against a brute-force JTS test of
 * every stored footprint.
 */
class SpatialSnapshotTest {
  private static final long SEED = 20261124L;
  private static final GeometryFactory GEOMETRIES = new GeometryFactory();

  @TempDir static Path directory;
  private static TwinStore store;
  private static List<StoredObject> all;
  private static Envelope3D extent;

  @BeforeAll
  static void importSample() throws Exception {
    store = TwinStore.open(directory);
    List<Path> files =
        List.of(
            Fixtures.osakaDirectory().resolve("51357346_bldg_6697_op.gml"),
            Fixtures.osakaDirectory().resolve("51357346_tran_6697_op.gml"));
    try (CityGmlParser parser = new CityGmlParser(2, null)) {
      new CityImporter(store, parser, ImportListener.SILENT)
          .importAll(CityGmlSources.expand(files));
    }
    store.prepareSpatialIndex();
    all = store.list(Query.of(Filter.all()));
    extent = store.extent(Filter.all()).orElseThrow();
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  @Test
  void theIndexIsReadyForTheCurrentVersion() throws Exception {
    assertTrue(store.hasSpatialSnapshot());
  }

  @Test
  void randomBoxesTypesAndPagesMatchTheBruteForce() throws Exception {
    Random random = new Random(SEED);
    int straddling = 0;
    for (int i = 0; i < 200; i++) {
      Filter.BboxIntersects box = randomBox(random);
      Set<CityObjectType> types = randomTypes(random);
      Filter filter = types == null ? box : Filter.and(box, new Filter.TypeIn(types));
      List<String> expected = expected(box, types);
      assertEquals(expected.size(), store.count(filter), () -> "count of " + filter);
      assertEquals(
          expected,
          ids(store.list(Query.of(filter).page(SnapshotQueries.MAX_PAGE, 0))),
          () -> "list of " + filter);
      // Unbounded lists stream from SQL rather than gather in memory; the same objects either way.
      assertEquals(expected, ids(store.list(Query.of(filter))), () -> "stream of " + filter);
      int limit = 1 + random.nextInt(20);
      long offset = random.nextInt(expected.size() + 2);
      List<String> page =
          expected.subList(
              (int) Math.min(offset, expected.size()),
              (int) Math.min(offset + limit, expected.size()));
      assertEquals(page, ids(store.list(Query.of(filter).page(limit, offset))), "page");
      straddling += crossesEdge(box, types) ? 1 : 0;
    }
    // The exact test must really be exercised: many boxes cut footprints whose box they meet.
    assertTrue(straddling > 20, "only " + straddling + " boxes had a footprint without a match");
  }

  @Test
  void pagesWithGeometryCarryTheSameObjectsAsTheSqlPath() throws Exception {
    Random random = new Random(SEED + 1);
    for (int i = 0; i < 20; i++) {
      Filter.BboxIntersects box = randomBox(random);
      List<StoredObject> page = store.list(Query.of(box).page(10, 0).withGeometry(true));
      for (StoredObject object : page) {
        StoredObject expected = store.get(object.object().gmlId()).orElseThrow();
        String what = "object " + object.object().gmlId();
        assertEquals(expected.storeId(), object.storeId(), what);
        assertEquals(expected.object().attributes(), object.object().attributes(), what);
        assertEquals(
            expected.object().geometries().size(), object.object().geometries().size(), what);
        assertEquals(
            expected.object().shape().meshes().size(),
            object.object().shape().meshes().size(),
            what);
        assertTrue(
            java.util.Arrays.equals(
                expected.object().shape().meshes().get(0).positions(),
                object.object().shape().meshes().get(0).positions()),
            what);
      }
    }
  }

  @Test
  void aPointBoxFindsTheFootprintsUnderIt() throws Exception {
    StoredObject building =
        all.stream().filter(o -> o.object().type() == CityObjectType.BUILDING).findFirst().get();
    org.locationtech.jts.geom.Point inside =
        building.object().shape().footprint().getInteriorPoint();
    Filter.BboxIntersects point =
        new Filter.BboxIntersects(inside.getX(), inside.getY(), inside.getX(), inside.getY());
    assertEquals(
        expected(point, null), ids(store.list(Query.of(point).page(SnapshotQueries.MAX_PAGE, 0))));
    assertTrue(
        ids(store.list(Query.of(point).page(SnapshotQueries.MAX_PAGE, 0)))
            .contains(building.object().gmlId()));
  }

  @Test
  void aReimportIsSeenAtOnceAndThenFromItsOwnIndex(@TempDir Path other) throws Exception {
    Filter.BboxIntersects box = new Filter.BboxIntersects(135.44, 34.59, 135.46, 34.61);
    try (TwinStore small = TwinStore.open(other)) {
      TwinStoreTest.importAll(small, "a.gml", List.of(building("old_1"), building("old_2")));
      small.prepareSpatialIndex();
      assertEquals(
          List.of("old_1", "old_2"),
          ids(small.list(Query.of(box).page(SnapshotQueries.MAX_PAGE, 0))));
      TwinStoreTest.importAll(small, "a.gml", List.of(building("new_1")));
      assertEquals(
          List.of("new_1"), ids(small.list(Query.of(box).page(SnapshotQueries.MAX_PAGE, 0))));
      assertEquals(1, small.count(box));
      small.prepareSpatialIndex();
      assertTrue(small.hasSpatialSnapshot());
      assertEquals(
          List.of("new_1"), ids(small.list(Query.of(box).page(SnapshotQueries.MAX_PAGE, 0))));
      assertEquals(1, small.count(box));
    }
  }

  private static org.citytwin.model.CityObject building(String id) {
    return BoxBuildings.box(id, 135.45, 34.6, 20, 12, 2.5, 21.5, java.util.Map.of(), List.of());
  }

  private static Filter.BboxIntersects randomBox(Random random) {
    double width = extent.maxLon() - extent.minLon();
    double height = extent.maxLat() - extent.minLat();
    double lon = extent.minLon() + random.nextDouble() * width;
    double lat = extent.minLat() + random.nextDouble() * height;
    double size = random.nextDouble() * random.nextDouble() * width / 3;
    return new Filter.BboxIntersects(lon, lat, lon + size, lat + size * 0.8);
  }

  private static Set<CityObjectType> randomTypes(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> null;
      case 1 -> EnumSet.of(CityObjectType.BUILDING);
      case 2 -> EnumSet.of(CityObjectType.ROAD);
      default -> EnumSet.of(CityObjectType.BUILDING, CityObjectType.BUILDING_PART);
    };
  }

  private static List<String> expected(Filter.BboxIntersects box, Set<CityObjectType> types) {
    Geometry area = area(box);
    return all.stream()
        .filter(o -> types == null || types.contains(o.object().type()))
        .filter(o -> o.object().shape() != null && !o.object().shape().footprint().isEmpty())
        .filter(o -> o.object().shape().footprint().intersects(area))
        .sorted(
            Comparator.<StoredObject, String>comparing(o -> o.object().gmlId())
                .thenComparingLong(StoredObject::storeId))
        .map(o -> o.object().gmlId())
        .toList();
  }

  /** Whether some footprint's box meets the query box while the footprint itself does not. */
  private static boolean crossesEdge(Filter.BboxIntersects box, Set<CityObjectType> types) {
    Geometry area = area(box);
    return all.stream()
        .filter(o -> types == null || types.contains(o.object().type()))
        .filter(o -> o.object().shape() != null)
        .map(o -> o.object().shape().footprint())
        .anyMatch(
            f ->
                f.getEnvelopeInternal().intersects(area.getEnvelopeInternal())
                    && !f.intersects(area));
  }

  private static Geometry area(Filter.BboxIntersects box) {
    return GEOMETRIES.toGeometry(
        new Envelope(box.minLon(), box.maxLon(), box.minLat(), box.maxLat()));
  }

  private static List<String> ids(List<StoredObject> objects) {
    return objects.stream().map(o -> o.object().gmlId()).toList();
  }
}
