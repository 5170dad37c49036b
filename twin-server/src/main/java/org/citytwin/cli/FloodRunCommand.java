package org.citytwin.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.flood.BuildingFootprint;
import org.citytwin.flood.Edge;
import org.citytwin.flood.FloodResult;
import org.citytwin.flood.FloodScenario;
import org.citytwin.flood.Gauge;
import org.citytwin.flood.Inflow;
import org.citytwin.flood.RainZone;
import org.citytwin.flood.StageBoundary;
import org.citytwin.flood.StageLine;
import org.citytwin.flood.TimeSeries;
import org.citytwin.terrain.CellMask;
import org.citytwin.terrain.DemResampler;
import org.citytwin.terrain.GridFormatException;
import org.citytwin.terrain.Raster;
import org.citytwin.terrain.RunGrids;
import org.citytwin.terrain.TerrainGrid;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code twin flood run}: a flood simulation on an ESRI ASCII DEM with CSV forcing. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a flood simulation and write grids (.asc or GeoTIFF), gauges.csv and"
          + " mass_balance.txt.",
      "The terrain is a DEM (--dem, ESRI ASCII or GeoTIFF) or built from the city in a store"
          + " (--from-store). Time series are CSV files of time_s,value. Coordinates are in the"
          + " grid's CRS, or lon,lat with --lonlat."
    })
final class FloodRunCommand implements Callable<Integer> {
  /** The options a scenario file may be given with: where the city is, where outputs go. */
  static final java.util.Set<String> WITH_SCENARIO =
      java.util.Set.of("--scenario", "--from-store", "--out", "--format", "--threads");

  @CommandLine.Spec CommandLine.Model.CommandSpec command;

  @Option(
      names = "--scenario",
      paramLabel = "FILE.json",
      description =
          "The whole scenario as the JSON document POST /flood/runs accepts (positions lon/lat),"
              + " run on the city of --from-store; only --out, --format and --threads may be"
              + " given with it.")
  Path scenarioFile;

  @Option(
      names = "--dem",
      paramLabel = "FILE",
      description = "DEM: ESRI ASCII grid (.asc) or GeoTIFF (.tif).")
  Path dem;

  @Option(
      names = "--from-store",
      paramLabel = "DIR",
      description =
          "Build the terrain from the city in this store (relief TIN, else building ground"
              + " heights interpolated); its buildings are obstacles and reported.")
  Path fromStore;

  @Option(
      names = "--cell-size",
      description =
          "Cell size in metres, 1 to 20 (default 5 with --from-store; with --dem the DEM's own"
              + " cells, else the DEM is resampled to this size).")
  Double cellSize;

  @Option(
      names = "--bbox",
      paramLabel = "MINLON,MINLAT,MAXLON,MAXLAT",
      description = "With --from-store: the area to simulate (default: the whole city).")
  String bbox;

  @Option(
      names = "--obstacles",
      defaultValue = "blocked",
      description =
          "With --from-store: buildings blocked or raised to roof height (default"
              + " ${DEFAULT-VALUE}).")
  String obstacles;

  @Option(
      names = "--crs",
      paramLabel = "EPSG",
      description =
          "EPSG code of the grid's CRS: with --from-store the frame to build in (default: the"
              + " JGD2011 plane rectangular zone in Japan, else UTM); with an .asc DEM, the DEM's"
              + " CRS (written into GeoTIFF outputs); with a GeoTIFF DEM naming another CRS, the"
              + " CRS to reproject it into.")
  Integer crs;

  @Option(
      names = "--lonlat",
      description = "--inflow and --gauge positions are longitude,latitude (needs a known CRS).")
  boolean lonLat;

  @Option(
      names = "--format",
      defaultValue = "asc",
      description = "Output grids: asc or tif (GeoTIFF, Float32; default ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--manning",
      defaultValue = "0.035",
      description = "Manning's n (default ${DEFAULT-VALUE}).")
  double manning;

