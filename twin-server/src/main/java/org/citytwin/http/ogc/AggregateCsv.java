package org.citytwin.http.ogc;

import java.util.ArrayList;
import java.util.List;
import org.citytwin.analysis.AggregationResult;
import org.citytwin.analysis.GroupResult;
import org.citytwin.analysis.Statistics;
import org.citytwin.query.Literal;

/**
 * An aggregate as RFC 4180 CSV: a header, one row per group ({@code row=group}) and a last row over
 * all objects ({@code row=total}); per measure its count, sum, min, max and mean columns. Empty
 * cells mean no value.
 */
final class AggregateCsv {
  private AggregateCsv() {}

  static String write(AggregationResult result) {
    StringBuilder csv = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("row", "key", "label", "count"));
    for (String measure : result.spec().measures()) {
      for (String column : List.of("count", "sum", "min", "max", "mean")) {
        header.add(measure + "_" + column);
      }
    }
    line(csv, header);
    for (GroupResult group : result.groups()) {
      line(csv, row("group", group));
    }
    line(csv, row("total", result.total()));
    return csv.toString();
  }

  private static List<String> row(String kind, GroupResult group) {
    List<String> cells = new ArrayList<>();
    cells.add(kind);
    Literal key = kind.equals("total") ? null : group.key().value();
    cells.add(
        key instanceof Literal.NumberLiteral n
            ? number(n.value())
            : key instanceof Literal.TextLiteral t ? t.value() : "");
    cells.add(group.key().label() == null ? "" : group.key().label());
    cells.add(Long.toString(group.count()));
    for (Statistics statistics : group.measures().values()) {
      cells.add(Long.toString(statistics.count()));
      cells.add(number(statistics.sum()));
      cells.add(number(statistics.min()));
      cells.add(number(statistics.max()));
      cells.add(number(statistics.mean()));
    }
    return cells;
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "" : Double.toString(value);
  }

  private static void line(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(quote(cells.get(i)));
    }
    csv.append("\r\n");
  }

  private static String quote(String cell) {
    if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
      return '"' + cell.replace("\"", "\"\"") + '"';
    }
    return cell;
  }
}
