package org.citytwin.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.citytwin.geojson.FeatureWriter;
import org.citytwin.model.CityObjectType;
import org.citytwin.query.Cql2Parser;
import org.citytwin.query.Cql2SyntaxException;
import org.citytwin.query.Filter;
import org.citytwin.query.FixedAttribute;
import org.citytwin.query.Literal;
import org.citytwin.query.Query;
import org.citytwin.query.SortKey;
import org.citytwin.store.StoreException;
import org.citytwin.store.StoredObject;
import org.citytwin.store.TwinStore;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code twin query}: quick checks of the store from the command line. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Query city objects: spatial and attribute filters combined with AND (use --filter for OR).",
      "Example: twin query --type building --filter \"river_flood_depth >= 0.5\" --count"
    })
final class QueryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOption store;

  @Option(
      names = "--filter",
      paramLabel = "CQL2",
      description =
          "A CQL2 text filter, e.g. \"height > 20 AND (usage = '411' OR usage = '412')\".")
  String cql;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      split = ",",
      description = "Object types, e.g. building,building_part,road.")
  List<String> types = new ArrayList<>();

  @Option(
      names = "--bbox",
      paramLabel = "MINLON,MINLAT,MAXLON,MAXLAT",
      split = ",",
      description = "Footprints intersecting this lon/lat box.")
  List<Double> bbox;

  @Option(
      names = "--box3d",
      paramLabel = "MINLON,MINLAT,MINH,MAXLON,MAXLAT,MAXH",
      split = ",",
      description = "Objects whose 3D envelope intersects this box (heights in metres).")
  List<Double> box3d;

  @Option(
      names = "--polygon",
      paramLabel = "WKT",
      description = "Footprints intersecting this lon/lat WKT polygon.")
  String polygon;

  @Option(
      names = "--near",
      paramLabel = "LON,LAT",
      split = ",",
      description = "Centre for --radius or --nearest.")
  List<Double> near;

  @Option(
      names = "--radius",
      paramLabel = "METRES",
      description = "Footprints within this distance of --near.")
  Double radiusMetres;

  @Option(names = "--nearest", paramLabel = "K", description = "The K objects nearest to --near.")
  Integer nearest;

  @Option(
      names = "--sort",
      paramLabel = "ATTR",
      split = ",",
      description = "Sort keys; prefix '-' for descending, e.g. -height,gml_id.")
  List<String> sort = new ArrayList<>();

  @Option(
      names = "--limit",
      defaultValue = "20",
      description = "Most objects to print (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--offset", defaultValue = "0", description = "Objects to skip (paging).")
  long offset;

  @Option(names = "--count", description = "Print only the number of matching objects.")
  boolean count;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or geojson (default ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    Query query = buildQuery();
    try (TwinStore twin = TwinStore.open(store.directory)) {
      PrintStream out = System.out;
      if (count) {
        out.println(twin.count(query.filter()));
      } else if ("geojson".equals(format)) {
        printGeoJson(twin, query, out);
      } else if ("table".equals(format)) {
        printTable(twin, query, out);
      } else {
        throw new ParameterException(
            spec.commandLine(), "--format must be table or geojson, was '" + format + "'");
      }
      return ExitCodes.OK;
    } catch (StoreException e) {
      System.err.println("twin query: " + e.getMessage());
      return ExitCodes.STORE_FAILED;
    }
  }

  private Query buildQuery() {
    try {
      List<Filter> filters = new ArrayList<>();
      if (cql != null) {
        filters.add(Cql2Parser.parse(cql));
      }
      if (!types.isEmpty()) {
        EnumSet<CityObjectType> set = EnumSet.noneOf(CityObjectType.class);
        types.forEach(t -> set.add(CityObjectType.parse(t)));
        filters.add(new Filter.TypeIn(set));
      }
      if (bbox != null) {
        requireCount("--bbox", bbox, 4);
        filters.add(new Filter.BboxIntersects(bbox.get(0), bbox.get(1), bbox.get(2), bbox.get(3)));
      }
      if (box3d != null) {
        requireCount("--box3d", box3d, 6);
        filters.add(
            new Filter.Box3DIntersects(
                org.citytwin.model.Envelope3D.of(
                    box3d.get(0),
                    box3d.get(1),
                    box3d.get(2),
                    box3d.get(3),
                    box3d.get(4),
                    box3d.get(5))));
      }
      if (polygon != null) {
        filters.add(new Filter.GeometryIntersects(readWkt(polygon)));
      }
      if (radiusMetres != null) {
        requireNear("--radius");
        filters.add(new Filter.WithinDistance(near.get(0), near.get(1), radiusMetres));
      }
      Query query =
          Query.of(filters.size() == 1 ? filters.get(0) : new Filter.And(filters))
              .page(limit, offset);
      if (nearest != null) {
        requireNear("--nearest");
        query = query.nearestTo(near.get(0), near.get(1), nearest);
      }
      if (!sort.isEmpty()) {
        query = query.sortedBy(sort.stream().map(QueryCommand::sortKey).toArray(SortKey[]::new));
      }
      return query;
    } catch (Cql2SyntaxException | IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private void requireNear(String option) {
    if (near == null || near.size() != 2) {
      throw new IllegalArgumentException(option + " needs --near LON,LAT");
    }
  }

  private static void requireCount(String option, List<Double> values, int expected) {
    if (values.size() != expected) {
      throw new IllegalArgumentException(
          option + " needs " + expected + " numbers, got " + values.size());
    }
  }

  private static Geometry readWkt(String wkt) {
    try {
      return new WKTReader().read(wkt);
    } catch (ParseException e) {
      throw new IllegalArgumentException("--polygon is not valid WKT: " + e.getMessage(), e);
    }
  }

  private static SortKey sortKey(String text) {
    return text.startsWith("-") ? SortKey.descending(text.substring(1)) : SortKey.ascending(text);
  }

  private static void printTable(TwinStore twin, Query query, PrintStream out)
      throws StoreException {
    out.printf("%-44s %-14s %8s %9s %8s%n", "gml_id", "type", "height", "area_m2", "river_m");
    twin.query(
        query,
        stored ->
            out.printf(
                Locale.ROOT,
                "%-44s %-14s %8s %9s %8s%n",
                stored.object().gmlId(),
                stored.object().type().id(),
                number(stored, FixedAttribute.HEIGHT, "%.2f"),
                number(stored, FixedAttribute.FOOTPRINT_AREA, "%.1f"),
                number(stored, FixedAttribute.RIVER_FLOOD_DEPTH, "%.2f")));
  }

  private static String number(StoredObject stored, FixedAttribute attribute, String pattern) {
    Literal value = attribute.valueOf(stored.object(), stored.datasetSourceName());
    return value instanceof Literal.NumberLiteral n
        ? String.format(Locale.ROOT, pattern, n.value())
        : "-";
  }

  private static void printGeoJson(TwinStore twin, Query query, PrintStream out)
      throws StoreException {
    FeatureWriter features = new FeatureWriter();
    try (JsonGenerator json =
        new JsonFactory()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .createGenerator(out, JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("type", "FeatureCollection");
      json.writeArrayFieldStart("features");
      twin.query(
          query,
          stored -> {
            try {
              features.write(json, stored.object(), stored.datasetSourceName());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
  }
}
