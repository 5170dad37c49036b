package org.citytwin.store;

import java.util.Objects;
import org.citytwin.model.CityObject;

/**
 * A city object as read from the store.
 *
 * @param storeId the store's own row id, stable until the object's dataset is re-imported
 */
public record StoredObject(long storeId, String datasetSourceName, CityObject object) {

  public StoredObject {
    Objects.requireNonNull(datasetSourceName, "dataset source name");
    Objects.requireNonNull(object, "object");
  }
}
