package org.citytwin.http;

/**
 * A request the server refuses, with the HTTP status and the words a client needs to fix it. Thrown
 * by handlers and validators; rendered as {@code application/problem+json} by {@link
 * ProblemResponses}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457</a>
 */
public final class HttpProblem extends RuntimeException {
  private final int status;
  private final String title;
  private final String parameter;

  private HttpProblem(int status, String title, String parameter, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.parameter = parameter;
  }

  /** A parameter with a bad value; {@code detail} says what was wrong and what is accepted. */
  public static HttpProblem badParameter(String parameter, String detail) {
    return new HttpProblem(400, "Invalid parameter", parameter, detail);
  }

  public static HttpProblem badRequest(String detail) {
    return new HttpProblem(400, "Bad request", null, detail);
  }

  /** A write without credentials ({@code Authorization: Bearer ...}). */
  public static HttpProblem unauthorized(String detail) {
    return new HttpProblem(401, "Unauthorized", "Authorization", detail);
  }

  /** A write with wrong credentials, or writes not enabled on this server. */
  public static HttpProblem forbidden(String detail) {
    return new HttpProblem(403, "Forbidden", "Authorization", detail);
  }

  public static HttpProblem notFound(String detail) {
    return new HttpProblem(404, "Not found", null, detail);
  }

  public static HttpProblem notAcceptable(String detail) {
    return new HttpProblem(406, "Not acceptable", null, detail);
  }

  /** The resource is not in a state that allows the request (a run's results before its end). */
  public static HttpProblem conflict(String detail) {
    return new HttpProblem(409, "Conflict", null, detail);
  }

  public static HttpProblem tooLarge(String parameter, String detail) {
    return new HttpProblem(413, "Request too large", parameter, detail);
  }

  public static HttpProblem unavailable(String detail) {
    return new HttpProblem(503, "Service unavailable", null, detail);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The query parameter at fault, or null. */
  public String parameter() {
    return parameter;
  }

  public String detail() {
    return getMessage();
  }
}
