package org.citytwin.http.ogc;

/** A minimal, escaped HTML page frame for the API's HTML representations. */
final class Html {
  private final StringBuilder body = new StringBuilder();
  private final String title;

  Html(String title) {
    this.title = title;
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  Html heading(String text) {
    body.append("<h1>").append(escape(text)).append("</h1>\n");
    return this;
  }

  Html paragraph(String text) {
    body.append("<p>").append(escape(text)).append("</p>\n");
    return this;
  }

  Html link(String href, String text) {
    body.append("<p><a href=\"")
        .append(escape(href))
        .append("\">")
        .append(escape(text))
        .append("</a></p>\n");
    return this;
  }

  /** A table; cells are escaped, a cell starting with "a:" + href + "|" + text becomes a link. */
  Html table(java.util.List<String> header, java.util.List<java.util.List<String>> rows) {
    body.append("<table>\n<tr>");
    header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
    body.append("</tr>\n");
    for (java.util.List<String> row : rows) {
      body.append("<tr>");
      for (String cell : row) {
        body.append("<td>").append(cell(cell)).append("</td>");
      }
      body.append("</tr>\n");
    }
    body.append("</table>\n");
    return this;
  }

  static String linkCell(String href, String text) {
    return "a:" + href + "|" + text;
  }

  private static String cell(String cell) {
    if (cell != null && cell.startsWith("a:") && cell.contains("|")) {
      int bar = cell.indexOf('|');
      return "<a href=\""
          + escape(cell.substring(2, bar))
          + "\">"
          + escape(cell.substring(bar + 1))
          + "</a>";
    }
    return escape(cell);
  }

  String render() {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + "</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        + "td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}</style></head><body>\n"
        + body
        + "</body></html>\n";
  }
}
