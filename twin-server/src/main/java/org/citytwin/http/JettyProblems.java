package org.citytwin.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty raises before a request reaches Javalin (a request line or headers over {@link
 * TwinServer#MAX_REQUEST_HEADER_BYTES}, a malformed URI) as the same problem documents {@link
 * ProblemResponses} writes, instead of Jetty's HTML page.
 */
final class JettyProblems extends ErrorHandler {
  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int status,
      String message,
      Throwable cause,
      Callback callback) {
    String detail =
        switch (status) {
          case 414 -> "the request URI is longer than the server reads";
          case 431 -> "the request headers are larger than the server reads";
          default -> message == null ? ProblemResponses.statusTitle(status) : message;
        };
    byte[] body =
        ProblemResponses.body(status, ProblemResponses.statusTitle(status), null, detail, null)
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemResponses.CONTENT_TYPE);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
