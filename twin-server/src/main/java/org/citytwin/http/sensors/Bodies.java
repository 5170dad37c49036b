package org.citytwin.http.sensors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import org.citytwin.http.HttpProblem;

/**
 * Reads a JSON request body of at most {@link #MAX_BYTES}: bigger bodies get a 413, malformed JSON
 * a 400 naming the line and column. Read from the stream, since batches outgrow the server-wide
 * limit of the read API.
 */
final class Bodies {
  static final long MAX_BYTES = 8L << 20;

  private Bodies() {}

  static JsonNode json(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > MAX_BYTES) {
      throw tooLarge();
    }
    try (InputStream in = new LimitedInputStream(ctx.req().getInputStream(), MAX_BYTES)) {
      JsonNode node = EntityJson.MAPPER.readTree(in);
      if (node == null || node.isMissingNode()) {
        throw HttpProblem.badParameter("body", "the request body is empty; send a JSON object");
      }
      return node;
    } catch (LimitedInputStream.LimitExceeded e) {
      throw tooLarge();
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw HttpProblem.badParameter(
          "body",
          "the body is not valid JSON"
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
              + ": "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw HttpProblem.badRequest("the request body could not be read: " + e.getMessage());
    }
  }

  private static HttpProblem tooLarge() {
    return HttpProblem.tooLarge(
        "body", "the request body is larger than " + MAX_BYTES + " bytes; send smaller batches");
  }

  /** Fails once more than {@code limit} bytes were read. */
  private static final class LimitedInputStream extends java.io.FilterInputStream {
    private long remaining;

    LimitedInputStream(InputStream in, long limit) {
      super(in);
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && --remaining < 0) {
        throw new LimitExceeded();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0 && (remaining -= n) < 0) {
        throw new LimitExceeded();
      }
      return n;
    }

    static final class LimitExceeded extends IOException {
      LimitExceeded() {
        super("body too large");
      }
    }
  }
}
