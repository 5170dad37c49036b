package org.citytwin.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/**
 * Answers {@code HEAD} like {@code GET} without the body (RFC 9110, 9.3.2): Javalin routes a HEAD
 * request to no GET handler and answered every one 200 {@code text/plain} with no body and none of
 * the GET answer's headers (ETag, Content-Type, Cache-Control), so a client checking a tile or a
 * page with HEAD learnt nothing true. The request is handed on as a GET whose body is counted and
 * dropped; the count becomes the Content-Length when the handler did not set one.
 */
final class HeadRequests implements Filter {
  private HeadRequests() {}

  static void install(ServletContextHandler context) {
    context.addFilter(
        new FilterHolder(new HeadRequests()), "/*", EnumSet.of(DispatcherType.REQUEST));
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http)
        || !"HEAD".equals(http.getMethod())
        || !(response instanceof HttpServletResponse httpResponse)) {
      chain.doFilter(request, response);
      return;
    }
    BodyDropped dropped = new BodyDropped(httpResponse);
    chain.doFilter(new AsGet(http), dropped);
    dropped.finish();
  }

  private static final class AsGet extends HttpServletRequestWrapper {
    AsGet(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getMethod() {
      return "GET";
    }
  }

  /** The response with its body counted, not sent. */
  private static final class BodyDropped extends HttpServletResponseWrapper {
    private final Counting body = new Counting();
    private PrintWriter writer;

    BodyDropped(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
      return body;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        String charset = getCharacterEncoding();
        writer =
            new PrintWriter(
                new OutputStreamWriter(
                    body,
                    charset == null ? StandardCharsets.ISO_8859_1 : Charset.forName(charset)));
      }
      return writer;
    }

    /** Says how long the dropped body was, unless the handler said so itself. */
    void finish() {
      if (writer != null) {
        writer.flush();
      }
      if (!isCommitted() && getHeader("Content-Length") == null) {
        setContentLengthLong(body.count);
      }
    }
  }

  private static final class Counting extends ServletOutputStream {
    private long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new UnsupportedOperationException("HEAD answers are written blocking");
    }
  }
}
