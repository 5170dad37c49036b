package org.citytwin.citygml;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.citytwin.crs.CoordinateConversionException;
import org.citytwin.crs.CoordinateConverter;
import org.citytwin.crs.CrsRegistry;
import org.citytwin.crs.UnknownCrsException;
import org.xmlobjects.gml.model.geometry.AbstractGeometry;
import org.xmlobjects.model.Child;

/**
 * The coordinate reference systems of one source: its declared default (the first srsName, usually
 * on the CityModel envelope), geometries' own srsNames, or one CRS forced by the user for files
 * that declare a wrong one. Thread-safe; converters are shared.
 */
final class CrsContext {
  private final CrsRegistry registry;
  private final String sourceName;
  private final String defaultSrsName;
  private final boolean forced;
  private final Map<String, Converter> converters = new ConcurrentHashMap<>();

  /** Converts coordinate triples in place from one source CRS to the canonical frame. */
  interface Converter {
    /** Converts in place; false when a coordinate is outside the CRS's domain. */
    boolean toCanonical(double[] xyz);
  }

  private CrsContext(
      CrsRegistry registry, String sourceName, String defaultSrsName, boolean forced) {
    this.registry = registry;
    this.sourceName = sourceName;
    this.defaultSrsName = defaultSrsName;
    this.forced = forced;
  }

  /**
   * Checks the source's CRS up front so a bad one fails the import before any work.
   *
   * @param declared the first srsName in the source, or null
   * @param override a CRS the user forces for every geometry, or null
   */
  static CrsContext of(
      CrsRegistry registry, String sourceName, SourceProbe.Result probe, String override)
      throws CityGmlFormatException {
    CrsContext context =
        override != null
            ? new CrsContext(registry, sourceName, override, true)
            : new CrsContext(registry, sourceName, probe.srsName(), false);
    if (context.defaultSrsName == null) {
      throw new CityGmlFormatException(
          sourceName,
          -1,
          -1,
          "no coordinate reference system: the file declares no srsName; give one with --crs");
    }
    try {
      context.converter(context.defaultSrsName);
    } catch (CityGmlFormatException e) {
      if (override != null) {
        throw new CityGmlFormatException(sourceName, -1, -1, "--crs: " + e.getMessage(), e);
      }
      throw new CityGmlFormatException(
          sourceName, probe.srsLine(), probe.srsColumn(), reasonOf(e), e);
    }
    return context;
  }

  /** The identifier of the CRS the source's coordinates are in, for example {@code EPSG:6697}. */
  String sourceCrs() throws CityGmlFormatException {
    return resolve(defaultSrsName).sourceIdentifier();
  }

  Converter converterFor(AbstractGeometry geometry) throws CityGmlFormatException {
    if (forced) {
      return converter(defaultSrsName);
    }
    String srsName = inheritedSrsName(geometry);
    return converter(srsName != null ? srsName : defaultSrsName);
  }

  private static String inheritedSrsName(AbstractGeometry geometry) {
    Object node = geometry;
    while (node != null) {
      if (node instanceof AbstractGeometry g && g.getSrsName() != null) {
        return g.getSrsName();
      }
      node = node instanceof Child child ? child.getParent() : null;
    }
    return null;
  }

  private Converter converter(String srsName) throws CityGmlFormatException {
    Converter cached = converters.get(srsName);
    if (cached != null) {
      return cached;
    }
    CoordinateConverter converter = resolve(srsName);
    Converter adapter =
        xyz -> {
          try {
            converter.toCanonical(xyz, 0, xyz.length / 3);
            return true;
          } catch (CoordinateConversionException e) {
            return false;
          }
        };
    converters.putIfAbsent(srsName, adapter);
    return adapter;
  }

  private CoordinateConverter resolve(String srsName) throws CityGmlFormatException {
    try {
      return registry.converterFor(srsName);
    } catch (UnknownCrsException e) {
      throw new CityGmlFormatException(sourceName, -1, -1, e.getMessage(), e);
    }
  }

  private static String reasonOf(CityGmlFormatException e) {
    String message = e.getMessage();
    String prefix = e.source() + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }
}
