package org.citytwin.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A recorded or generated series of observations read from CSV with a header naming at least {@code
 * datastream}, {@code phenomenonTime} (RFC 3339 with zone) and {@code result}, the form {@code
 * /sensors/v1/.../Observations?f=csv} writes; other columns are ignored, lines starting with {@code
 * #} are comments. Ordered by phenomenon time.
 */
record ReplayFeed(List<Row> rows) {
  record Row(String datastream, Instant phenomenonTime, double result) {}

  /** The feed could not be read; the message names the file and line. */
  static final class FeedException extends Exception {
    FeedException(String message) {
      super(message);
    }
  }

  static ReplayFeed read(Path file) throws IOException, FeedException {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int[] columns = null;
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split(",", -1);
        if (columns == null) {
          columns = columns(fields, file);
          continue;
        }
        rows.add(row(fields, columns, file + ":" + number));
      }
      if (columns == null) {
        throw new FeedException(file + ": no header line");
      }
    }
    rows.sort(Comparator.comparing(Row::phenomenonTime));
    return new ReplayFeed(List.copyOf(rows));
  }

  private static int[] columns(String[] header, Path file) throws FeedException {
    String[] wanted = {"datastream", "phenomenonTime", "result"};
    int[] columns = new int[wanted.length];
    for (int w = 0; w < wanted.length; w++) {
      columns[w] = List.of(header).indexOf(wanted[w]);
      if (columns[w] < 0) {
        throw new FeedException(
            file
                + ":1: the header lacks the column '"
                + wanted[w]
                + "'; it needs datastream,phenomenonTime,result");
      }
    }
    return columns;
  }

  private static Row row(String[] fields, int[] columns, String where) throws FeedException {
    int needed = Math.max(columns[0], Math.max(columns[1], columns[2])) + 1;
    if (fields.length < needed) {
      throw new FeedException(where + ": " + fields.length + " fields, the header names " + needed);
    }
    Instant time;
    try {
      time = OffsetDateTime.parse(fields[columns[1]].trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new FeedException(
          where
              + ": phenomenonTime '"
              + fields[columns[1]]
              + "' is not an RFC 3339 date-time with zone");
    }
    try {
      return new Row(
          fields[columns[0]].trim(), time, Double.parseDouble(fields[columns[2]].trim()));
    } catch (NumberFormatException e) {
      throw new FeedException(where + ": result '" + fields[columns[2]] + "' is not a number");
    }
  }
}
