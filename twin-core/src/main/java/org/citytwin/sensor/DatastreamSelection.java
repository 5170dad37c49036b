package org.citytwin.sensor;

import java.util.Set;

/**
 * Which datastreams a query or a subscription is about: those listed by id, those whose thing lies
 * in a CRS84 box, and those whose thing is bound to a city object; every given criterion must hold,
 * none given means all.
 *
 * @param datastreamIds ids, empty for any
 * @param bbox minLon, minLat, maxLon, maxLat, or null for anywhere
 * @param cityObjectId gml:id of the bound city object, or null for any
 */
public record DatastreamSelection(Set<String> datastreamIds, double[] bbox, String cityObjectId) {
  public DatastreamSelection {
    datastreamIds = Set.copyOf(datastreamIds);
    if (bbox != null) {
      if (bbox.length != 4) {
        throw new IllegalArgumentException("a bbox has 4 numbers, was " + bbox.length);
      }
      bbox = bbox.clone();
    }
  }

  public static DatastreamSelection all() {
    return new DatastreamSelection(Set.of(), null, null);
  }

  boolean accepts(Datastream datastream, Thing thing) {
    if (!datastreamIds.isEmpty() && !datastreamIds.contains(datastream.id())) {
      return false;
    }
    if (bbox != null
        && (thing == null || !thing.location().within(bbox[0], bbox[1], bbox[2], bbox[3]))) {
      return false;
    }
    return cityObjectId == null || (thing != null && cityObjectId.equals(thing.cityObjectId()));
  }
}