  @Option(names = "--rain", paramLabel = "CSV", description = "Uniform rain, mm/h over time.")
  Path rain;

  @Option(
      names = "--inflow",
      paramLabel = "X,Y,CSV",
      description = "Point inflow in m³/s (repeatable).")
  List<String> inflows = new ArrayList<>();

  @Option(
      names = "--stage-edge",
      paramLabel = "EDGE,CSV",
      description = "Water level on west|east|north|south (repeatable).")
  List<String> stages = new ArrayList<>();

  @Option(
      names = "--stage-line",
      paramLabel = "X,Y,X,Y[,...],CSV",
      description =
          "Water level held on the cells under a polyline of two or more points (repeatable).")
  List<String> stageLines = new ArrayList<>();

  @Option(
      names = "--rain-zone",
      paramLabel = "X,Y,X,Y,X,Y[,...],CSV",
      description =
          "Rain in mm/h on the cells inside a polygon of three or more points, added to --rain"
              + " (repeatable).")
  List<String> rainZones = new ArrayList<>();

  @Option(
      names = "--initial-level-zone",
      paramLabel = "X,Y,X,Y,X,Y[,...],LEVEL",
      description =
          "Initial water surface elevation on the cells inside a polygon; the highest of these"
              + " and --initial-level wins (repeatable).")
  List<String> levelZones = new ArrayList<>();

  @Option(
      names = "--open-edges",
      description = "Let water leave freely through edges without a stage.")
  boolean openEdges;

  @Option(
      names = "--duration",
      defaultValue = "3600",
      description = "Simulated seconds (default ${DEFAULT-VALUE}).")
  double duration;

  @Option(
      names = "--output-interval",
      defaultValue = "300",
      description = "Seconds between depth snapshots, 0 for none (default ${DEFAULT-VALUE}).")
  double outputInterval;

  @Option(
      names = "--gauge-interval",
      defaultValue = "60",
      description = "Seconds between gauge records (default ${DEFAULT-VALUE}).")
  double gaugeInterval;

  @Option(names = "--gauge", paramLabel = "X,Y", description = "Gauge point (repeatable).")
  List<String> gauges = new ArrayList<>();

  @Option(
      names = "--theta",
      defaultValue = "0.8",
      description = "q-centred weighting θ (default ${DEFAULT-VALUE}).")
  double theta;

  @Option(names = "--threads", description = "Worker threads (default: cores).")
  Integer threads;

  @Option(
      names = "--initial-level",
      paramLabel = "FILE.asc",
      description =
          "Initial water surface elevation per cell (.asc or .tif; resampled to the run's grid"
              + " like the DEM when not on it; NODATA starts dry).")
  Path initialLevel;

  @Option(
      names = "--manning-grid",
      paramLabel = "FILE.asc",
      description =
          "Manning's n per cell (.asc or .tif; resampled to the run's grid like the DEM when not"
              + " on it); overrides --manning, which its NODATA cells take.")
  Path manningGrid;

  @Option(
      names = "--roughness",
      paramLabel = "land-use",
      description =
          "With --from-store: land-use gives each cell the Manning's n of the road, water body or"
              + " luse:LandUse class covering its centre (default table: Chow 1959; open ground"
              + " 0.035); written as manning.asc|tif.")
  String roughness;

  @Option(
      names = "--roughness-table",
      paramLabel = "FILE.json",
      description =
          "With --roughness land-use: n overriding the defaults, {\"road\": n, \"water\": n,"
              + " \"default\": n, \"landUse\": {\"<class code>\": n}}.")
  Path roughnessTable;

  @Option(
      names = "--buildings",
      paramLabel = "FILE",
      description = "Buildings to report depth around: lines of id;WKT polygon in the DEM's CRS.")
  Path buildings;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  /** Manning's n per cell of the run when not the constant (set while building the scenario). */
  private org.citytwin.terrain.RoughnessGrid usedRoughness;

