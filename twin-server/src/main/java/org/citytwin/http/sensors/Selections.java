package org.citytwin.http.sensors;

import java.util.Set;
import org.citytwin.http.HttpProblem;
import org.citytwin.http.RequestParameters;
import org.citytwin.sensor.DatastreamSelection;

/**
 * Reads a {@link DatastreamSelection} from {@code datastream}, {@code bbox} and {@code cityObject}.
 */
final class Selections {
  static final Set<String> PARAMETERS = Set.of("datastream", "bbox", "cityObject");

  private Selections() {}

  static DatastreamSelection of(RequestParameters parameters) {
    double[] bbox = parameters.numbers("bbox", 4);
    if (bbox != null) {
      if (bbox[0] > bbox[2] || bbox[1] > bbox[3]) {
        throw HttpProblem.badParameter(
            "bbox", "bbox must be minLon,minLat,maxLon,maxLat with min <= max");
      }
      if (bbox[0] < -180 || bbox[2] > 180 || bbox[1] < -90 || bbox[3] > 90) {
        throw HttpProblem.badParameter("bbox", "bbox must lie within -180,-90,180,90 (CRS84)");
      }
    }
    return new DatastreamSelection(
        Set.copyOf(parameters.list("datastream")), bbox, parameters.text("cityObject"));
  }
}
