package org.citytwin.store;

/** The store could not be opened, read or written; the message says which store and what. */
public class StoreException extends Exception {

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
