package org.citytwin.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.flood.FloodScenario;
import org.citytwin.store.StoreException;
import org.citytwin.store.TwinStore;
import org.citytwin.terrain.CityTerrain;
import org.citytwin.terrain.RoughnessGrid;

/**
 * A scenario JSON file for {@code twin flood run --scenario}: the document {@code POST /flood/runs}
 * accepts, read and checked by the same {@link ScenarioRequest} and {@link ScenarioChecks#check},
 * and turned into a solver scenario by the same {@link CityScenario}, so a file that runs from the
 * command line runs on the server and the other way round. Uploaded grids ({@code dem}, {@code
 * initialLevelGrid}) exist only on a server and are refused here.
 */
public final class ScenarioFile {
  private final Path file;
  private final ScenarioSpec spec;

  private ScenarioFile(Path file, ScenarioSpec spec) {
    this.file = file;
    this.spec = spec;
  }

  /**
   * Reads and validates the file.
   *
   * @throws InvalidScenarioException naming the file and the JSON field at fault
   */
  public static ScenarioFile read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new IOException("cannot read the scenario file " + file + ": " + e, e);
    }
    try {
      return new ScenarioFile(file, ScenarioRequest.parse(text, null));
    } catch (ScenarioRejected p) {
      throw new InvalidScenarioException(file, p.field(), p.detail());
    }
  }

  /**
   * The terrain and the solver scenario on it, ready to run.
   *
   * @param roughness Manning's n per cell when the scenario gives more than a constant, else null
   */
  public record Prepared(CityTerrain city, RoughnessGrid roughness, FloodScenario scenario) {}

  /**
   * Builds the terrain from the store's city and the scenario on it, after the checks a server
   * makes at submission.
   *
   * @throws InvalidScenarioException naming the file and the field (a position outside the area, a
   *     zone without cells, a grid too large ...)
   */
  public Prepared prepare(TwinStore store, int threads)
      throws StoreException, CoordinateConversionException {
    try {
      ScenarioChecks.check(spec, store);
      CityTerrain city = spec.terrain(store);
      RoughnessGrid roughness = spec.roughness(store, city);
      return new Prepared(city, roughness, CityScenario.of(spec, city, roughness, threads));
    } catch (ScenarioRejected p) {
      throw new InvalidScenarioException(file, p.field(), p.detail());
    } catch (IllegalArgumentException e) {
      throw new InvalidScenarioException(file, null, e.getMessage());
    }
  }
}
