package org.citytwin.cli;

import java.io.PrintStream;
import java.util.Map;
import org.citytwin.citygml.IssueCounts;
import org.citytwin.citygml.IssueKind;
import org.citytwin.load.ImportSummary;
import org.citytwin.load.SourceResult;
import org.citytwin.model.CityObjectType;

/** Prints an import summary: objects by type, problems by kind, time and rate. */
final class SummaryPrinter {
  private final PrintStream out;

  SummaryPrinter(PrintStream out) {
    this.out = out;
  }

  void print(ImportSummary summary) {
    double seconds = Math.max(summary.elapsed().toNanos() / 1e9, 1e-6);
    long imported = summary.sources().size() - summary.failures().size();
    out.printf(
        "Imported %,d of %,d sources: %,d objects, %.1f MB in %.2f s (%,.0f objects/s, %.1f MB/s)%n",
        imported,
        summary.sources().size(),
        summary.objectCount(),
        summary.bytes() / 1e6,
        seconds,
        summary.objectCount() / seconds,
        summary.bytes() / 1e6 / seconds);
    out.println(summary.objectsByType().isEmpty() ? "Objects by type: none" : "Objects by type:");
    for (Map.Entry<CityObjectType, Long> entry : summary.objectsByType().entrySet()) {
      out.printf("  %-22s %,10d%n", entry.getKey().id(), entry.getValue());
    }
    printIssues(summary.issues());
    for (SourceResult failure : summary.failures()) {
      out.println("Rejected: " + failure.failure());
    }
  }

  private void printIssues(IssueCounts issues) {
    if (issues.total() == 0) {
      out.println("Data problems: none");
      return;
    }
    out.println("Data problems (handled, see docs/IMPORT.md):");
    for (IssueKind kind : IssueKind.values()) {
      long count = issues.count(kind);
      if (count > 0) {
        out.printf("  %-26s %,8d   first: %s%n", kind.id(), count, issues.example(kind));
      }
    }
  }
}
