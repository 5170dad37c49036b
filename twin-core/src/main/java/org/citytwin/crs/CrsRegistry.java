package org.citytwin.crs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.sis.referencing.CRS;
import org.opengis.referencing.NoSuchAuthorityCodeException;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.util.FactoryException;

/**
 * Hands out one {@link CoordinateConverter} per srsName, resolved against the EPSG dataset that
 * Apache SIS embeds. Safe to call from many threads; each srsName is resolved once (two threads
 * asking for a new name at the same moment may both resolve it, and one result wins), and a name
 * that failed keeps failing without asking the EPSG database again.
 *
 * <p>The first call opens the embedded EPSG database, which takes several seconds. That database
 * runs on Apache Derby, which writes a boot log to {@code derby.log} in the working directory
 * unless the system property {@code derby.stream.error.file} names another file; applications
 * should set it at start-up (the tests write to {@code target/derby.log}).
 */
public final class CrsRegistry {

  /** A cached outcome: a converter, or the reason the name is unknown. */
  private record Lookup(CoordinateConverter converter, UnknownCrsException failure) {}

  private final ConcurrentMap<String, Lookup> cache = new ConcurrentHashMap<>();

  /**
   * The converter for an srsName in any accepted form (see {@link SrsName}).
   *
   * @throws UnknownCrsException when the name cannot be parsed, names no EPSG CRS, or has no
   *     operation to CRS84; the message names the srsName and the reason
   */
  public CoordinateConverter converterFor(String srsName) throws UnknownCrsException {
    String key = String.valueOf(srsName);
    Lookup lookup = cache.get(key);
    if (lookup == null) {
      lookup = resolve(srsName);
      Lookup raced = cache.putIfAbsent(key, lookup);
      lookup = raced == null ? lookup : raced;
    }
    if (lookup.failure() != null) {
      // A fresh exception per call, so each caller gets its own stack trace.
      throw new UnknownCrsException(
          lookup.failure().srsName(), lookup.failure().reason(), lookup.failure().getCause());
    }
    return lookup.converter();
  }

  private static Lookup resolve(String srsName) {
    try {
      SrsName name = SrsName.parse(srsName);
      return new Lookup(CoordinateConverter.create(name, crsOf(name)), null);
    } catch (UnknownCrsException e) {
      return new Lookup(null, e);
    }
  }

  private static CoordinateReferenceSystem crsOf(SrsName name) throws UnknownCrsException {
    List<CoordinateReferenceSystem> components = new ArrayList<>();
    for (int code : name.epsgCodes()) {
      try {
        components.add(CRS.forCode("EPSG:" + code));
      } catch (NoSuchAuthorityCodeException e) {
        throw new UnknownCrsException(
            name.text(),
            "names EPSG code "
                + code
                + ", which is not a coordinate reference system in the EPSG"
                + " dataset",
            e);
      } catch (FactoryException e) {
        throw new UnknownCrsException(
            name.text(), "could not be resolved as EPSG:" + code + ": " + e.getMessage(), e);
      }
    }
    try {
      return components.size() == 1
          ? components.get(0)
          : CRS.compound(components.toArray(CoordinateReferenceSystem[]::new));
    } catch (FactoryException e) {
      throw new UnknownCrsException(
          name.text(), "names components that do not form a compound CRS: " + e.getMessage(), e);
    }
  }
}
