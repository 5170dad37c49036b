package org.citytwin.scenario;

/**
 * A scenario document refused at submission: the JSON field at fault (null when the document as a
 * whole is wrong) and what is wrong with it. The HTTP API answers it as a 400 problem naming the
 * field; {@link ScenarioFile} turns it into an {@link InvalidScenarioException} naming the file.
 */
public final class ScenarioRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;

  private ScenarioRejected(String field, String detail) {
    super(detail, null, false, false);
    this.field = field;
  }

  /** A field with a bad value; {@code detail} says what was wrong and what is accepted. */
  public static ScenarioRejected field(String field, String detail) {
    return new ScenarioRejected(field, detail);
  }

  /** A document wrong as a whole (not JSON, nothing to flood ...). */
  public static ScenarioRejected whole(String detail) {
    return new ScenarioRejected(null, detail);
  }

  /** The JSON field at fault, such as {@code inflows[0].hydrograph}, or null. */
  public String field() {
    return field;
  }

  public String detail() {
    return getMessage();
  }
}