  @Override
  public Integer call() throws Exception {
    if (scenarioFile != null) {
      return runScenarioFile();
    }
    FloodTerrain terrain;
    FloodScenario scenario;
    GridFiles grids;
    try {
      grids = GridFiles.parse(format);
      terrain = terrain();
      if (grids == GridFiles.TIF && terrain.epsgCode() < 1) {
        throw new IllegalArgumentException(
            "--format tif needs the grid's EPSG code: give --crs, or a GeoTIFF DEM that names it");
      }
      scenario = scenario(terrain);
      java.nio.file.Files.createDirectories(out);
      if (fromStore != null) {
        grids.write(terrain.grid().raster(), terrain.epsgCode(), out, "terrain");
      }
      if (usedRoughness != null) {
        grids.write(usedRoughness.manning(), terrain.epsgCode(), out, "manning");
      }
    } catch (GridFormatException
        | IOException
        | IllegalArgumentException
        | org.citytwin.store.StoreException
        | CoordinateConversionException e) {
      System.err.println("twin flood run: " + e.getMessage());
      return ExitCodes.INPUT_REJECTED;
    }
    FloodResult result = FloodOutputs.run(scenario, out, System.err, grids, terrain.epsgCode());
    report(result);
    return ExitCodes.OK;
  }

  /** {@code --scenario}: the server's parser, checks and scenario builder on the store's city. */
  private int runScenarioFile() throws Exception {
    GridFiles grids;
    org.citytwin.scenario.ScenarioFile.Prepared prepared;
    try {
      for (CommandLine.Model.OptionSpec o :
          command.commandLine().getParseResult().matchedOptions()) {
        if (!WITH_SCENARIO.contains(o.longestName())) {
          throw new IllegalArgumentException(
              o.longestName()
                  + " cannot be given with --scenario, which holds the whole scenario (only"
                  + " --from-store, --out, --format and --threads go with it)");
        }
      }
      if (fromStore == null) {
        throw new IllegalArgumentException(
            "--scenario needs --from-store DIR: a scenario file runs on the city of a store");
      }
      grids = GridFiles.parse(format);
      org.citytwin.scenario.ScenarioFile file =
          org.citytwin.scenario.ScenarioFile.read(scenarioFile);
      try (org.citytwin.store.TwinStore twin = org.citytwin.store.TwinStore.open(fromStore)) {
        prepared =
            file.prepare(
                twin, threads != null ? threads : Runtime.getRuntime().availableProcessors());
      }
      System.err.println(prepared.city().summary());
      java.nio.file.Files.createDirectories(out);
      grids.write(
          prepared.city().terrain().raster(), prepared.city().frame().epsgCode(), out, "terrain");
      if (prepared.roughness() != null) {
        System.err.println(prepared.roughness().summary());
        grids.write(
            prepared.roughness().manning(), prepared.city().frame().epsgCode(), out, "manning");
      }
    } catch (IOException
        | IllegalArgumentException
        | org.citytwin.store.StoreException
        | CoordinateConversionException e) {
      System.err.println("twin flood run: " + e.getMessage());
      return ExitCodes.INPUT_REJECTED;
    }
    FloodResult result =
        FloodOutputs.run(
            prepared.scenario(), out, System.err, grids, prepared.city().frame().epsgCode());
    report(result);
    return ExitCodes.OK;
  }

  private static void report(FloodResult result) {
    System.out.printf(
        "flood %s: %.0f s simulated in %d steps, %.1f s wall; volume error %.3e m³ (%.2e)%n",
        result.state(),
        result.simulatedSeconds(),
        result.steps(),
        result.wallSeconds(),
        result.massBalance().errorCubicMetres(),
        result.massBalance().relativeError());
  }

  private FloodTerrain terrain()
      throws IOException,
          GridFormatException,
          org.citytwin.store.StoreException,
          CoordinateConversionException {
    if ((dem == null) == (fromStore == null)) {
      throw new IllegalArgumentException("give exactly one of --dem FILE and --from-store DIR");
    }
    if (dem != null && (roughness != null || roughnessTable != null)) {
      throw new IllegalArgumentException(
          "--roughness needs --from-store DIR: land use comes from the city in a store");
    }
    FloodTerrain t =
        dem != null
            ? FloodTerrain.fromDem(dem, crs, cellSize)
            : FloodTerrain.fromStore(
                fromStore, cellSize != null ? cellSize : 5, bbox, obstacles, crs, roughness());
    System.err.println(t.summary());
    return t;
  }

  /**
   * The land-use table of {@code --roughness land-use} (with {@code --roughness-table}), or null;
   * refused with a DEM file (no city to read land use from) or another source of n.
   */
  private org.citytwin.terrain.RoughnessTable roughness() throws IOException {
    if (roughness == null) {
      if (roughnessTable != null) {
        throw new IllegalArgumentException("--roughness-table needs --roughness land-use");
      }
      return null;
    }
    if (!org.citytwin.scenario.RoughnessRequest.LAND_USE.equals(roughness)) {
      throw new IllegalArgumentException(
          "--roughness '"
              + roughness
              + "' must be land-use (else give --manning or --manning-grid)");
    }
    if (manningGrid != null) {
      throw new IllegalArgumentException(
          "--manning-grid cannot be given with --roughness land-use");
    }
    if (command != null && command.commandLine().getParseResult().hasMatchedOption("--manning")) {
      throw new IllegalArgumentException(
          "--manning cannot be given with --roughness land-use: set \"default\" in"
              + " --roughness-table for open ground");
    }
    return roughnessTable != null
        ? org.citytwin.scenario.RoughnessRequest.read(roughnessTable)
        : org.citytwin.terrain.RoughnessTable.defaults();
  }

  private FloodScenario scenario(FloodTerrain source)
      throws IOException, GridFormatException, CoordinateConversionException {
    TerrainGrid terrain = source.grid();
    FloodScenario.Builder b =
        FloodScenario.builder(terrain)
            .blocked(source.blocked())
            .manning(manning)
            .duration(duration)
            .outputInterval(outputInterval)
            .gaugeInterval(gaugeInterval)
            .theta(theta)
            .threads(threads != null ? threads : Runtime.getRuntime().availableProcessors());
    Raster levels = initialLevel != null ? onRunGrid(source, initialLevel) : null;
    if (!levelZones.isEmpty()) {
      levels = zoneLevels(source, levels);
    }
    if (levels != null) {
      b.initialWaterLevel(levels);
    }
    usedRoughness = source.roughness();
    if (manningGrid != null) {
      try {
        usedRoughness = RunGrids.manning(onRunGrid(source, manningGrid), manning);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--manning-grid " + manningGrid + ": " + e.getMessage(), e);
      }
    }
    if (usedRoughness != null) {
      System.err.println(usedRoughness.summary());
      b.manning(usedRoughness.manning());
    }
    if (rain != null) {
      b.rain(TimeSeries.readCsv(rain));
    }
    for (String spec : rainZones) {
      OptionShape zone = OptionShape.parse(spec, 3, "--rain-zone", source, lonLat);
      try {
        b.rain(
            RainZone.within(
                terrain.geometry(), zone.polygon(), TimeSeries.readCsv(Path.of(zone.last()))));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--rain-zone '" + spec + "': " + e.getMessage(), e);
      }
    }
    for (String spec : stageLines) {
      OptionShape line = OptionShape.parse(spec, 2, "--stage-line", source, lonLat);
      try {
        b.stage(
            StageLine.along(
                terrain.geometry(), line.xy(), TimeSeries.readCsv(Path.of(line.last()))));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--stage-line '" + spec + "': " + e.getMessage(), e);
      }
    }
    for (String spec : inflows) {
      String[] p = parts(spec, 3, "--inflow", "X,Y,CSV");
      double[] xy = position(source, p, "--inflow");
      b.inflow(Inflow.at(terrain.geometry(), xy[0], xy[1], TimeSeries.readCsv(Path.of(p[2]))));
    }
    List<Edge> staged = new ArrayList<>();
    for (String spec : stages) {
      String[] p = parts(spec, 2, "--stage-edge", "EDGE,CSV");
      Edge edge = Edge.parse(p[0]);
      staged.add(edge);
      b.stage(new StageBoundary(edge, TimeSeries.readCsv(Path.of(p[1]))));
    }
    if (openEdges) {
      for (Edge e : Edge.values()) {
        if (!staged.contains(e)) {
          b.open(e);
        }
      }
    }
    if (buildings != null) {
      readBuildings(buildings).forEach(b::building);
    }
    source.buildings().forEach(b::building);
    for (int g = 0; g < gauges.size(); g++) {
      String[] p = parts(gauges.get(g), 2, "--gauge", "X,Y");
      double[] xy = position(source, p, "--gauge");
      b.gauge(new Gauge("g" + (g + 1), xy[0], xy[1]));
    }
    return b.build();
  }

  /** A grid file on the run's grid; stderr says when it had to be resampled. */
  private static Raster onRunGrid(FloodTerrain source, Path file)
      throws IOException, GridFormatException, CoordinateConversionException {
    DemResampler.Resampled r = source.onRunGrid(file);
    if (r.method() != DemResampler.Method.NONE) {
      System.err.printf(
          Locale.ROOT,
          "%s: put on the run's grid from %s m cells by %s%s%n",
          file,
          r.sourceCellMetres(),
          r.method().name().toLowerCase(Locale.ROOT).replace('_', ' '),
          r.reprojected() ? ", reprojected" : "");
    }
    return r.raster();
  }

  /** {@code --initial-level-zone} levels over {@code grid}'s levels (or none), highest wins. */
  private Raster zoneLevels(FloodTerrain source, Raster grid) throws CoordinateConversionException {
    org.citytwin.terrain.GridGeometry g = source.grid().geometry();
    float[] level = grid != null ? grid.values() : new float[g.cellCount()];
    if (grid == null) {
      java.util.Arrays.fill(level, Float.NaN);
    }
    for (String spec : levelZones) {
      OptionShape zone = OptionShape.parse(spec, 3, "--initial-level-zone", source, lonLat);
      float value = (float) OptionShape.number(zone.last(), "--initial-level-zone");
      for (int cell : CellMask.within(g, List.of(zone.polygon())).indexes()) {
        level[cell] = Float.isNaN(level[cell]) ? value : Math.max(level[cell], value);
      }
    }
    return Raster.of(g, level);
  }

  static List<BuildingFootprint> readBuildings(Path file) throws IOException {
    List<BuildingFootprint> list = new ArrayList<>();
    org.locationtech.jts.io.WKTReader reader = new org.locationtech.jts.io.WKTReader();
    int lineNo = 0;
    for (String line : java.nio.file.Files.readAllLines(file)) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] p = line.split(";", 2);
      try {
        if (p.length != 2) {
          throw new IllegalArgumentException("expected 'id;WKT'");
        }
        list.add(new BuildingFootprint(p[0].trim(), reader.read(p[1])));
      } catch (org.locationtech.jts.io.ParseException | IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + lineNo + ": " + e.getMessage(), e);
      }
    }
    return list;
  }

  /** X,Y in the grid's CRS, or lon,lat with --lonlat. */
  private double[] position(FloodTerrain source, String[] p, String option)
      throws CoordinateConversionException {
    double[] xyz = {number(p[0], option), number(p[1], option), 0};
    if (lonLat) {
      source.frame(option + " with --lonlat").toMetric(xyz, 0, 1);
    }
    return xyz;
  }

  private static String[] parts(String spec, int n, String option, String form) {
    String[] p = spec.split(",", n);
    if (p.length != n) {
      throw new IllegalArgumentException(option + " '" + spec + "' must be " + form);
    }
    return p;
  }

  private static double number(String s, String option) {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": '" + s + "' is not a number", e);
    }
  }
}
